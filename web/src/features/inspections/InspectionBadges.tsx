import { Badge, type BadgeProps } from '@mantine/core';
import { Icon } from '../../components/Icon';
import { TagBadge } from '../../components/TagBadge';
import { t } from '../../i18n';
import { FINDING_STATUS_LOOK, INSPECTION_STATUS_LOOK, SEVERITY_LOOK } from './inspectionQueries';
import type { FindingDisplayStatus, FindingSeverity, InspectionStatus } from './inspectionTypes';

type Size = BadgeProps['size'];

export function InspectionStatusBadge({ status, size = 'md' }: { status: InspectionStatus; size?: Size }) {
  const look = INSPECTION_STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={t(look.label)} size={size} testId="inspection-status" state={status} />;
}

export function FindingStatusBadge({ status, size = 'md' }: { status: FindingDisplayStatus; size?: Size }) {
  const look = FINDING_STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={t(look.label)} size={size} testId="finding-status" state={status} />;
}

/** Outlined, so that a severity is not read as a status. */
export function SeverityBadge({ severity, size = 'sm' }: { severity: FindingSeverity; size?: Size }) {
  const look = SEVERITY_LOOK[severity];
  return (
    <Badge color={look.color} variant="outline" size={size} leftSection={<Icon name={look.icon} size={12} />} className="status-badge" data-severity={severity}>
      {t(look.label)}
    </Badge>
  );
}
