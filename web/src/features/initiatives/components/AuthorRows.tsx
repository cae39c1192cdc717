// Tác giả: one or more rows of a name as printed, each with the author's account
// when the commune's account list is readable by the person filling the form.
import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { Icon } from '../../../components/Icon';
import { foldedFilter } from '../../../components/selectFilter';
import { t } from '../../../i18n';
import type { User } from '../../../lib/types';

export interface AuthorRow {
  key: string;
  name: string;
  userId: string | null;
}

let rowCount = 0;
export const newAuthorRow = (name = '', userId: string | null = null): AuthorRow => ({ key: `author-${(rowCount += 1)}`, name, userId });

interface AuthorRowsProps {
  rows: AuthorRow[];
  onChange: (rows: AuthorRow[]) => void;
  /** The commune's accounts; null when the list cannot be read (names only). */
  users: User[] | null;
  error?: string;
}

export function AuthorRows({ rows, onChange, users, error }: AuthorRowsProps) {
  const options = users
    ? users
        .filter((user) => user.active || rows.some((row) => row.userId === user.id))
        .map((user) => ({ value: user.id, label: user.units.length ? `${user.fullName} (${user.units.map((unit) => unit.name).join(', ')})` : user.fullName }))
    : [];
  const patch = (key: string, change: Partial<AuthorRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const pickUser = (row: AuthorRow, userId: string | null) => {
    const user = users?.find((candidate) => candidate.id === userId);
    patch(row.key, { userId, name: user ? user.fullName : row.name });
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby="initiative-authors-label">
      <div>
        <Input.Label required id="initiative-authors-label" component="div">
          {t('initiatives.form.authors')}
        </Input.Label>
        <Input.Description>{users ? t('initiatives.form.authorsHintAccounts') : t('initiatives.form.authorsHint')}</Input.Description>
      </div>
      {rows.map((row, index) => (
        <Group key={row.key} gap="xs" align="flex-end" wrap="wrap" data-testid="initiative-author-row">
          <TextInput
            label={t('initiatives.form.authorName', { n: index + 1 })}
            value={row.name}
            onChange={(event) => patch(row.key, { name: event.currentTarget.value })}
            style={{ flex: '1 1 220px' }}
            autoComplete="off"
          />
          {users && (
            <Select
              label={t('initiatives.form.authorAccount', { n: index + 1 })}
              placeholder={t('initiatives.form.noAccount')}
              data={options}
              value={row.userId}
              onChange={(value) => pickUser(row, value)}
              searchable
              clearable
              filter={foldedFilter}
              nothingFoundMessage={t('initiatives.form.noAccountFound')}
              style={{ flex: '1 1 220px' }}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {rows.length > 1 && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('initiatives.form.removeAuthor', { n: index + 1 })}
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              <Icon name="trash" size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button size="xs" variant="light" leftSection={<Icon name="plus" size={16} />} onClick={() => onChange([...rows, newAuthorRow()])}>
          {t('initiatives.form.addAuthor')}
        </Button>
      </Group>
    </Stack>
  );
}
