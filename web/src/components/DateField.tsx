import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker, DatePickerInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { formatDate, parseDisplayDate } from '../lib/format';
import { Icon } from './Icon';

interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  required?: boolean;
  description?: string;
  minDate?: string;
  maxDate?: string;
  clearable?: boolean;
}

/**
 * A date typed as dd/mm/yyyy (the calendar opens only from its button, so
 * typing never covers the form); the value is ISO `YYYY-MM-DD`.
 */
export function DateField({ label, value, onChange, error, required, description, minDate, maxDate, clearable = true }: DateFieldProps) {
  const [text, setText] = useState(formatDate(value));
  const [invalid, setInvalid] = useState(false);
  const [calendarOpened, setCalendarOpened] = useState(false);

  // Follow changes made from outside (form reset, draft restored).
  useEffect(() => {
    if (parseDisplayDate(text) !== value) setText(formatDate(value));
    // Only when the value itself changes.
  }, [value]);

  const type = (next: string) => {
    setText(next);
    setInvalid(false);
    if (next.trim() === '') {
      if (clearable) onChange(null);
      return;
    }
    const iso = parseDisplayDate(next);
    if (iso) onChange(iso);
  };

  const pick = (iso: string | null) => {
    setCalendarOpened(false);
    setInvalid(false);
    setText(formatDate(iso));
    onChange(iso);
  };

  return (
    <TextInput
      label={label}
      description={description}
      required={required}
      value={text}
      placeholder={t('common.datePlaceholder')}
      inputMode="numeric"
      autoComplete="off"
      onChange={(event) => type(event.currentTarget.value)}
      onBlur={() => setInvalid(text.trim() !== '' && parseDisplayDate(text) === null)}
      error={error ?? (invalid ? t('error.invalidDate') : undefined)}
      rightSection={
        <Popover opened={calendarOpened} onChange={setCalendarOpened} position="bottom-end" shadow="md" withinPortal trapFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('common.openCalendar')} onClick={() => setCalendarOpened((opened) => !opened)}>
              <Icon name="calendar" size={16} />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker value={value} onChange={pick} minDate={minDate} maxDate={maxDate} defaultDate={value ?? undefined} />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

interface DateListFieldProps {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  description?: string;
}

/** Several dates (the milestones of a task), picked on a calendar and shown dd/mm/yyyy. */
export function DateListField({ label, value, onChange, error, description }: DateListFieldProps) {
  return (
    <DatePickerInput
      type="multiple"
      label={label}
      value={value}
      onChange={(dates) => onChange([...dates].map(String).sort())}
      error={error}
      description={description}
      placeholder={t('common.datePlaceholder')}
      valueFormat="DD/MM/YYYY"
      clearable
      popoverProps={{ withinPortal: true }}
    />
  );
}
