import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { paths } from '../shared/router/paths';
import { FormErrors, TextField } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import '../shared/ui/signed-in.css';
import { Heading } from './Heading';
import { PasswordField } from './PasswordField';
import { ResendConfirmationForm } from './ConfirmEmailPage';
import { RegisterMutation } from './operations';
import { useAccountForm } from './use-account-form';

/** Registering from an invitation (sign-in → register keeps `?next=/invitations/accept?token=…`): its token proves the address. */
function invitationTokenIn(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/invitations/accept?')) return null;
  return new URLSearchParams(next.slice(next.indexOf('?'))).get('token');
}

export function RegisterPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const [registered, setRegistered] = useState<string | null>(null);
  const { formId, form, set, errors, busy, submit } = useAccountForm(
    ['displayName', 'email', 'password'],
    async (input) => (await request(RegisterMutation, { input: { displayName: input.displayName!, email: input.email!, password: input.password!, invitationToken: invitationTokenIn(search) } })).register,
    // The API answers the same whether or not the address has an account: the mail tells the rest.
    (input) => setRegistered(input.email!.trim()),
  );

  if (registered !== null) {
    return (
      <section className="auth-form">
        <Heading>{t('account.confirmTitle')}</Heading>
        <p role="status" data-testid="check-mail">
          {t('account.checkMail', { email: registered })}
        </p>
        <ResendConfirmationForm email={registered} />
      </section>
    );
  }
  return (
    <section className="auth-form">
      <Heading>{t('account.registerTitle')}</Heading>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <FormErrors errors={errors.general} />
        <TextField formId={formId} name="displayName" autoComplete="name" label={t('account.displayName')} required value={String(form.displayName)} onChange={set('displayName')} errors={errors.byField} />
        <TextField formId={formId} name="email" type="email" autoComplete="email" label={t('account.email')} required value={String(form.email)} onChange={set('email')} errors={errors.byField} />
        <PasswordField formId={formId} name="password" label={t('account.password')} isNew value={String(form.password)} onChange={set('password')} errors={errors.byField} />
        <button type="submit" disabled={busy}>
          {t('account.register')}
        </button>
      </form>
      <p>
        {t('account.haveAccount')} <Link href={paths.signIn()}>{t('account.signIn')}</Link>
      </p>
    </section>
  );
}
