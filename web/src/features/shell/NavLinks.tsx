import { NavLink, Stack } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import { Icon, type IconName } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import type { Me } from '../../lib/types';
import { hasOwnTasks } from '../auth/session';

interface Item {
  to: '/plans' | '/my-tasks' | '/extensions' | '/dashboard' | '/tong-hop' | '/records' | '/indicators' | '/chi-so-cchc' | '/chi-so-cchc/ket-qua' | '/bao-cao' | '/bao-cao/tinh' | '/kiem-tra' | '/kiem-tra/van-de' | '/sang-kien' | '/thi-dua' | '/ratings' | '/trang-cong-khai' | '/don-vi' | '/giao-cap-xa' | '/admin';
  /** Also active under this path (the PAR-index results item, while reading an assessment). */
  activeUnder?: string;
  label: MessageKey;
  icon: IconName;
  visible: (me: Me) => boolean;
}

const ITEMS: Item[] = [
  { to: '/plans', label: 'nav.plans', icon: 'list', visible: () => true },
  { to: '/my-tasks', label: 'nav.myTasks', icon: 'checklist', visible: hasOwnTasks },
  { to: '/extensions', label: 'nav.extensions', icon: 'calendar', visible: () => true },
  { to: '/dashboard', label: 'nav.dashboard', icon: 'chart', visible: () => true },
  { to: '/tong-hop', label: 'nav.provinceOverview', icon: 'chart', visible: (me) => me.org.kind === 'province' },
  { to: '/records', label: 'nav.records', icon: 'upload', visible: (me) => me.org.kind === 'commune' || me.permissions.provincial },
  { to: '/indicators', label: 'nav.indicators', icon: 'target', visible: (me) => me.org.kind === 'commune' || me.permissions.provincial },
  { to: '/chi-so-cchc', label: 'nav.parIndex', icon: 'checklist', visible: (me) => me.org.kind !== 'province' },
  { to: '/chi-so-cchc/ket-qua', activeUnder: '/chi-so-cchc', label: 'nav.parIndex', icon: 'checklist', visible: (me) => me.org.kind === 'province' },
  { to: '/bao-cao', label: 'nav.reports', icon: 'file', visible: (me) => me.org.kind === 'commune' },
  { to: '/bao-cao/tinh', activeUnder: '/bao-cao', label: 'nav.reports', icon: 'file', visible: (me) => me.org.kind === 'province' },
  { to: '/kiem-tra', label: 'nav.inspections', icon: 'checklist', visible: (me) => me.org.kind === 'commune' },
  { to: '/kiem-tra/van-de', activeUnder: '/kiem-tra', label: 'nav.inspections', icon: 'checklist', visible: (me) => me.org.kind === 'province' },
  { to: '/sang-kien', label: 'nav.initiatives', icon: 'target', visible: (me) => me.org.kind === 'commune' },
  { to: '/thi-dua', label: 'nav.emulation', icon: 'list', visible: (me) => me.org.kind === 'commune' },
  { to: '/ratings', label: 'nav.ratings', icon: 'moodSmile', visible: () => true },
  { to: '/trang-cong-khai', label: 'nav.publicPage', icon: 'file', visible: (me) => me.org.kind === 'commune' },
  { to: '/don-vi', label: 'nav.orgTree', icon: 'list', visible: (me) => me.role === 'province_admin' },
  { to: '/giao-cap-xa', label: 'nav.cascade', icon: 'list', visible: (me) => me.permissions.provincial },
  { to: '/admin', label: 'nav.admin', icon: 'users', visible: (me) => me.permissions.manageUsers },
];

export function NavLinks({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  return (
    <Stack gap={2}>
      {ITEMS.filter((item) => item.visible(me)).map((item) => {
        const active = pathname === item.to || pathname.startsWith(`${item.to}/`) || (item.to === '/plans' && pathname.startsWith('/tasks/')) || (item.activeUnder !== undefined && pathname.startsWith(`${item.activeUnder}/`));
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            leftSection={<Icon name={item.icon} />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}
