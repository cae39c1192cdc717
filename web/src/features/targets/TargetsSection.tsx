import { Button, Group, Title } from '@mantine/core';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { Icon } from '../../components/Icon';
import { t } from '../../i18n';
import type { PlanDetail, Target } from '../../lib/types';
import { targetColumns } from './targetColumns';
import { TargetFormModal } from './TargetFormModal';
import { TargetValueModal } from './TargetValueModal';

/** Chỉ tiêu of a plan: goal, latest figure, met or not; focal points add, edit and record figures. */
export function TargetsSection({ plan }: { plan: PlanDetail }) {
  const [editing, setEditing] = useState<Target | null>(null);
  const [formOpened, setFormOpened] = useState(false);
  const [recording, setRecording] = useState<Target | null>(null);
  const canEdit = plan.canEdit;

  const columns = targetColumns({
    withUnits: true,
    onRecord: canEdit ? setRecording : undefined,
    onEdit: canEdit
      ? (target) => {
          setEditing(target);
          setFormOpened(true);
        }
      : undefined,
  });

  return (
    <section aria-labelledby="targets-heading" className="print-group">
      <Group justify="space-between" mb="xs" mt="xl">
        <Title order={2} size="h4" id="targets-heading">
          {t('targets.heading')}
        </Title>
        {canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => {
              setEditing(null);
              setFormOpened(true);
            }}
          >
            {t('targets.add')}
          </Button>
        )}
      </Group>
      <DataTable
        columns={columns}
        rows={plan.targets}
        rowKey={(target) => target.id}
        rowTestId="target-row"
        emptyText={t('targets.empty')}
        caption={t('targets.heading')}
        minWidth={1040}
      />
      <TargetFormModal opened={formOpened} onClose={() => setFormOpened(false)} planId={plan.id} orgId={plan.orgId} target={editing} />
      <TargetValueModal target={recording} year={plan.year} onClose={() => setRecording(null)} />
    </section>
  );
}
