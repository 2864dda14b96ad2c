// The state and submit of the account forms (sign-in, registration): the fields, the API's verdict
// sorted by field, and what follows a clean answer (sign-in: back to `?next=`; registration: "check
// your mail", since the API answers the same whether or not the address has an account).
import { useId, useState } from 'react';
import { setter, useSubmit, type FormState } from '../shared/ui/Forms';
import { NO_ERRORS, sortErrors, type SortedErrors, type UserErrorLike } from '../shared/user-errors';

export function useAccountForm(
  fields: readonly string[],
  send: (values: Record<string, string>) => Promise<{ userErrors: readonly UserErrorLike[] }>,
  done: (values: Record<string, string>) => void | Promise<void>,
  refused?: (errors: readonly UserErrorLike[]) => void,
) {
  const formId = useId();
  const [form, setForm] = useState<FormState>(() => Object.fromEntries(fields.map((f) => [f, ''])));
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const { busy, submit } = useSubmit(
    async () => {
      const values = Object.fromEntries(fields.map((f) => [f, String(form[f])]));
      const payload = await send(values);
      if (payload.userErrors.length) {
        setErrors(sortErrors(payload.userErrors, [...fields]));
        refused?.(payload.userErrors);
        return;
      }
      await done(values);
    },
    (error) => setErrors({ ...NO_ERRORS, general: [error] }),
  );
  return { formId, form, set: setter(setForm), errors, busy, submit };
}
