import { TagBadge } from '../../components/TagBadge';
import { planStatusLabel } from '../../lib/labels';
import { PLAN_STATUS_LOOK } from '../../lib/status';
import type { PlanStatus } from '../../lib/types';

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const look = PLAN_STATUS_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={planStatusLabel(status)} testId="plan-status" />;
}
