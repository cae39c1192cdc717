// Chỉ số CCHC of one commune and year (/chi-so-cchc/$assessmentId): the
// process, the result, what blocks the sign-off, the criteria tree with each
// leaf's values, evidence and the form of the viewer's stage, the lost
// points, and the survey points for the province.
import { Alert, Breadcrumbs, Button, List, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useEffect, useState } from 'react';
import { AnchorLink } from '../../components/AnchorLink';
import { Icon } from '../../components/Icon';
import { LoadError, PageLoading } from '../../components/PageState';
import { t } from '../../i18n';
import { isLeaf, leafDomId, matchesFilter, stageLabel, type LeafFilter } from './assessmentFormat';
import { assessmentQueryOptions } from './assessmentQueries';
import type { AssessmentView } from './assessmentTypes';
import { AssessmentActions } from './AssessmentPageActions';
import { AssessmentPageHeader } from './AssessmentPageHeader';
import { AssessmentPageLostPoints } from './AssessmentPageLostPoints';
import { ProblemsPanel } from './AssessmentPageProblems';
import { AssessmentPageSummary } from './AssessmentPageSummary';
import { AssessmentPageSurvey } from './AssessmentPageSurvey';
import { useMe } from '../auth/session';
import { LeafTree } from './LeafTree';
import './par-assessment.css';

const routeApi = getRouteApi('/app/chi-so-cchc/$assessmentId');

export function AssessmentPage() {
  const { assessmentId } = routeApi.useParams();
  const assessment = useQuery(assessmentQueryOptions(assessmentId));
  if (assessment.isPending) return <PageLoading />;
  if (assessment.isError) return <LoadError error={assessment.error} onRetry={() => void assessment.refetch()} />;
  return <AssessmentScreen key={assessment.data.id} view={assessment.data} />;
}

type Tab = 'criteria' | 'lost';

function AssessmentScreen({ view }: { view: AssessmentView }) {
  const me = useMe();
  const [openCodes, setOpenCodes] = useState<ReadonlySet<string>>(() => new Set());
  const [filter, setFilter] = useState<LeafFilter>('all');
  const [tab, setTab] = useState<Tab>('criteria');
  const [scrollTo, setScrollTo] = useState<{ code: string; at: number } | null>(null);

  const toggle = useCallback((code: string) => {
    setOpenCodes((previous) => {
      const next = new Set(previous);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }, []);

  /** Shows a leaf opened in the tree (from a problem or a lost point) and scrolls to it. */
  const reveal = useCallback(
    (code: string) => {
      const leaf = view.nodes.find((node) => node.code === code);
      if (!leaf || !isLeaf(leaf)) return;
      setTab('criteria');
      setFilter((current) => (matchesFilter(leaf, current, view.status === 'draft') ? current : 'all'));
      setOpenCodes((previous) => new Set(previous).add(code));
      setScrollTo({ code, at: Date.now() });
    },
    [view.nodes, view.status],
  );

  useEffect(() => {
    if (!scrollTo) return;
    const frame = requestAnimationFrame(() => {
      const element = document.getElementById(leafDomId(scrollTo.code));
      if (!element) return;
      element.querySelector<HTMLElement>('.par-leaf-row')?.focus({ preventScroll: true });
      element.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
    return () => cancelAnimationFrame(frame);
  }, [scrollTo]);

  const lostCount = view.result.lostPoints.length;

  return (
    <Stack gap="md" className="par-assessment">
      <Breadcrumbs className="no-print">
        {me.org.kind === 'province' ? (
          <AnchorLink to="/chi-so-cchc/ket-qua" search={{ year: view.year }} size="sm">
            {t('parAssessment.breadcrumbResults')}
          </AnchorLink>
        ) : (
          <AnchorLink to="/chi-so-cchc" size="sm">
            {t('parAssessment.breadcrumb')}
          </AnchorLink>
        )}
        <Text size="sm">{t('parAssessment.breadcrumbYear', { year: view.year })}</Text>
      </Breadcrumbs>

      <AssessmentPageHeader
        view={view}
        actions={
          <Button variant="default" size="xs" leftSection={<Icon name="printer" size={16} />} onClick={() => window.print()} className="no-print">
            {t('common.print')}
          </Button>
        }
      />

      <AssessmentActions view={view} onReveal={reveal} remediation={tab !== 'lost'} />

      <AssessmentPageSummary view={view} />

      {view.status === 'draft' && <ProblemsPanel problems={view.problems} onReveal={reveal} />}

      {view.dropped.length > 0 && (
        <Alert color="yellow" icon={<Icon name="alert" />} title={t('parAssessment.dropped.title')}>
          <List size="sm">
            {view.dropped.map((d) => (
              <List.Item key={`${d.code}-${d.stage}`}>
                {t('parAssessment.dropped.item', { code: d.code, stage: stageLabel(d.stage), reason: d.reason })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}

      {view.can.setSurvey && view.set.surveyWeight > 0 && <AssessmentPageSurvey view={view} />}

      <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted={false} className="par-tabs">
        <Tabs.List className="no-print">
          <Tabs.Tab value="criteria" leftSection={<Icon name="list" size={16} />}>
            {t('parAssessment.tab.criteria')}
          </Tabs.Tab>
          <Tabs.Tab value="lost" leftSection={<Icon name="minus" size={16} />}>
            {t('parAssessment.tab.lost', { count: lostCount })}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="criteria" pt="sm">
          <LeafTree
            view={view}
            openCodes={openCodes}
            onToggle={toggle}
            onCollapseAll={() => setOpenCodes(new Set())}
            filter={filter}
            onFilter={setFilter}
          />
        </Tabs.Panel>
        <Tabs.Panel value="lost" pt="sm">
          <AssessmentPageLostPoints view={view} onReveal={reveal} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
