import { Button, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { useMe } from '../auth/session';
import { AccountImportPanel } from './AccountImportPanel';
import { OrgFormModal } from './OrgFormModal';
import { OrgTreeTable } from './OrgTreeTable';
import { orgTreeQueryOptions, type OrgNode } from './orgTreeQueries';

/** Đơn vị trực thuộc: the province's communes and wards, legacy districts, and bulk accounts. */
export function OrgTreePage() {
  const me = useMe();
  const canManage = me.role === 'province_admin';
  const tree = useQuery({ ...orgTreeQueryOptions(me.orgId), enabled: me.org.kind === 'province' });
  const [form, setForm] = useState<{ org: OrgNode | null } | null>(null);

  if (me.org.kind !== 'province') return <LoadError error={new Error(t('orgTree.provinceOnly'))} />;
  if (tree.isPending) return <PageLoading />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  const province = tree.data;

  return (
    <Stack>
      <PageTitle
        title={t('orgTree.title')}
        subtitle={province.name}
        actions={
          canManage && (
            <Button leftSection={<Icon name="plus" />} onClick={() => setForm({ org: null })}>
              {t('orgTree.add')}
            </Button>
          )
        }
      />
      <SectionPanel id="org-tree" title={t('orgTree.listTitle')} empty={province.children.length ? undefined : t('orgTree.empty')}>
        <OrgTreeTable province={province} canManage={canManage} onRename={(org) => setForm({ org })} />
      </SectionPanel>
      {canManage && <AccountImportPanel provinceId={province.id} />}
      <OrgFormModal opened={form !== null} onClose={() => setForm(null)} province={province} org={form?.org ?? null} />
    </Stack>
  );
}
