// Tiêu chí thi đua: each criterion with whom it applies to and how it is
// judged; the focal point edits the list while the proposal is not confirmed.
import { Badge, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Icon } from '../../../components/Icon';
import { t } from '../../../i18n';
import { appliesLabel, canEdit, criterionRule } from '../emulationQueries';
import type { Campaign } from '../emulationTypes';
import { CriteriaFormModal } from './CriteriaFormModal';

export function CriteriaSection({ campaign }: { campaign: Campaign }) {
  const [opened, modal] = useDisclosure(false);
  const editable = canEdit(campaign);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-criteria">
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} size="h5" id="campaign-criteria">
          {t('emulation.criteria.title')}
        </Title>
        {editable && (
          <Button size="xs" variant="default" leftSection={<Icon name="pencil" size={14} />} onClick={modal.open} className="no-print">
            {t('emulation.criteria.edit')}
          </Button>
        )}
      </Group>
      {campaign.criteria.length === 0 ? (
        <Text size="sm" c="dimmed">
          {editable ? t('emulation.criteria.emptyManage') : t('emulation.criteria.empty')}
        </Text>
      ) : (
        <ol className="emu-criteria">
          {campaign.criteria.map((criterion) => (
            <li key={criterion.id} data-testid="campaign-criterion">
              <Text size="sm" fw={600} component="div">
                {criterion.label}
              </Text>
              <Group gap="xs" mt={2} wrap="wrap">
                <Badge size="sm" variant="outline" color="gray">
                  {appliesLabel(criterion.appliesTo)}
                </Badge>
                <Text size="xs" c="dimmed" component="span">
                  {criterionRule(criterion, campaign.cutOff)}
                </Text>
              </Group>
            </li>
          ))}
        </ol>
      )}
      {editable && <CriteriaFormModal opened={opened} onClose={modal.close} campaign={campaign} />}
    </Paper>
  );
}
