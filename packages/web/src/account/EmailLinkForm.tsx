// "Mail me a link" (a password reset, a new confirmation link): one email field, then a status that
// says the same whether or not the address has an account, as the API's answer does.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrors, TextField, useSubmit } from '../shared/ui/Forms';
import { NO_ERRORS, sortErrors, type SortedErrors, type UserErrorLike } from '../shared/user-errors';

export interface EmailLinkFormProps {
  /** Asks the API for the mail; resolves to its userErrors. */
  send: (email: string) => Promise<readonly UserErrorLike[]>;
  hint: string;
  button: string;
  sent: string;
  sentTestId: string;
  email?: string;
  label?: string;
}

export function EmailLinkForm({ send, hint, button, sent: sentText, sentTestId, email: initial = '', label }: EmailLinkFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [email, setEmail] = useState(initial);
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [sent, setSent] = useState(false);

  const { busy, submit } = useSubmit(async () => {
    const userErrors = await send(email);
    if (userErrors.length) setErrors(sortErrors(userErrors, ['email']));
    else setSent(true);
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  if (sent) {
    return (
      <p role="status" data-testid={sentTestId}>
        {sentText}
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-busy={busy} aria-label={label}>
      <p className="hint">{hint}</p>
      <FormErrors errors={errors.general} />
      <TextField formId={formId} name="email" type="email" autoComplete="email" label={t('account.email')} required value={email} onChange={setEmail} errors={errors.byField} />
      <button type="submit" disabled={busy}>
        {button}
      </button>
    </form>
  );
}
