import type { MantineColor } from '@mantine/core';
import { TagBadge } from '../../components/TagBadge';
import type { IconName } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import type { TargetLight } from '../../lib/types';

/** Colour, icon and word of each traffic light (never colour alone). */
export const LIGHT_LOOK: Record<TargetLight, { color: MantineColor; hex: string; icon: IconName; label: MessageKey }> = {
  met: { color: 'green', hex: '#2f9e44', icon: 'check', label: 'targetLight.met' },
  at_risk: { color: 'orange', hex: '#e8590c', icon: 'alert', label: 'targetLight.at_risk' },
  missed: { color: 'red', hex: '#e03131', icon: 'x', label: 'targetLight.missed' },
  no_data: { color: 'gray', hex: '#868e96', icon: 'minus', label: 'targetLight.no_data' },
};

export function lightLabel(light: TargetLight): string {
  return t(LIGHT_LOOK[light].label);
}

/** Đạt / Có nguy cơ / Không đạt / Chưa có số liệu. */
export function TargetLightBadge({ light }: { light: TargetLight }) {
  const look = LIGHT_LOOK[light];
  return <TagBadge color={look.color} icon={look.icon} label={lightLabel(light)} testId="target-light" state={light} />;
}
