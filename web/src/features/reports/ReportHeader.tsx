// The head of a report: its title, commune, data window, deadlines, version
// (with the other versions), the number and date once sent, and the steps
// Dự thảo → Chủ tịch duyệt → Gửi tỉnh → Tỉnh tiếp nhận / trả lại with who
// did each and when; the province's reason for returning it in red.
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { t, type MessageKey } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { useMe } from '../auth/session';
import { ReportStatusBadge } from './ReportBadges';
import type { ReportStep, ReportView } from './reportTypes';

type StepState = 'done' | 'current' | 'todo' | 'returned';

interface StepItem {
  key: string;
  label: MessageKey;
  state: StepState;
  step: ReportStep | null;
}

/** The step each status waits for (received: none, every step done). */
const AWAITED = { draft: 1, approved: 2, submitted: 3, received: 4, returned: 4 } as const;

function stepsOf(view: ReportView): StepItem[] {
  const awaited = AWAITED[view.status];
  const state = (index: number): StepState => (index < awaited ? 'done' : index === awaited ? 'current' : 'todo');
  const last: StepItem =
    view.status === 'returned'
      ? { key: 'returned', label: 'reports.step.returned', state: 'returned', step: view.steps.returned }
      : view.status === 'received'
        ? { key: 'received', label: 'reports.step.received', state: 'done', step: view.steps.received }
        : { key: 'review', label: 'reports.step.review', state: state(3), step: null };
  return [
    { key: 'draft', label: 'reports.step.draft', state: state(0), step: view.steps.created },
    { key: 'approved', label: 'reports.step.approved', state: state(1), step: view.steps.approved },
    { key: 'submitted', label: 'reports.step.submitted', state: state(2), step: view.steps.submitted },
    last,
  ];
}

function StepNote({ item }: { item: StepItem }) {
  if (item.step) return <>{[item.step.by, formatDateTime(item.step.at)].filter(Boolean).join(' · ')}</>;
  if (item.state === 'current') return <>{t('reports.step.waiting')}</>;
  return <>{t('reports.step.todo')}</>;
}

/** The steps as an ordered list: done ones with who and when, the awaited one marked. */
export function ReportSteps({ view }: { view: ReportView }) {
  const items = stepsOf(view);
  return (
    <ol className="steps report-steps" aria-label={t('reports.step.label')}>
      {items.map((item, index) => (
        <li key={item.key} className="step" data-state={item.state} data-step={item.key} aria-current={item.state === 'current' ? 'step' : undefined}>
          <span className="step-mark" aria-hidden="true">
            {item.state === 'done' ? <Icon name="check" size={14} /> : item.state === 'returned' ? <Icon name="x" size={14} /> : index + 1}
          </span>
          <span className="step-body">
            <Text size="sm" fw={600} component="span" display="block">
              {t(item.label)}
            </Text>
            <Text size="xs" c="dimmed" component="span" display="block">
              <StepNote item={item} />
            </Text>
          </span>
        </li>
      ))}
    </ol>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** The province reads only what was sent: versions still being drafted are not offered to it. */
function visibleVersions(view: ReportView, provincial: boolean) {
  return provincial ? view.versions.filter((v) => v.status !== 'draft' && v.status !== 'approved') : view.versions;
}

export function ReportHeader({ view, actions }: { view: ReportView; actions?: ReactNode }) {
  const me = useMe();
  const versions = visibleVersions(view, me.org.id !== view.org.id);
  const latest = versions[0];
  const newer = latest && latest.id !== view.id && latest.version > view.version ? latest : null;
  return (
    <Paper withBorder p="md" component="header" className="report-header">
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <ReportStatusBadge status={view.status} size="lg" />
          <Text size="sm" c="dimmed">
            {view.org.name}
          </Text>
        </Group>
        <Title order={1} size="h3" className="report-title">
          {view.content.title}
        </Title>
        <dl className="report-facts report-facts-wide">
          <Fact label={t('reports.window')} testId="report-window">
            {formatDate(view.window.from)} – {formatDate(view.window.to)}
          </Fact>
          <Fact label={t('reports.communeDeadline')}>{formatDate(view.communeDeadline)}</Fact>
          <Fact label={t('reports.provinceDeadline')}>{formatDate(view.provinceDeadline)}</Fact>
          <Fact label={t('reports.version')} testId="report-version">
            {t('reports.versionShort', { version: view.version })}
            {versions.length > 1 && (
              <Text size="xs" c="dimmed" component="span" display="block" className="no-print">
                {versions
                  .filter((v) => v.id !== view.id)
                  .map((v, i) => (
                    <span key={v.id}>
                      {i > 0 && ', '}
                      <AnchorLink to="/bao-cao/$reportId" params={{ reportId: v.id }} size="xs">
                        {t('reports.versionShort', { version: v.version })}
                      </AnchorLink>
                    </span>
                  ))}
              </Text>
            )}
          </Fact>
          {(view.number || view.issuedDate) && (
            <Fact label={t('reports.numberAndDate')} testId="report-number">
              {[view.number, view.issuedDate ? t('reports.dated', { date: formatDate(view.issuedDate) }) : null].filter(Boolean).join(' ')}
            </Fact>
          )}
        </dl>
        {actions}
        {view.status === 'returned' && (
          <Alert color="red" icon={<Icon name="alert" />} title={t('reports.returnedTitle')} role="alert" data-testid="report-return-comment">
            <Text size="sm" className="report-pre">
              {view.returnComment || t('reports.returnedNoReason')}
            </Text>
            {view.can.newVersion && (
              <Text size="sm" mt={4}>
                {t('reports.returnedHint')}
              </Text>
            )}
          </Alert>
        )}
        {newer && (
          <Alert color="blue" icon={<Icon name="alert" />} p="xs" className="no-print">
            <Text size="sm">
              {t('reports.olderVersion', { version: view.version })}{' '}
              <AnchorLink to="/bao-cao/$reportId" params={{ reportId: newer.id }} size="sm" fw={600}>
                {t('reports.openVersion', { version: newer.version })}
              </AnchorLink>
            </Text>
          </Alert>
        )}
        <ReportSteps view={view} />
      </Stack>
    </Paper>
  );
}
