import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { ConfirmButton } from './ConfirmButton';
import { Icon, type IconName } from './Icon';

export interface EvidenceRemoval {
  /** The button's accessible name, naming the item. */
  ariaLabel: string;
  /** The question asked before removing. */
  message: string;
  label: string;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
}

interface EvidenceRowProps {
  icon: IconName;
  /** The item's link (or its name where it has none). */
  link: ReactNode;
  /** Kind, size, who added it, when: the empty ones are left out. */
  details: (string | null | undefined)[];
  /** Left out for those who may not remove the item. */
  remove?: EvidenceRemoval | null;
}

/** One item of an evidence list (<ul>): icon, link and details, and a remove button that asks first. */
export function EvidenceRow({ icon, link, details, remove }: EvidenceRowProps) {
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
      <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: '1 1 auto' }}>
        <Icon name={icon} size={16} style={{ marginTop: 3 }} />
        <div style={{ minWidth: 0 }}>
          {link}
          <Text size="xs" c="dimmed">
            {details.filter(Boolean).join(' · ')}
          </Text>
        </div>
      </Group>
      {remove && (
        <ConfirmButton
          size="compact-xs"
          variant="subtle"
          color="red"
          style={{ flexShrink: 0 }}
          aria-label={remove.ariaLabel}
          message={remove.message}
          confirmLabel={t('common.delete')}
          loading={remove.pending}
          onConfirm={remove.onConfirm}
        >
          {remove.label}
        </ConfirmButton>
      )}
    </Group>
  );
}
