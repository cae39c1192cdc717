import { Button, Group, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface ToggleButtonsProps<V extends string> {
  /** Visible label above the buttons; also names the group. */
  label?: string;
  /** Names the group when no visible label is shown. */
  ariaLabel?: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: ReactNode; title?: string }[];
  size?: 'xs' | 'sm';
  /** Softer look for the chosen button (header controls). */
  quiet?: boolean;
}

/** A row of pressed / not-pressed buttons choosing one value (grouping, filters, language). */
export function ToggleButtons<V extends string>({ label, ariaLabel, value, onChange, options, size = 'sm', quiet = false }: ToggleButtonsProps<V>) {
  const labelId = useId();
  return (
    <div>
      {label && (
        <Text id={labelId} size="sm" fw={500} mb={2}>
          {label}
        </Text>
      )}
      <Group role="group" gap={4} aria-labelledby={label ? labelId : undefined} aria-label={label ? undefined : ariaLabel}>
          {options.map((option) => (
            <Button
              key={option.value}
              size={size}
              variant={option.value === value ? (quiet ? 'light' : 'filled') : quiet ? 'subtle' : 'default'}
              aria-pressed={option.value === value}
              title={option.title}
              onClick={() => onChange(option.value)}
            >
              {option.label}
            </Button>
          ))}
      </Group>
    </div>
  );
}
