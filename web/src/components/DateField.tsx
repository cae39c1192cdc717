import { DateInput, DatePickerInput } from '@mantine/dates';
import { t } from '../i18n';
import { parseDisplayDate } from '../lib/format';

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

/** A date typed or picked as dd/mm/yyyy; the value is ISO `YYYY-MM-DD`. */
export function DateField({ label, value, onChange, error, required, description, minDate, maxDate, clearable = true }: DateFieldProps) {
  return (
    <DateInput
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      description={description}
      placeholder="dd/mm/yyyy"
      valueFormat="DD/MM/YYYY"
      dateParser={(input) => parseDisplayDate(input)}
      minDate={minDate}
      maxDate={maxDate}
      clearable={clearable}
      aria-description={t('common.dateFormatHint')}
      popoverProps={{ withinPortal: true }}
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

/** Several dates (the milestones of a task), shown dd/mm/yyyy. */
export function DateListField({ label, value, onChange, error, description }: DateListFieldProps) {
  return (
    <DatePickerInput
      type="multiple"
      label={label}
      value={value}
      onChange={(dates) => onChange([...dates].map(String).sort())}
      error={error}
      description={description}
      placeholder="dd/mm/yyyy"
      valueFormat="DD/MM/YYYY"
      clearable
      popoverProps={{ withinPortal: true }}
    />
  );
}
