import { MultiSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useUnits } from '../features/org/orgQueries';
import { t } from '../i18n';
import type { UnitRef } from '../lib/types';
import { foldedFilter } from './selectFilter';

interface UnitMultiSelectProps {
  orgId: string;
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  required?: boolean;
  /** Units already chosen that may no longer be active (so they still show by name). */
  current?: UnitRef[];
  description?: string;
}

/** The one unit picker: the organisation's active units, searchable without diacritics. */
export function UnitMultiSelect({ orgId, label, value, onChange, error, required, current = [], description }: UnitMultiSelectProps) {
  const units = useUnits(orgId);
  const data = useMemo(() => {
    const options = units.map((unit) => ({ value: unit.id, label: unit.name }));
    for (const unit of current) {
      if (!options.some((option) => option.value === unit.id)) options.push({ value: unit.id, label: unit.name });
    }
    return options;
  }, [units, current]);

  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : t('units.pick')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      searchable
      clearable
      hidePickedOptions
      nothingFoundMessage={t('units.none')}
      filter={foldedFilter}
    />
  );
}
