import { AppShell, Box, Burger, Button, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useNavigate } from '@tanstack/react-router';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { roleLabel } from '../../lib/labels';
import { logout, useMe } from '../auth/session';
import { CurrentOrgProvider, useCurrentOrg } from '../org/CurrentOrg';
import { ChangePasswordModal } from './ChangePasswordModal';
import { LanguageSwitch } from './LanguageSwitch';
import { NavLinks } from './NavLinks';
import { NotificationBell } from './NotificationBell';
import { OrgPicker } from './OrgPicker';

export function AppLayout() {
  const me = useMe();
  return (
    <CurrentOrgProvider me={me}>
      <Shell />
    </CurrentOrgProvider>
  );
}

function Shell() {
  const me = useMe();
  const { org } = useCurrentOrg();
  const [navOpened, nav] = useDisclosure(false);
  const [passwordOpened, password] = useDisclosure(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const signOut = async () => {
    try {
      await logout();
    } finally {
      queryClient.clear();
      void navigate({ to: '/login', search: {} });
    }
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'xs', sm: 'md' }}
    >
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className="no-print">
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavbar')} />
            <Box style={{ minWidth: 0 }}>
              <Text fw={700} size="sm" c="blue.8" lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="sm" fw={600} truncate="end" lh={1.2} data-testid="org-name">
                {org.name}
              </Text>
            </Box>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            <Menu position="bottom-end" width={240}>
              <Menu.Target>
                <UnstyledButton aria-label={`${t('shell.userMenu')}: ${me.fullName}`} className="user-button">
                  <Stack gap={0} align="flex-end">
                    <Text size="sm" fw={600} lh={1.2} truncate="end" className="header-user-text" data-testid="user-name">
                      {me.fullName}
                    </Text>
                    <Text size="xs" c="dimmed" lh={1.2} truncate="end" className="header-user-text" data-testid="user-role">
                      {roleLabel(me.role)}
                    </Text>
                  </Stack>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.org.name}</Menu.Label>
                <Box hiddenFrom="sm" px="xs" py={4}>
                  <LanguageSwitch />
                </Box>
                <Menu.Item leftSection={<Icon name="key" size={16} />} onClick={password.open}>
                  {t('shell.changePassword')}
                </Menu.Item>
                <Menu.Item leftSection={<Icon name="logout" size={16} />} onClick={() => void signOut()}>
                  {t('shell.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button
              variant="default"
              size="xs"
              visibleFrom="md"
              leftSection={<Icon name="logout" size={16} />}
              onClick={() => void signOut()}
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="no-print" aria-label={t('common.menu')}>
        <Stack gap="sm">
          {me.permissions.provincial && <OrgPicker />}
          <NavLinks me={me} onNavigate={nav.close} />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" className="app-main">
        <Outlet />
      </AppShell.Main>
      <ChangePasswordModal opened={passwordOpened} onClose={password.close} />
    </AppShell>
  );
}
