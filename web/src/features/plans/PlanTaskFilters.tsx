import { Button, Collapse, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useState, type CSSProperties } from 'react';
import { Icon } from '../../components/Icon';
import { foldedFilter } from '../../components/selectFilter';
import { ToggleButtons } from '../../components/ToggleButtons';
import { t } from '../../i18n';
import type { AreaRef, Unit } from '../../lib/types';
import type { DueWindow, GroupBy, PlanSearch } from './planFilters';

interface PlanTaskFiltersProps {
  search: PlanSearch;
  onChange: (patch: Partial<PlanSearch>) => void;
  units: Unit[];
  areas: AreaRef[];
}

/** Grouping toggle and filters (unit, area, due window, free text) of the plan view. */
export function PlanTaskFilters({ search, onChange, units, areas }: PlanTaskFiltersProps) {
  const [query, setQuery] = useState(search.q ?? '');
  const pushQuery = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), 250);
  const active = Boolean(search.status || search.unit || search.area || search.due || search.q);
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [opened, setOpened] = useState(false);

  const filters = (
    <Group align="flex-end" gap="sm" mb="md" className="no-print" role="search" aria-label={t('filter.heading')}>
      <ToggleButtons<GroupBy>
        label={t('plan.groupBy')}
        value={search.group ?? 'area'}
        onChange={(value) => onChange({ group: value === 'unit' ? 'unit' : undefined })}
        options={[
          { value: 'area', label: t('plan.groupByArea') },
          { value: 'unit', label: t('plan.groupByUnit') },
        ]}
      />
      <Select
        label={t('filter.unit')}
        placeholder={t('filter.allUnits')}
        data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        value={search.unit ?? null}
        onChange={(value) => onChange({ unit: value ?? undefined })}
        clearable
        searchable
        filter={foldedFilter}
        className="filter-field" style={{ '--filter-width': '260px' } as CSSProperties}
      />
      <Select
        label={t('filter.area')}
        placeholder={t('filter.allAreas')}
        data={[...areas.map((area) => ({ value: area.code, label: area.short || area.name })), { value: 'none', label: t('plan.noArea') }]}
        value={search.area ?? null}
        onChange={(value) => onChange({ area: value ?? undefined })}
        clearable
        className="filter-field" style={{ '--filter-width': '220px' } as CSSProperties}
      />
      <Select
        label={t('filter.due')}
        placeholder={t('filter.dueAll')}
        data={[
          { value: 'overdue', label: t('filter.dueOverdue') },
          { value: 'next7', label: t('filter.due7') },
          { value: 'next30', label: t('filter.due30') },
        ] satisfies { value: DueWindow; label: string }[]}
        value={search.due ?? null}
        onChange={(value) => onChange({ due: (value as DueWindow | null) ?? undefined })}
        clearable
        className="filter-field" style={{ '--filter-width': '210px' } as CSSProperties}
      />
      <TextInput
        label={t('filter.search')}
        placeholder={t('filter.searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          pushQuery(event.currentTarget.value);
        }}
        leftSection={<Icon name="search" size={16} />}
        className="filter-field" style={{ '--filter-width': '240px' } as CSSProperties}
        type="search"
      />
      {active && (
        <Button
          variant="subtle"
          leftSection={<Icon name="x" size={16} />}
          onClick={() => {
            setQuery('');
            onChange({ status: undefined, unit: undefined, area: undefined, due: undefined, q: undefined });
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </Group>
  );

  if (!phone) return filters;
  return (
    <div className="no-print">
      <Button
        variant={active ? 'light' : 'default'}
        leftSection={<Icon name="search" size={16} />}
        onClick={() => setOpened((value) => !value)}
        aria-expanded={opened}
        mb="sm"
        fullWidth
      >
        {t('filter.heading')}
      </Button>
      <Collapse expanded={opened}>{filters}</Collapse>
    </div>
  );
}
