import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { t } from '../i18n';

/** A password input whose show/hide button is named in the current language (without repeating the field label). */
export function PasswordField(props: PasswordInputProps) {
  return <PasswordInput {...props} visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }} />;
}
