import { Badge, type MantineColor } from '@mantine/core';
import { Icon, type IconName } from './Icon';

/** A small coloured label with an icon, for states other than task status (plans, periods, extensions, targets). */
export function TagBadge({ color, icon, label, testId }: { color: MantineColor; icon: IconName; label: string; testId?: string }) {
  return (
    <Badge
      color={color}
      variant="light"
      leftSection={<Icon name={icon} size={14} />}
      data-testid={testId}
      className="status-badge"
      styles={{ label: { textTransform: 'none', fontWeight: 600 } }}
    >
      {label}
    </Badge>
  );
}
