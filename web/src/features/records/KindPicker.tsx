import { Anchor, Badge, Button, Group, Modal, Radio, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { downloadText } from '../../lib/csv';
import { KIND_INFO, kindLabel, templateCsv } from './recordKinds';
import { RECORD_KINDS, type RecordKind } from './recordTypes';

interface KindPickerProps {
  value: RecordKind;
  onChange: (kind: RecordKind) => void;
  disabled?: boolean;
}

/** The four kinds of one-stop file, each with one line on what to bring, and the columns of the chosen one. */
export function KindPicker({ value, onChange, disabled }: KindPickerProps) {
  const [formatOpened, setFormatOpened] = useState(false);
  return (
    <Stack gap={6}>
      <Radio.Group label={t('records.kindLabel')} value={value} onChange={(next) => onChange(next as RecordKind)} disabled={disabled}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
          {RECORD_KINDS.map((kind) => (
            <Radio.Card key={kind} value={kind} p="sm" radius="md" disabled={disabled} className="kind-card" data-testid={`kind-${kind}`}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm">
                    {kindLabel(kind)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(KIND_INFO[kind].expects)}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Group gap="md">
        <Anchor component="button" type="button" size="sm" onClick={() => setFormatOpened(true)}>
          {t('records.formatLink', { kind: kindLabel(value) })}
        </Anchor>
        <Anchor component="button" type="button" size="sm" onClick={() => downloadText(`mau-${KIND_INFO[value].fileBase}.csv`, templateCsv(value))}>
          {t('records.templateLink')}
        </Anchor>
      </Group>
      <FileFormatModal kind={value} opened={formatOpened} onClose={() => setFormatOpened(false)} />
    </Stack>
  );
}

/** The columns of one kind of file, what they hold and which are required. */
function FileFormatModal({ kind, opened, onClose }: { kind: RecordKind; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={t('records.formatTitle', { kind: kindLabel(kind) })} size="xl">
      <Stack gap="sm">
        <Text size="sm">{t('records.formatIntro')}</Text>
        <Table.ScrollContainer minWidth={480} type="native">
          <Table withTableBorder verticalSpacing={4} className="data-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('records.formatColumn')}</Table.Th>
                <Table.Th scope="col">{t('records.formatNote')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {KIND_INFO[kind].columns.map((column) => (
                <Table.Tr key={column.name}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                    <Text size="sm" ff="monospace">
                      {column.name}
                    </Text>
                    {column.required && (
                      <Badge size="xs" color="red" variant="light">
                        {t('records.formatRequired')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(column.note)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="sm" c="dimmed">
          {t('records.formatRules')}
        </Text>
        <Group justify="space-between">
          <Button variant="light" leftSection={<Icon name="download" size={16} />} onClick={() => downloadText(`mau-${KIND_INFO[kind].fileBase}.csv`, templateCsv(kind))}>
            {t('records.templateLink')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('common.back')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
