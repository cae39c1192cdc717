import { Badge, CloseButton, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, UnstyledButton } from '@mantine/core';
import { DateField } from '../../components/DateField';
import { UnitMultiSelect } from '../../components/UnitMultiSelect';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { AreaRef, Unit } from '../../lib/types';
import type { EditTask } from './importDraft';

interface DraftTaskListProps {
  orgId: string;
  tasks: EditTask[];
  units: Unit[];
  areas: AreaRef[];
  selected: number | null;
  onSelect: (index: number) => void;
  onChange: (index: number, task: EditTask) => void;
}

/** The draft's tasks: one row each; the selected one opens for editing. */
export function DraftTaskList({ orgId, tasks, units, areas, selected, onSelect, onChange }: DraftTaskListProps) {
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <Stack gap="xs" data-testid="import-tasks">
      {tasks.map((task, i) => {
        const open = selected === i;
        const lead = [...task.leadIds.map(unitName), ...task.leadTexts];
        return (
          <Paper key={i} withBorder p="xs" className="import-task" data-active={open || undefined} data-testid="import-task">
            <UnstyledButton onClick={() => onSelect(i)} w="100%" aria-expanded={open} aria-label={t('import.taskLabel', { n: i + 1, title: task.title })}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge variant="light" miw={44}>
                  {task.ref || i + 1}
                </Badge>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Text size="sm" fw={600} lineClamp={open ? undefined : 2}>
                    {task.title || t('import.untitled')}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {lead.join(', ') || t('import.noLead')} · {task.due ? formatDate(task.due) : t('import.noDue')}
                  </Text>
                </div>
                {(task.leadTexts.length > 0 || task.supportTexts.length > 0) && (
                  <Badge color="orange" variant="light" size="sm">
                    {t('import.needsUnit')}
                  </Badge>
                )}
              </Group>
            </UnstyledButton>
            {open && <TaskEditor orgId={orgId} task={task} areas={areas} onChange={(next) => onChange(i, next)} />}
          </Paper>
        );
      })}
    </Stack>
  );
}

function WrittenUnits({ label, texts, onRemove }: { label: string; texts: string[]; onRemove: (text: string) => void }) {
  if (texts.length === 0) return null;
  return (
    <Group gap={4}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {texts.map((text) => (
        <Badge key={text} color="orange" variant="outline" rightSection={<CloseButton size="xs" aria-label={t('import.removeUnit', { name: text })} onClick={() => onRemove(text)} />}>
          {text}
        </Badge>
      ))}
    </Group>
  );
}

function TaskEditor({ orgId, task, areas, onChange }: { orgId: string; task: EditTask; areas: AreaRef[]; onChange: (task: EditTask) => void }) {
  const set = (patch: Partial<EditTask>) => onChange({ ...task, ...patch });
  return (
    <Stack gap="xs" mt="xs" data-testid="import-task-editor">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput label={t('import.ref')} value={task.ref} onChange={(e) => set({ ref: e.currentTarget.value })} />
        <Select
          label={t('taskForm.area')}
          data={areas.map((a) => ({ value: a.code, label: a.name }))}
          value={task.area}
          onChange={(value) => set({ area: value as EditTask['area'] })}
          clearable
          style={{ gridColumn: 'span 2' }}
        />
      </SimpleGrid>
      <Textarea label={t('import.title')} value={task.title} onChange={(e) => set({ title: e.currentTarget.value })} autosize minRows={2} maxRows={6} required />
      <UnitMultiSelect orgId={orgId} label={t('import.lead')} value={task.leadIds} onChange={(leadIds) => set({ leadIds, supportIds: task.supportIds.filter((id) => !leadIds.includes(id)) })} />
      <WrittenUnits label={t('import.writtenLead')} texts={task.leadTexts} onRemove={(text) => set({ leadTexts: task.leadTexts.filter((x) => x !== text) })} />
      <UnitMultiSelect orgId={orgId} label={t('import.support')} value={task.supportIds} onChange={(supportIds) => set({ supportIds, leadIds: task.leadIds.filter((id) => !supportIds.includes(id)) })} />
      <WrittenUnits label={t('import.writtenSupport')} texts={task.supportTexts} onRemove={(text) => set({ supportTexts: task.supportTexts.filter((x) => x !== text) })} />
      <Textarea label={t('import.product')} value={task.product} onChange={(e) => set({ product: e.currentTarget.value })} autosize minRows={1} maxRows={4} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <DateField label={t('import.due')} value={task.due} onChange={(due) => set({ due })} />
        <TextInput label={t('import.timeline')} value={task.timelineText} onChange={(e) => set({ timelineText: e.currentTarget.value })} />
      </SimpleGrid>
    </Stack>
  );
}
