import { Alert, Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { FileDropZone } from '../../components/FileDropZone';
import { Icon } from '../../components/Icon';
import { SectionPanel } from '../../components/SectionPanel';
import { UploadProgress } from '../../components/UploadProgress';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { isUploadBusy, useMultipartUpload } from '../../lib/upload';
import { orgTreeApi, sheetProblems, type AccountImportResult } from './orgTreeQueries';

/**
 * Tạo tài khoản hàng loạt: the province admin checks a spreadsheet, reads
 * every problem with its row and column, and creates all its accounts at once.
 */
export function AccountImportPanel({ provinceId }: { provinceId: string }) {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [result, setResult] = useState<AccountImportResult | null>(null);
  const onDone = useCallback(
    async (answer: AccountImportResult) => {
      setResult(answer);
      if (answer.created > 0) {
        setFiles([]);
        await queryClient.invalidateQueries({ queryKey: ['orgs'] });
      }
    },
    [queryClient],
  );
  const upload = useMultipartUpload<AccountImportResult>(onDone);
  const busy = isUploadBusy(upload.state);
  const refused = upload.state.phase === 'failed' && isApiError(upload.state.error) && upload.state.error.code === 'validation' ? sheetProblems(errorMessage(upload.state.error)) : null;

  const send = (checkOnly: boolean) => {
    const file = files[0];
    if (!file) return;
    setResult(null);
    const form = new FormData();
    form.append('file', file, file.name);
    void upload.send(orgTreeApi.importPath(provinceId, checkOnly), form);
  };

  return (
    <SectionPanel id="bulk-accounts" title={t('orgTree.bulkTitle')}>
      <Stack>
        <Text size="sm">{t('orgTree.bulkIntro')}</Text>
        <Anchor href={orgTreeApi.templatePath(provinceId)} download size="sm">
          <Group gap={4} component="span">
            <Icon name="download" /> {t('orgTree.template')}
          </Group>
        </Anchor>
        <FileDropZone
          label={t('orgTree.file')}
          hint={t('orgTree.fileHint')}
          accept=".xlsx"
          files={files}
          onChange={(chosen) => {
            setFiles(chosen.slice(-1));
            setResult(null);
            upload.reset();
          }}
          disabled={busy}
        />
        <Group>
          <Button variant="default" onClick={() => send(true)} disabled={!files.length || busy}>
            {t('orgTree.check')}
          </Button>
          <Button onClick={() => send(false)} disabled={!files.length || busy} loading={busy}>
            {t('orgTree.create')}
          </Button>
        </Group>
        {refused ? (
          <Alert color="red" icon={<Icon name="alert" />} title={refused.summary} role="alert">
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('orgTree.row')}</Table.Th>
                    <Table.Th>{t('orgTree.column')}</Table.Th>
                    <Table.Th>{t('orgTree.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {refused.problems.map((p, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{p.row ?? ''}</Table.Td>
                      <Table.Td>{p.column ?? ''}</Table.Td>
                      <Table.Td>{p.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Alert>
        ) : (
          <UploadProgress
            state={upload.state}
            sendingText={(percent) => t('orgTree.sending', { percent })}
            progressLabel={t('orgTree.progress')}
            processingText={t('orgTree.processing')}
          />
        )}
        {result && (
          <Alert color="green" icon={<Icon name="check" />} role="status" title={result.created ? t('orgTree.created', { count: result.created }) : t('orgTree.checkedOk', { count: result.accounts })}>
            <List size="sm">
              {result.perCommune.map((c) => (
                <List.Item key={c.orgId}>{t('orgTree.perCommune', { name: c.name, count: c.accounts })}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Stack>
    </SectionPanel>
  );
}
