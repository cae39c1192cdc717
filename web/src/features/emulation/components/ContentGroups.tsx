// Nội dung thi đua: the tasks of the campaign's plan, in order, with their
// status; folded by default so the criteria and the results come first.
import { Button, Collapse, Group, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { AnchorLink } from '../../../components/AnchorLink';
import { DataTable, type Column } from '../../../components/DataTable';
import { Icon } from '../../../components/Icon';
import { StatusBadge } from '../../../components/StatusBadge';
import { t } from '../../../i18n';
import { areaName, useAreas } from '../../reference/areas';
import type { Campaign, ContentGroup } from '../emulationTypes';

export function ContentGroups({ campaign }: { campaign: Campaign }) {
  const [opened, { toggle }] = useDisclosure(false);
  const areas = useAreas();
  const groups = campaign.contentGroups;
  const regionId = 'campaign-content-body';

  const columns: Column<ContentGroup>[] = [
    {
      key: 'title',
      header: t('emulation.content.task'),
      primary: true,
      render: (row) => (
        <div>
          <AnchorLink to="/tasks/$taskId" params={{ taskId: row.taskId }} size="sm" fw={600}>
            {row.ref ? `${row.ref}. ${row.title}` : row.title}
          </AnchorLink>
          {row.area && (
            <Text size="xs" c="dimmed">
              {areaName(areas, row.area)}
            </Text>
          )}
        </div>
      ),
    },
    { key: 'lead', header: t('emulation.content.lead'), width: 220, render: (row) => row.leadUnits.join(', ') || t('common.dash') },
    { key: 'status', header: t('emulation.content.status'), width: 190, render: (row) => <StatusBadge status={row.status} size="sm" /> },
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-content">
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h5" id="campaign-content">
          {t('emulation.content.title')}
        </Title>
        {groups.length > 0 && (
          <Button
            size="xs"
            variant="subtle"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={regionId}
            leftSection={<Icon name={opened ? 'minus' : 'plus'} size={14} />}
            className="no-print"
          >
            {opened ? t('emulation.content.hide') : t('emulation.content.show', { count: groups.length })}
          </Button>
        )}
      </Group>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {campaign.sourcePlan ? t('emulation.content.emptyPlan') : t('emulation.content.noPlan')}
        </Text>
      ) : (
        <Collapse expanded={opened} id={regionId} keepMounted={false}>
          <div style={{ paddingTop: 'var(--mantine-spacing-sm)' }}>
            <DataTable columns={columns} rows={groups} rowKey={(row) => row.taskId} caption={t('emulation.content.title')} minWidth={680} />
          </div>
        </Collapse>
      )}
    </Paper>
  );
}
