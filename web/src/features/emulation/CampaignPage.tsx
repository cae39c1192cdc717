// One emulation campaign: its head, the source plan's tasks as the content of
// the campaign, the criteria, every participant against every criterion that
// applies to them (with the records behind each result), and the list of
// those proposed for commendation, confirmed by the focal point and exported.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { AnchorLink } from '../../components/AnchorLink';
import { LoadError, PageLoading } from '../../components/PageState';
import { t } from '../../i18n';
import { CampaignHeader } from './components/CampaignHeader';
import { ContentGroups } from './components/ContentGroups';
import { CriteriaSection } from './components/CriteriaSection';
import { ProposalSection } from './components/ProposalSection';
import { ResultsMatrix } from './components/ResultsMatrix';
import { campaignQueryOptions } from './emulationQueries';
import './emulation.css';

const routeApi = getRouteApi('/app/thi-dua/$campaignId');

export function CampaignPage() {
  const { campaignId } = routeApi.useParams();
  const campaign = useQuery(campaignQueryOptions(campaignId));
  if (campaign.isPending) return <PageLoading />;
  if (campaign.isError) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  const view = campaign.data;

  return (
    <Stack gap="md" className="emu-page" data-campaign-status={view.status}>
      <div className="no-print">
        <AnchorLink to="/thi-dua" search={{ year: view.year }} size="sm">
          {t('emulation.backList', { year: view.year })}
        </AnchorLink>
      </div>
      <CampaignHeader campaign={view} />
      <ContentGroups campaign={view} />
      <CriteriaSection campaign={view} />
      <ResultsMatrix campaign={view} />
      <ProposalSection campaign={view} />
    </Stack>
  );
}
