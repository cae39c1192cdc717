import { useCallback, useRef, useState } from 'react';
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
