// Sáng kiến, giải pháp CCHC of a commune for a year: the call (deadline and how
// many each unit is asked for), the year's totals and the plan targets they
// count for, each unit against the call, and the list of initiatives whose
// detail opens beside it. One request builds the page; the detail is a second.
import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { Icon } from '../../components/Icon';
import { EmptyText, LoadError, PageLoading } from '../../components/PageState';
import { PageTitle } from '../../components/PageTitle';
import { t } from '../../i18n';
import { todayIso } from '../../lib/format';
import { yearOptions } from '../../lib/periods';
import { useCurrentOrg } from '../org/CurrentOrg';
import { CallCard } from './components/CallCard';
import { InitiativeDrawer } from './components/InitiativeDrawer';
import { InitiativeFormModal } from './components/InitiativeFormModal';
import { InitiativeTable } from './components/InitiativeTable';
import { UnitTallyTable } from './components/UnitTallyTable';
import { YearTargets, YearTotals } from './components/YearFigures';
import { initiativeYearQueryOptions } from './initiativeQueries';
import type { InitiativesSearch } from './initiativeSearch';
import './initiatives.css';

const routeApi = getRouteApi('/app/sang-kien');

export function InitiativesPage() {
  const { org } = useCurrentOrg();
  const navigate = useNavigate();
  const search = routeApi.useSearch();
  const today = todayIso();
  const year = search.year ?? Number(today.slice(0, 4));
  const commune = org.kind === 'commune' ? org : null;
  const yearQuery = useQuery({ ...initiativeYearQueryOptions(commune?.id ?? '', year), enabled: Boolean(commune) });
  const [registering, setRegistering] = useState(false);

  const go = (next: InitiativesSearch) => void navigate({ to: '/sang-kien', search: next, replace: true });

  if (!commune) {
    return (
      <>
        <PageTitle title={t('initiatives.title')} subtitle={org.name} />
        <EmptyText>{t('initiatives.onlyCommune')}</EmptyText>
      </>
    );
  }

  const view = yearQuery.data;
  return (
    <Stack gap="md">
      <PageTitle
        title={t('initiatives.titleYear', { year })}
        subtitle={commune.name}
        actions={
          view?.can.register && (
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setRegistering(true)}>
              {t('initiatives.register')}
            </Button>
          )
        }
      />
      <Group>
        <Select
          label={t('initiatives.year')}
          data={yearOptions(today, year)}
          value={String(year)}
          onChange={(value) => value && go({ year: Number(value) })}
          allowDeselect={false}
          w={140}
          data-testid="initiative-year"
        />
      </Group>
      {yearQuery.isPending ? (
        <PageLoading />
      ) : yearQuery.isError ? (
        <LoadError error={yearQuery.error} onRetry={() => void yearQuery.refetch()} />
      ) : (
        <>
          <CallCard view={yearQuery.data} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <YearTotals view={yearQuery.data} />
            <YearTargets view={yearQuery.data} />
          </SimpleGrid>
          <UnitTallyTable view={yearQuery.data} orgName={commune.name} />
          <InitiativeTable view={yearQuery.data} orgName={commune.name} onOpen={(id) => go({ ...search, initiative: id })} />
          <InitiativeDrawer initiativeId={search.initiative ?? null} view={yearQuery.data} onClose={() => go({ ...search, initiative: undefined })} />
          <InitiativeFormModal
            opened={registering}
            onClose={() => setRegistering(false)}
            view={yearQuery.data}
            initiative={null}
            onSaved={(saved) => go({ year: saved.year, initiative: saved.id })}
          />
        </>
      )}
    </Stack>
  );
}
