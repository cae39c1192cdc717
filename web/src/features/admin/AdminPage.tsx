import { Tabs } from '@mantine/core';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { EmptyText } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { t } from '../../i18n';
import { useMe } from '../auth/session';
import { useCurrentOrg } from '../org/CurrentOrg';
import { UnitsAdmin } from './UnitsAdmin';
import { UsersAdmin } from './UsersAdmin';

/** Quản trị: units and user accounts of the organisation being viewed. */
export function AdminPage() {
  const me = useMe();
  const { org } = useCurrentOrg();
  const [tab, setTab] = useState<string | null>('units');

  if (!me.permissions.manageUsers) return <EmptyText>{t('admin.forbidden')}</EmptyText>;

  return (
    <>
      <PageTitle title={t('admin.title')} subtitle={org.name} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="units" leftSection={<Icon name="list" size={16} />}>
            {t('admin.units')}
          </Tabs.Tab>
          <Tabs.Tab value="users" leftSection={<Icon name="users" size={16} />}>
            {t('admin.users')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="units">
          <UnitsAdmin orgId={org.id} />
        </Tabs.Panel>
        <Tabs.Panel value="users">
          <UsersAdmin org={org} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
