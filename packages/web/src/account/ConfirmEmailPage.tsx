// The page a confirmation mail links to (`?token=`): one click confirms the address and signs in. A
// click rather than on load, so a mail scanner that opens links does not use the token up. Without a
// token, or when the link is used or expired, the resend form asks for a new link.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { FormErrors, useSubmit } from '../shared/ui/Forms';
import '../shared/ui/signed-in.css';
import { NO_ERRORS, sortErrors, type SortedErrors } from '../shared/user-errors';
import { EmailLinkForm } from './EmailLinkForm';
import { Heading } from './Heading';
import { afterSignIn } from './next';
import { ConfirmEmailMutation, ResendConfirmationMutation } from './operations';

/** Asks for a new confirmation link; the answer is the same whether the address has an account or not. */
export function ResendConfirmationForm({ email }: { email?: string }) {
  const { t } = useTranslation();
  const send = async (address: string) => (await request(ResendConfirmationMutation, { email: address })).resendConfirmation.userErrors;
  return <EmailLinkForm send={send} email={email} label={t('account.resendLink')} hint={t('account.resendHint')} button={t('account.resendButton')} sent={t('account.resendSent')} sentTestId="resend-sent" />;
}

export function ConfirmEmailPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);

  const { busy, submit } = useSubmit(async () => {
    const { confirmEmail } = await request(ConfirmEmailMutation, { input: { token } });
    if (confirmEmail.userErrors.length || !confirmEmail.user) {
      setErrors(sortErrors(confirmEmail.userErrors, []));
      return;
    }
    await afterSignIn(search);
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  const refused = errors.general.length > 0;
  return (
    <section className="auth-form">
      <Heading>{t('account.confirmTitle')}</Heading>
      {!token && <p role="alert">{t('account.confirmNoToken')}</p>}
      {token && (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <p className="hint">{t('account.confirmHint')}</p>
          <FormErrors errors={errors.general} />
          {!refused && (
            <button type="submit" disabled={busy}>
              {t('account.confirmButton')}
            </button>
          )}
        </form>
      )}
      {(!token || refused) && <ResendConfirmationForm />}
    </section>
  );
}
