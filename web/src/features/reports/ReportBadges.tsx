import type { BadgeProps } from '@mantine/core';
import { TagBadge } from '../../components/TagBadge';
import { statusLabel, STATUS_LOOK, timelinessLabel, TIMELINESS_LOOK } from './reportQueries';
import type { ReportStatus, Timeliness } from './reportTypes';

/** Dự thảo, Chủ tịch đã duyệt, Đã gửi tỉnh, Tỉnh đã tiếp nhận, Tỉnh trả lại. */
export function ReportStatusBadge({ status, size = 'md', testId }: { status: ReportStatus; size?: BadgeProps['size']; testId?: string }) {
  const look = STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={statusLabel(status)} size={size} state={status} testId={testId ?? 'report-status'} />;
}

/** Đúng hạn, Trễ hạn, Chưa gửi — quá hạn, Chưa đến hạn. */
export function TimelinessBadge({ value, size = 'md' }: { value: Timeliness; size?: BadgeProps['size'] }) {
  const look = TIMELINESS_LOOK[value];
  return <TagBadge color={look.color} icon={look.icon} label={timelinessLabel(value)} size={size} state={value} testId="report-timeliness" />;
}
