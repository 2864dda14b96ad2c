import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { paths } from '../shared/router/paths';
import { FormErrors, TextField } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import '../shared/ui/signed-in.css';
import { Heading } from './Heading';
import { PasswordField } from './PasswordField';
import { useSignInForm } from './use-sign-in-form';
import { RegisterMutation } from './operations';

export function RegisterPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const { formId, form, set, errors, busy, submit } = useSignInForm(['displayName', 'email', 'password'], search, async (input) => (await request(RegisterMutation, { input: { displayName: input.displayName!, email: input.email!, password: input.password! } })).register);

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
