import type { BadgeProps } from '@mantine/core';
import { TagBadge } from '../../../components/TagBadge';
import { t } from '../../../i18n';
import { OUTCOME_LOOK, STATUS_LOOK } from '../emulationQueries';
import type { CampaignStatus, Outcome } from '../emulationTypes';

/** Đang theo dõi / Đã xác nhận danh sách. */
export function CampaignStatusBadge({ status, size = 'md' }: { status: CampaignStatus; size?: BadgeProps['size'] }) {
  const look = STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={t(look.label)} size={size} testId="campaign-status" state={status} />;
}

/** Đạt / Chưa đạt / Không phát sinh / Chưa đánh giá. */
export function OutcomeBadge({ outcome, size = 'md' }: { outcome: Outcome; size?: BadgeProps['size'] }) {
  const look = OUTCOME_LOOK[outcome];
  return <TagBadge color={look.color} icon={look.icon} label={t(look.label)} size={size} testId="criterion-outcome" state={outcome} />;
}

/** Có / Không in the proposal column. */
export function ProposedBadge({ proposed, size = 'md' }: { proposed: boolean; size?: BadgeProps['size'] }) {
  return (
    <TagBadge
      color={proposed ? 'green' : 'red'}
      icon={proposed ? 'check' : 'x'}
      label={proposed ? t('emulation.proposed.yes') : t('emulation.proposed.no')}
      size={size}
      testId="participant-proposed"
      state={proposed ? 'yes' : 'no'}
    />
  );
}
