// The results: one tab for units (tập thể), one for persons (cá nhân); a row
// per participant, a column per criterion that applies to them, each cell the
// outcome with its figure (opening the records behind it), and whether the
// criteria propose them for commendation. On a phone each row is a card.
import { Button, Group, Paper, Stack, Tabs, Text, Title, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Icon } from '../../../components/Icon';
import { t } from '../../../i18n';
import { notifySuccess } from '../../../lib/notify';
import { appliesToSubject, canEdit, emulationApi, outcomeLabel, personLine, storeCampaign, valueText } from '../emulationQueries';
import type { Campaign, Criterion, CriterionResult, Participant, Subject } from '../emulationTypes';
import { OutcomeBadge, ProposedBadge } from './EmulationBadges';
import { ParticipantFormModal } from './ParticipantFormModal';
import { ResultDrawer, type CellSelection } from './ResultDrawer';

const KINDS: Subject[] = ['unit', 'person'];

export function ResultsMatrix({ campaign }: { campaign: Campaign }) {
  const [tab, setTab] = useState<Subject>(() =>
    campaign.participants.some((p) => p.kind === 'unit') || !campaign.participants.some((p) => p.kind === 'person') ? 'unit' : 'person',
  );
  // The selection outlives the drawer's closing, so its content stays while it slides away.
  const [selection, setSelection] = useState<CellSelection | null>(null);
  const [drawerOpened, setDrawerOpened] = useState(false);
  const openCell = (cell: CellSelection) => {
    setSelection(cell);
    setDrawerOpened(true);
  };
  const [adding, setAdding] = useState<Subject | null>(null);
  const count = (kind: Subject) => campaign.participants.filter((p) => p.kind === kind).length;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-matrix">
      <Title order={2} size="h5" mb="xs" id="campaign-matrix">
        {t('emulation.matrix.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('emulation.matrix.hint')}
      </Text>
      <Tabs value={tab} onChange={(value) => value && setTab(value as Subject)} keepMounted={false}>
        <Tabs.List mb="sm">
          {KINDS.map((kind) => (
            <Tabs.Tab key={kind} value={kind} data-testid={`matrix-tab-${kind}`}>
              {t(kind === 'unit' ? 'emulation.matrix.units' : 'emulation.matrix.persons', { count: count(kind) })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {KINDS.map((kind) => (
          <Tabs.Panel key={kind} value={kind}>
            <KindPanel campaign={campaign} kind={kind} onOpen={openCell} onAdd={() => setAdding(kind)} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <ResultDrawer campaign={campaign} selection={selection} opened={drawerOpened} onClose={() => setDrawerOpened(false)} />
      {canEdit(campaign) && <ParticipantFormModal opened={adding !== null} kind={adding ?? 'unit'} campaign={campaign} onClose={() => setAdding(null)} />}
    </Paper>
  );
}

interface PanelProps {
  campaign: Campaign;
  kind: Subject;
  onOpen: (selection: CellSelection) => void;
  onAdd: () => void;
}

function KindPanel({ campaign, kind, onOpen, onAdd }: PanelProps) {
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const editable = canEdit(campaign);
  const rows = campaign.participants.filter((p) => p.kind === kind);
  const criteria = campaign.criteria.filter((criterion) => appliesToSubject(criterion, kind));

  return (
    <Stack gap="sm">
      {editable && (
        <Group className="no-print">
          <Button size="xs" variant="light" leftSection={<Icon name="plus" size={14} />} onClick={onAdd}>
            {kind === 'unit' ? t('emulation.participants.addUnit') : t('emulation.participants.addPerson')}
          </Button>
        </Group>
      )}
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(kind === 'unit' ? 'emulation.participants.noUnits' : 'emulation.participants.noPersons')}
          {editable ? ` ${t(kind === 'unit' ? 'emulation.participants.addUnitHint' : 'emulation.participants.addPersonHint')}` : ''}
        </Text>
      ) : (
        <>
          {criteria.length === 0 && (
            <Text size="sm" c="dimmed">
              {t(kind === 'unit' ? 'emulation.matrix.noCriteriaUnit' : 'emulation.matrix.noCriteriaPerson')}
            </Text>
          )}
          {phone ? (
            <Stack gap="xs" role="list" aria-label={t(kind === 'unit' ? 'emulation.matrix.unitsCaption' : 'emulation.matrix.personsCaption')}>
              {rows.map((participant) => (
                <ParticipantCard key={participant.id} campaign={campaign} participant={participant} criteria={criteria} onOpen={onOpen} />
              ))}
            </Stack>
          ) : (
            <MatrixTable campaign={campaign} kind={kind} rows={rows} criteria={criteria} onOpen={onOpen} />
          )}
        </>
      )}
    </Stack>
  );
}

/** The criterion's number in the campaign's list (the same in both tabs). */
const numberOf = (campaign: Campaign, criterion: Criterion) => campaign.criteria.indexOf(criterion) + 1;

const resultOf = (participant: Participant, criterion: Criterion) => participant.results.find((result) => result.criterionId === criterion.id);

function MatrixTable({ campaign, kind, rows, criteria, onOpen }: { campaign: Campaign; kind: Subject; rows: Participant[]; criteria: Criterion[]; onOpen: PanelProps['onOpen'] }) {
  const caption = t(kind === 'unit' ? 'emulation.matrix.unitsCaption' : 'emulation.matrix.personsCaption');
  return (
    <div className="emu-matrix-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="emu-matrix" data-testid={`matrix-${kind}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="emu-matrix-name">
              {t(kind === 'unit' ? 'emulation.applies.unit' : 'emulation.applies.person')}
            </th>
            {criteria.map((criterion) => (
              <th scope="col" key={criterion.id} className="emu-matrix-criterion">
                <span className="emu-matrix-head" title={criterion.label}>
                  {numberOf(campaign, criterion)}. {criterion.label}
                </span>
              </th>
            ))}
            <th scope="col" className="emu-matrix-proposal">
              {t('emulation.matrix.proposal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((participant) => (
            <tr key={participant.id} data-testid="matrix-row" data-proposed={participant.proposed}>
              <th scope="row" className="emu-matrix-name">
                <ParticipantName campaign={campaign} participant={participant} />
              </th>
              {criteria.map((criterion) => (
                <td key={criterion.id}>
                  <ResultCell campaign={campaign} participant={participant} criterion={criterion} result={resultOf(participant, criterion)} onOpen={onOpen} />
                </td>
              ))}
              <td>
                <ProposalCell campaign={campaign} participant={participant} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ParticipantCard({ campaign, participant, criteria, onOpen }: { campaign: Campaign; participant: Participant; criteria: Criterion[]; onOpen: PanelProps['onOpen'] }) {
  return (
    <Paper withBorder p="sm" role="listitem" data-testid="matrix-row" data-proposed={participant.proposed}>
      <Stack gap="xs">
        <ParticipantName campaign={campaign} participant={participant} />
        <dl className="emu-card-results">
          {criteria.map((criterion) => (
            <div key={criterion.id}>
              <dt>
                {numberOf(campaign, criterion)}. {criterion.label}
              </dt>
              <dd>
                <ResultCell campaign={campaign} participant={participant} criterion={criterion} result={resultOf(participant, criterion)} onOpen={onOpen} />
              </dd>
            </div>
          ))}
          <div>
            <dt>{t('emulation.matrix.proposal')}</dt>
            <dd>
              <ProposalCell campaign={campaign} participant={participant} />
            </dd>
          </div>
        </dl>
      </Stack>
    </Paper>
  );
}

function ParticipantName({ campaign, participant }: { campaign: Campaign; participant: Participant }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => emulationApi.removeParticipant(participant.id),
    onSuccess: async (answer) => {
      await storeCampaign(queryClient, campaign.id, answer);
      notifySuccess(t('emulation.participants.removed', { name: participant.name }));
    },
  });
  return (
    <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} className="emu-wrap">
          {participant.name}
        </Text>
        {participant.kind === 'person' && (
          <Text size="xs" c="dimmed" className="emu-wrap">
            {personLine(participant)}
          </Text>
        )}
      </div>
      {canEdit(campaign) && (
        <ConfirmButton
          size="compact-xs"
          variant="subtle"
          color="red"
          className="no-print"
          style={{ flexShrink: 0 }}
          aria-label={t('emulation.participants.removeNamed', { name: participant.name })}
          message={t('emulation.participants.removeConfirm', { name: participant.name })}
          confirmLabel={t('emulation.participants.remove')}
          loading={remove.isPending}
          onConfirm={() => remove.mutateAsync()}
        >
          <Icon name="trash" size={14} />
        </ConfirmButton>
      )}
    </Group>
  );
}

function ResultCell({
  campaign,
  participant,
  criterion,
  result,
  onOpen,
}: {
  campaign: Campaign;
  participant: Participant;
  criterion: Criterion;
  result: CriterionResult | undefined;
  onOpen: PanelProps['onOpen'];
}) {
  if (!result || !result.applies) {
    return (
      <Text size="xs" c="dimmed">
        {t('emulation.matrix.notApplicable')}
      </Text>
    );
  }
  const value = criterion.source.kind === 'computed' ? valueText(result.value, criterion.unit) : null;
  const judgeable = criterion.source.kind === 'judged' && campaign.can.judge && campaign.status === 'open';
  const open = (judge: boolean) => onOpen({ participantId: participant.id, criterionId: criterion.id, judge });
  return (
    <Stack gap={4} align="flex-start" className="emu-cell" data-outcome={result.outcome} data-criterion={criterion.id}>
      <UnstyledButton className="emu-cell-button" onClick={() => open(false)} title={result.text}>
        <OutcomeBadge outcome={result.outcome} size="sm" />
        {value !== null && (
          <Text size="xs" fw={600} component="span" className="emu-cell-value">
            {value}
          </Text>
        )}
        <span className="visually-hidden">
          {t('emulation.matrix.details', { criterion: criterion.label, name: participant.name, outcome: outcomeLabel(result.outcome) })}
        </span>
      </UnstyledButton>
      {judgeable && (
        <Button
          size="compact-xs"
          variant="light"
          className="no-print"
          onClick={() => open(true)}
          aria-label={t('emulation.judge.openNamed', { criterion: criterion.label, name: participant.name })}
        >
          {result.judgment ? t('emulation.judge.change') : t('emulation.judge.open')}
        </Button>
      )}
    </Stack>
  );
}

/** Có / Không, and which criteria (by their numbers) are missed or still to be judged; the labels in full on hover. */
function ProposalCell({ campaign, participant }: { campaign: Campaign; participant: Participant }) {
  const numbersWith = (outcome: 'missed' | 'pending') =>
    campaign.criteria
      .filter((criterion) => participant.results.some((r) => r.criterionId === criterion.id && r.applies && r.outcome === outcome))
      .map((criterion) => numberOf(campaign, criterion))
      .join(', ');
  const missed = numbersWith('missed');
  const pending = numbersWith('pending');
  return (
    <Stack gap={4} align="flex-start" title={participant.missing.join('; ') || undefined} data-testid="participant-missing">
      <ProposedBadge proposed={participant.proposed} size="sm" />
      {missed && (
        <Text size="xs" c="red.8">
          {t('emulation.matrix.missedList', { list: missed })}
        </Text>
      )}
      {pending && (
        <Text size="xs" c="orange.9">
          {t('emulation.matrix.pendingList', { list: pending })}
        </Text>
      )}
    </Stack>
  );
}
