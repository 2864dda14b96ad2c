// The state and submit of the two forms that end signed in (sign-in, registration): the fields,
// the API's verdict sorted by field, then back to `?next=` with nothing cached of the last viewer.
import { useId, useState } from 'react';
import { setter, useSubmit, type FormState } from '../shared/ui/Forms';
import { NO_ERRORS, sortErrors, type SortedErrors, type UserErrorLike } from '../shared/user-errors';
import { afterSignIn } from './next';

export function useSignInForm(
  fields: readonly string[],
  search: string,
  send: (values: Record<string, string>) => Promise<{ userErrors: readonly UserErrorLike[]; user?: unknown }>,
) {
  const formId = useId();
  const [form, setForm] = useState<FormState>(() => Object.fromEntries(fields.map((f) => [f, ''])));
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const { busy, submit } = useSubmit(
    async () => {
      const payload = await send(Object.fromEntries(fields.map((f) => [f, String(form[f])])));
      if (payload.userErrors.length || !payload.user) {
        setErrors(sortErrors(payload.userErrors, [...fields]));
        return;
      }
      await afterSignIn(search);
    },
    (error) => setErrors({ ...NO_ERRORS, general: [error] }),
  );
  return { formId, form, set: setter(setForm), errors, busy, submit };
}
