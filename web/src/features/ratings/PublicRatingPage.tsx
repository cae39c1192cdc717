// The citizen's one-question page, opened from the QR code at the one-stop
// counter: no sign-in, readable on a phone, big buttons for a counter tablet.
import { Alert, Box, Button, Center, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Icon, type IconName } from '../../components/Icon';
import { t } from '../../i18n';
import { errorMessage, isApiError } from '../../lib/api';
import { RATING_LABEL, RATINGS, publicCommuneQueryOptions, submitRating, type Rating } from './ratingQueries';
import './ratings.css';

const routeApi = getRouteApi('/danh-gia/$orgCode');

const CHOICE: Record<Rating, { color: string; icon: IconName }> = {
  'rat-hai-long': { color: 'green.8', icon: 'moodHappy' },
  'hai-long': { color: 'blue.7', icon: 'moodSmile' },
  'khong-hai-long': { color: 'red.8', icon: 'moodSad' },
};

export function PublicRatingPage() {
  const { orgCode } = routeApi.useParams();
  const commune = useQuery(publicCommuneQueryOptions(orgCode));
  const communeName = commune.data?.name;

  useEffect(() => {
    if (communeName) document.title = `${t('ratings.public.heading')} – ${communeName}`;
  }, [communeName]);

  return (
    <Center mih="100vh" p={{ base: 'xs', sm: 'md' }} bg="gray.1" component="main" className="public-rating">
      <Box w="100%" maw={640}>
        {commune.isPending ? (
          <Center py="xl" role="status">
            <Loader />
          </Center>
        ) : commune.isError ? (
          <Alert color="red" icon={<Icon name="alert" />} title={t('ratings.public.unavailable')} role="alert">
            {errorMessage(commune.error)}
          </Alert>
        ) : (
          <RatingForm orgCode={orgCode} communeName={commune.data.name} />
        )}
      </Box>
    </Center>
  );
}

function RatingForm({ orgCode, communeName }: { orgCode: string; communeName: string }) {
  const [dossierCode, setDossierCode] = useState('');
  const [codeMissing, setCodeMissing] = useState(false);
  const [thanks, setThanks] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  const mutation = useMutation({
    mutationFn: (rating: Rating) => submitRating(orgCode, dossierCode.trim(), rating),
    meta: { handlesErrors: true },
    onSuccess: (result) => setThanks(result.message),
  });

  const choose = (rating: Rating) => {
    if (!dossierCode.trim()) {
      setCodeMissing(true);
      codeInput.current?.focus();
      return;
    }
    setCodeMissing(false);
    mutation.mutate(rating);
  };

  const again = () => {
    setThanks(null);
    setDossierCode('');
    mutation.reset();
    setTimeout(() => codeInput.current?.focus(), 0);
  };

  const error = mutation.error;
  const onField = isApiError(error) && error.field === 'dossierCode' && error.code !== 'conflict';
  const fieldError = codeMissing ? t('ratings.public.codeRequired') : onField ? errorMessage(error) : null;

  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
      <Stack gap="lg">
        <div>
          <Text fw={700} c="blue.8" tt="uppercase" size="sm">
            {t('ratings.public.heading')}
          </Text>
          <Title order={1} size="h2">
            {communeName}
          </Title>
        </div>

        {thanks ? (
          <Stack gap="md" align="center" ta="center" py="md" role="status" aria-live="polite">
            <Icon name="check" size={56} style={{ color: 'var(--mantine-color-green-8)' }} />
            <Title order={2} size="h2">
              {t('ratings.public.thanksTitle')}
            </Title>
            <Text size="lg">{thanks}</Text>
            <Button size="lg" variant="light" onClick={again} mt="sm">
              {t('ratings.public.again')}
            </Button>
          </Stack>
        ) : (
          <form onSubmit={(event: FormEvent) => event.preventDefault()} noValidate>
            <Stack gap="lg">
              <Title order={2} size="h3" fw={600}>
                {t('ratings.question')}
              </Title>
              <TextInput
                ref={codeInput}
                size="lg"
                label={t('ratings.public.dossierCode')}
                description={t('ratings.public.dossierCodeHint')}
                value={dossierCode}
                onChange={(event) => {
                  setDossierCode(event.currentTarget.value);
                  setCodeMissing(false);
                  if (mutation.isError) mutation.reset();
                }}
                error={fieldError}
                maxLength={60}
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                required
              />
              {error && !onField && (
                <Alert
                  color={isApiError(error) && error.code === 'conflict' ? 'blue' : 'red'}
                  icon={<Icon name={isApiError(error) && error.code === 'conflict' ? 'check' : 'alert'} />}
                  title={isApiError(error) && error.code === 'conflict' ? t('ratings.public.alreadyTitle') : t('ratings.public.errorTitle')}
                  role="alert"
                >
                  {errorMessage(error)}
                </Alert>
              )}
              <Text fw={600}>{t('ratings.public.choose')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {RATINGS.map((rating) => (
                  <Button
                    key={rating}
                    type="button"
                    size="xl"
                    color={CHOICE[rating].color}
                    className="rating-choice"
                    leftSection={<Icon name={CHOICE[rating].icon} size={32} />}
                    loading={mutation.isPending && mutation.variables === rating}
                    disabled={mutation.isPending && mutation.variables !== rating}
                    onClick={() => choose(rating)}
                  >
                    {t(RATING_LABEL[rating])}
                  </Button>
                ))}
              </SimpleGrid>
            </Stack>
          </form>
        )}

        <Text size="sm" c="dimmed">
          {t('ratings.public.note')}
        </Text>
      </Stack>
    </Paper>
  );
}
