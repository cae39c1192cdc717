import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { foldedFilter } from '../../components/selectFilter';
import { t } from '../../i18n';
import { useCurrentOrg } from '../org/CurrentOrg';

/** For provincial users: which commune the screens show. */
export function OrgPicker() {
  const { orgId, orgs, setOrgId } = useCurrentOrg();
  const data = useMemo(() => {
    const province = orgs.filter((org) => org.kind !== 'commune').map((org) => ({ value: org.id, label: org.name }));
    const communes = orgs
      .filter((org) => org.kind === 'commune')
      .map((org) => ({ value: org.id, label: org.name }))
      .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
    return [
      ...(province.length ? [{ group: t('shell.orgGroupProvince'), items: province }] : []),
      ...(communes.length ? [{ group: t('shell.orgGroupCommunes'), items: communes }] : []),
    ];
  }, [orgs]);

  return (
    <Select
      label={t('shell.orgPicker')}
      size="xs"
      data={data}
      value={orgId}
      onChange={(value) => value && setOrgId(value)}
      searchable
      filter={foldedFilter}
      allowDeselect={false}
      w="100%"
      comboboxProps={{ width: 300, position: 'bottom-start', keepMounted: false }}
    />
  );
}
