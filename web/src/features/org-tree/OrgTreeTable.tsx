import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { flattenTree, orgTreeApi, type OrgNode } from './orgTreeQueries';

interface OrgTreeTableProps {
  province: OrgNode;
  /** The province admin may rename and mark legacy; others read. */
  canManage: boolean;
  onRename: (org: OrgNode) => void;
}

/** Communes and wards, then the legacy districts (greyed) with the communes under them. */
export function OrgTreeTable({ province, canManage, onRename }: OrgTreeTableProps) {
  const queryClient = useQueryClient();
  const markLegacy = useMutation({
    mutationFn: (org: OrgNode) => orgTreeApi.update(org.id, { legacy: true }),
    onSuccess: async () => {
      notifySuccess(t('orgTree.saved'));
      await queryClient.invalidateQueries({ queryKey: ['orgs'] });
    },
  });
  const rows = flattenTree(province);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orgTree.name')}</Table.Th>
            <Table.Th>{t('orgTree.code')}</Table.Th>
            <Table.Th ta="right">{t('orgTree.accounts')}</Table.Th>
            {canManage && <Table.Th>{t('orgTree.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ node, depth }) => (
            <Table.Tr key={node.id} data-legacy={node.legacy || undefined}>
              <Table.Td pl={12 + depth * 24}>
                <Text size="sm" c={node.legacy ? 'dimmed' : undefined} fw={depth === 0 ? 500 : undefined}>
                  {node.name}
                  {node.legacy && (
                    <Badge ml={8} size="sm" color="gray" variant="light">
                      {t('orgTree.legacyMark')}
                    </Badge>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" c={node.legacy ? 'dimmed' : undefined}>
                  {node.code}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(node.accounts)}</Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" leftSection={<Icon name="pencil" />} onClick={() => onRename(node)}>
                      {t('orgTree.rename')}
                    </Button>
                    {!node.legacy && node.parentId === province.id && (
                      <ConfirmButton
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        message={t('orgTree.markLegacyConfirm', { name: node.name })}
                        loading={markLegacy.isPending && markLegacy.variables?.id === node.id}
                        onConfirm={() => markLegacy.mutateAsync(node)}
                      >
                        {t('orgTree.markLegacy')}
                      </ConfirmButton>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
