// Sign-in: back to where the user came from (`?next=`, a path of this site only) when it succeeds.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { paths } from '../shared/router/paths';
import { FormErrors, TextField } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import '../shared/ui/signed-in.css';
import { Heading } from './Heading';
import { PasswordField } from './PasswordField';
import { afterSignIn } from './next';
import { SignInMutation } from './operations';
import { useAccountForm } from './use-account-form';

export function SignInPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const [unconfirmed, setUnconfirmed] = useState(false);
  const { formId, form, set, errors, busy, submit } = useAccountForm(
    ['email', 'password'],
    async (input) => (await request(SignInMutation, { input: { email: input.email!, password: input.password! } })).signIn,
    () => afterSignIn(search),
    (refusal) => setUnconfirmed(refusal.some((e) => e.code === 'EMAIL_NOT_CONFIRMED')),
  );

  return (
    <section className="auth-form">
      <Heading>{t('account.signInTitle')}</Heading>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <FormErrors errors={errors.general} />
        <TextField formId={formId} name="email" type="email" autoComplete="username" label={t('account.email')} required value={String(form.email)} onChange={set('email')} errors={errors.byField} />
        <PasswordField formId={formId} name="password" label={t('account.password')} value={String(form.password)} onChange={set('password')} errors={errors.byField} />
        <button type="submit" disabled={busy}>
          {t('account.signIn')}
        </button>
      </form>
      {unconfirmed && (
        <p>
          <Link href={paths.confirmEmail}>{t('account.resendLink')}</Link>
        </p>
      )}
      <p>
        <Link href={paths.forgotPassword}>{t('account.forgotLink')}</Link>
      </p>
      <p>
        {t('account.noAccount')} <Link href={paths.register(new URLSearchParams(search).get('next') ?? undefined)}>{t('account.register')}</Link>
      </p>
    </section>
  );
}
