// "Forgot password" (a mail with a reset link) and the page that link opens (`?token=`).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { paths } from '../shared/router/paths';
import { refreshSession } from '../shared/session';
import { FormErrors, useSubmit } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import '../shared/ui/signed-in.css';
import { NO_ERRORS, sortErrors, type SortedErrors } from '../shared/user-errors';
import { EmailLinkForm } from './EmailLinkForm';
import { Heading } from './Heading';
import { PasswordField } from './PasswordField';
import { RequestPasswordResetMutation, ResetPasswordMutation } from './operations';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const send = async (email: string) => (await request(RequestPasswordResetMutation, { email })).requestPasswordReset.userErrors;
  return (
    <section className="auth-form">
      <Heading>{t('account.forgotTitle')}</Heading>
      <EmailLinkForm send={send} hint={t('account.forgotHint')} button={t('account.sendResetLink')} sent={t('account.resetSent')} sentTestId="reset-sent" />
    </section>
  );
}

export function ResetPasswordPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);

  const { busy, submit } = useSubmit(async () => {
    const { resetPassword } = await request(ResetPasswordMutation, { token, newPassword: password });
    if (resetPassword.userErrors.length || !resetPassword.ok) setErrors(sortErrors(resetPassword.userErrors, ['newPassword'], { password: 'newPassword' }));
    else {
      setDone(true);
      await refreshSession();
    }
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  return (
    <section className="auth-form">
      <Heading>{t('account.resetTitle')}</Heading>
      {!token && <p role="alert">{t('account.resetNoToken')}</p>}
      {done ? (
        <p role="status" data-testid="reset-done">
          {t('account.resetDone')} <Link href={paths.signIn()}>{t('account.signIn')}</Link>
        </p>
      ) : (
        token && (
          <form onSubmit={submit} noValidate aria-busy={busy}>
            <FormErrors errors={errors.general} />
            <PasswordField formId={formId} name="newPassword" label={t('account.newPassword')} isNew value={password} onChange={setPassword} errors={errors.byField} />
            <button type="submit" disabled={busy}>
              {t('account.setPassword')}
            </button>
          </form>
        )
      )}
    </section>
  );
}
