import { useCallback, useRef, useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { isApiError } from './api';
import { notifyError } from './notify';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * Field errors of a form. A server error naming one of the form's fields
 * (`dueDate`, or `milestones.2` for the `milestones` input) is attached to that
 * field; any other error is shown as a notification.
 */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const fieldsRef = useRef(fields);

  const clear = useCallback((field?: F) => {
    setErrors((previous) => {
      if (!field) return {};
      if (!(field in previous)) return previous;
      const next = { ...previous };
      delete next[field];
      return next;
    });
  }, []);

  const set = useCallback((field: F, message: string) => {
    setErrors((previous) => ({ ...previous, [field]: message }));
  }, []);

  const fromError = useCallback(
    (error: unknown) => {
      if (isApiError(error) && error.field) {
        const base = error.field.split('.')[0] as F;
        if (fieldsRef.current.includes(base)) {
          setErrors({ [base]: error.message } as FieldErrors<F>);
          return;
        }
      }
      notifyError(error);
    },
    [],
  );

  return { errors, set, clear, fromError, hasErrors: Object.keys(errors).length > 0 };
}

/** What keeps a form from being sent: the field to mark, and why. */
export type FieldProblem<F extends string> = readonly [field: F, message: string];

/** The problem of a required field left empty. */
export function required<F extends string>(field: F): FieldProblem<F> {
  return [field, t('common.required')];
}

/**
 * The onSubmit of a form with field errors: clears them, then marks the first
 * problem `check` finds on its field, or, when there is none, calls `send`.
 */
export function checkedSubmit<F extends string>(
  errors: { clear: () => void; set: (field: F, message: string) => void },
  check: () => FieldProblem<F> | undefined,
  send: () => void,
) {
  return (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    const problem = check();
    if (problem) {
      errors.set(problem[0], problem[1]);
      return;
    }
    send();
  };
}
