import { Select, Stack } from '@mantine/core';
import { SectionPanel } from '../../components/SectionPanel';
import { foldedFilter } from '../../components/selectFilter';
import { t } from '../../i18n';
import type { Unit } from '../../lib/types';
import type { UnitChoice } from './importDraft';

const CREATE = '__create__';

interface UnitMappingPanelProps {
  texts: string[];
  units: Unit[];
  choices: Record<string, UnitChoice>;
  onChange: (text: string, choice: UnitChoice) => void;
}

/** "Đơn vị chưa khớp": every written unit without a commune unit, each with its choice. */
export function UnitMappingPanel({ texts, units, choices, onChange }: UnitMappingPanelProps) {
  const data = [{ value: CREATE, label: t('import.createUnit') }, ...units.map((unit) => ({ value: unit.id, label: unit.name }))];
  return (
    <SectionPanel id="import-unmatched" title={t('import.unmatched', { count: texts.length })} empty={texts.length === 0 ? t('import.allMatched') : undefined}>
      {texts.length > 0 && (
        <Stack gap="xs" data-testid="unit-mapping">
          {texts.map((text) => {
            const choice = choices[text] ?? null;
            return (
              <Select
                key={text}
                label={text}
                placeholder={t('import.pickUnit')}
                data={data}
                value={choice?.kind === 'unit' ? choice.unitId : choice?.kind === 'create' ? CREATE : null}
                onChange={(value) => onChange(text, value === CREATE ? { kind: 'create' } : value ? { kind: 'unit', unitId: value } : null)}
                error={choice ? undefined : t('import.unitNotMapped')}
                searchable
                clearable
                filter={foldedFilter}
                nothingFoundMessage={t('units.none')}
              />
            );
          })}
        </Stack>
      )}
    </SectionPanel>
  );
}
