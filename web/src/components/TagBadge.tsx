import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import { Icon, type IconName } from './Icon';

interface TagBadgeProps {
  color: MantineColor;
  icon: IconName;
  label: string;
  testId?: string;
  size?: BadgeProps['size'];
  /** Machine-readable state, written to `data-state`. */
  state?: string;
}

/** A coloured label with an icon and a word (never colour alone); wraps instead of cutting the word. */
export function TagBadge({ color, icon, label, testId, size = 'md', state }: TagBadgeProps) {
  return (
    <Badge
      color={color}
      variant="light"
      size={size}
      leftSection={<Icon name={icon} size={14} />}
      data-testid={testId}
      data-state={state}
      className="status-badge"
    >
      {label}
    </Badge>
  );
}
