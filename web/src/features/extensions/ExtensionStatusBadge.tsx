import { TagBadge } from '../../components/TagBadge';
import { EXTENSION_LOOK, extensionStatusLabel } from '../../lib/status';
import type { ExtensionStatus } from '../../lib/types';

export function ExtensionStatusBadge({ status }: { status: ExtensionStatus }) {
  const look = EXTENSION_LOOK[status];
  return <TagBadge color={look.color} icon={look.icon} label={extensionStatusLabel(status)} testId="extension-status" />;
}
