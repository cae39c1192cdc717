import { Alert, Box, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '../../components/PasswordField';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { homePath, login, meQueryOptions } from './session';

const routeApi = getRouteApi('/login');

export function LoginPage() {
  const { redirect } = routeApi.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const mutation = useMutation({
    mutationFn: () => login(username.trim(), password),
    meta: { handlesErrors: true },
    onSuccess: async (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryOptions.queryKey, me);
      if (redirect && redirect !== '/login' && !redirect.startsWith('/login?')) {
        await navigate({ href: redirect, replace: true });
      } else {
        await navigate({ to: homePath(me), replace: true });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  const error = mutation.error;
  const field = isApiError(error) ? error.field : null;

  return (
    <Center mih="100vh" p="md" bg="gray.1">
      <Box w="100%" maw={400}>
        <Group justify="flex-end" mb="xs">
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <form onSubmit={submit} noValidate>
            <Stack>
              <div>
                <Text fw={700} c="blue.8">
                  {t('app.name')}
                </Text>
                <Title order={1} size="h3">
                  {t('login.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
              {error && (
                <Alert color="red" icon={<Icon name="alert" />} title={t('login.failed')} role="alert">
                  {errorMessage(error)}
                </Alert>
              )}
              <TextInput
                label={t('login.username')}
                value={username}
                onChange={(event) => setUsername(event.currentTarget.value)}
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                required
                autoFocus
                error={field === 'username' || undefined}
              />
              <PasswordField
                label={t('login.password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                autoComplete="current-password"
                required
                error={field === 'password' || undefined}
              />
              <Button type="submit" loading={mutation.isPending}>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
