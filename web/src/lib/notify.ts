import { notifications } from '@mantine/notifications';
import { t } from '../i18n';
import { errorMessage, isApiError } from './api';

/** Shows the message of a failed request; 401 is left to the redirect to the login page. */
export function notifyError(error: unknown): void {
  if (isApiError(error) && (error.code === 'unauthenticated' || error.code === 'aborted')) return;
  notifications.show({
    color: 'red',
    title: t('notify.errorTitle'),
    message: errorMessage(error),
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 4000 });
}
