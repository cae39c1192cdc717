import { Button, Group, type MantineColor } from '@mantine/core';
import { t } from '../i18n';
import { ConfirmButton } from './ConfirmButton';
import { Icon } from './Icon';

/** The delete button of a form that edits something that can be removed. */
export interface FormDeleteAction {
  label: string;
  /** The question asked before deleting. */
  confirm: string;
  pending: boolean;
  onConfirm: () => Promise<unknown>;
}

interface FormActionsProps {
  onCancel: () => void;
  /** The submit button shows a loader while the form is being sent. */
  submitting: boolean;
  /** Defaults to "Save". */
  submitLabel?: string;
  submitColor?: MantineColor;
  /**
   * For forms that can delete what they edit: the delete button, on the left.
   * Pass `null` when there is nothing to delete yet (a new item); the row keeps the same layout.
   */
  remove?: FormDeleteAction | null;
}

/** The bottom row of a form: Cancel and the submit button on the right, an optional delete button on the left. */
export function FormActions({ onCancel, submitting, submitLabel, submitColor, remove }: FormActionsProps) {
  const buttons = (
    <>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={submitColor} loading={submitting}>
        {submitLabel ?? t('common.save')}
      </Button>
    </>
  );
  if (remove === undefined) return <Group justify="flex-end">{buttons}</Group>;
  return (
    <Group justify="space-between">
      <div>
        {remove && (
          <ConfirmButton
            color="red"
            variant="subtle"
            leftSection={<Icon name="trash" size={16} />}
            message={remove.confirm}
            loading={remove.pending}
            onConfirm={remove.onConfirm}
          >
            {remove.label}
          </ConfirmButton>
        )}
      </div>
      <Group>{buttons}</Group>
    </Group>
  );
}
