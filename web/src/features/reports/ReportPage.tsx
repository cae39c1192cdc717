// One periodic report: the head with its steps and moves, the body in the
// official outline (facts linked to their records, texts edited in place),
// the statistics annex and Biểu 06. Prints as it looks, without the buttons.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink';
import { LoadError, PageLoading } from '../../components/PageState';
import { SectionPanel } from '../../components/SectionPanel';
import { t } from '../../i18n';
import { useMe } from '../auth/session';
import { useCurrentOrg } from '../org/CurrentOrg';
import { Bieu06Table, AnnexTable } from './ReportAnnex';
import { ReportActions } from './ReportActions';
import { ReportBody } from './ReportBody';
import { ReportHeader } from './ReportHeader';
import { reportQueryOptions } from './reportQueries';
import type { ReportView } from './reportTypes';
import './reports.css';

const routeApi = getRouteApi('/app/bao-cao/$reportId');

export function ReportPage() {
  const { reportId } = routeApi.useParams();
  const report = useQuery(reportQueryOptions(reportId));
  if (report.isPending) return <PageLoading />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  return <ReportScreen view={report.data} />;
}

/** The dossiers' window of Biểu 06: the one its facts link to, else the report's. */
function dossiersWindow(view: ReportView): { from: string; to: string } {
  for (const section of view.content.sections) {
    for (const fact of section.facts) if (fact.ref?.type === 'dossiers') return { from: fact.ref.from, to: fact.ref.to };
  }
  return view.window;
}

function ReportScreen({ view }: { view: ReportView }) {
  const me = useMe();
  const { orgId } = useCurrentOrg();
  // The indicators page shows the chosen commune: link dossier figures there only when that is this report's commune.
  const dossiersLinked = orgId === view.org.id;
  const back =
    me.org.kind === 'province' ? (
      <AnchorLink to="/bao-cao/tinh" search={{ kind: view.kind, year: view.year }} size="sm">
        {t('reports.backProvince')}
      </AnchorLink>
    ) : (
      <AnchorLink to="/bao-cao" search={{ year: view.year }} size="sm">
        {t('reports.backList', { year: view.year })}
      </AnchorLink>
    );

  return (
    <Stack gap="md" className="report-page" data-report-status={view.status}>
      <div className="no-print">{back}</div>
      <ReportHeader view={view} actions={<ReportActions view={view} />} />
      <SectionPanel id="report-content" title={t('reports.content')} className="report-content">
        <ReportBody view={view} dossiersLinked={dossiersLinked} />
      </SectionPanel>
      <AnnexTable rows={view.content.annex} />
      {view.content.bieu06 && <Bieu06Table bieu06={view.content.bieu06} window={dossiersWindow(view)} />}
    </Stack>
  );
}
