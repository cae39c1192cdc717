import './styles/mantine';
import './styles/app.css';
import './styles/print.css';

import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { t, useLanguage } from './i18n';
import { queryClient } from './lib/queryClient';
import { router } from './router';
import { theme } from './theme';

function App() {
  const language = useLanguage();

  dayjs.locale(language);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('app.name')} – ${t('app.fullName')}`;
  }, [language]);

  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: language, firstDayOfWeek: 1, consistentWeeks: true }}>
        <Notifications position="bottom-right" limit={4} />
        <QueryClientProvider client={queryClient}>
          {/* Remounting on a language change redraws every label; data stays in the query cache. */}
          <RouterProvider key={language} router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
