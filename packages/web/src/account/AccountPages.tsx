// The signed-in part of the app, loaded on demand (React.lazy in App.tsx): sign-in, registration,
// password reset, invitations, "My organizations", and the editor, history and moderation pages.
import { Suspense, lazy, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AcceptInvitationMutation,
  ChangePasswordMutation,
  CreateOrganizationMutation,
  MyOrganizationsQuery,
  RegisterMutation,
  RequestPasswordResetMutation,
  ResetPasswordMutation,
  SignInMutation,
} from './operations';
import { paths, safeNext, type AccountRoute } from '../shared/router/account-routes';
import { ORGANIZATION_FIELDS, emptyForm, formToInput, type FormState } from '../editor/editor-forms';
import { formatDate } from '../shared/format/format';
import { request } from '../shared/api/graphql';
import { clearQueryCache, useQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { orgPath, navigate } from '../shared/router/router';
import { isModerator, refreshSession, useSession } from '../shared/session';
import { sortErrors, type SortedErrors, type UserErrorLike } from '../shared/user-errors';
import { FormErrors, SelectField, TextField, setter, useSubmit } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';
import './account.css';

const OrgEditor = lazy(() => import('../editor/OrgEditor').then((m) => ({ default: m.OrgEditor })));
const HistoryPage = lazy(() => import('../editor/HistoryPage').then((m) => ({ default: m.HistoryPage })));
const ModerationPage = lazy(() => import('../moderation/ModerationPage').then((m) => ({ default: m.ModerationPage })));

const NO_ERRORS: SortedErrors = { byField: {}, general: [], stale: false };

export function AccountPages({ route, search, lang }: { route: AccountRoute; search: string; lang: Lang }) {
  const { t } = useTranslation();
  const titles: Record<AccountRoute['page'], string> = {
    signIn: t('account.signInTitle'),
    register: t('account.registerTitle'),
    forgotPassword: t('account.forgotTitle'),
    resetPassword: t('account.resetTitle'),
    acceptInvitation: t('account.invitationTitle'),
    me: t('account.myOrganizations'),
    newOrganization: t('account.newOrganizationTitle'),
    edit: t('editor.title'),
    history: t('history.title'),
    moderation: t('moderation.title'),
  };
  useEffect(() => {
    document.title = `${titles[route.page]} · ${t('app.title')}`;
  });

  let page: ReactNode;
  switch (route.page) {
    case 'signIn':
      page = <SignInPage search={search} />;
      break;
    case 'register':
      page = <RegisterPage search={search} />;
      break;
    case 'forgotPassword':
      page = <ForgotPasswordPage />;
      break;
    case 'resetPassword':
      page = <ResetPasswordPage search={search} />;
      break;
    case 'acceptInvitation':
      page = (
        <RequireSignIn>
          <AcceptInvitationPage search={search} />
        </RequireSignIn>
      );
      break;
    case 'me':
      page = (
        <RequireSignIn>
          <MyOrganizationsPage lang={lang} />
        </RequireSignIn>
      );
      break;
    case 'newOrganization':
      page = (
        <RequireSignIn>
          <NewOrganizationPage />
        </RequireSignIn>
      );
      break;
    case 'edit':
      page = (
        <RequireSignIn>
          <OrgEditor id={route.id} lang={lang} created={new URLSearchParams(search).has('created')} />
        </RequireSignIn>
      );
      break;
    case 'history':
      page = <HistoryPage id={route.id} lang={lang} />;
      break;
    case 'moderation':
      page = (
        <RequireSignIn moderator>
          <ModerationPage lang={lang} />
        </RequireSignIn>
      );
      break;
  }
  return (
    <main id="main" className="page-narrow account-page" tabIndex={-1}>
      <Suspense fallback={<p aria-live="polite">{t('nav.loading')}</p>}>{page}</Suspense>
    </main>
  );
}

function RequireSignIn({ children, moderator }: { children: ReactNode; moderator?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <p aria-live="polite">{t('nav.loading')}</p>;
  if (!session.user) {
    const here = location.pathname + location.search;
    return (
      <p role="alert">
        {t('account.signInFirst')} <Link href={paths.signIn(here)}>{t('account.signIn')}</Link>
      </p>
    );
  }
  if (moderator && !isModerator(session.user)) return <p role="alert">{t('moderation.notAllowed')}</p>;
  return <>{children}</>;
}

/** Focuses the page's heading when it opens, so screen readers announce where they are. */
function Heading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

function SignInPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<FormState>({ email: '', password: '' });
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const set = setter(setForm);

  const { busy, submit } = useSubmit(async () => {
    const { signIn } = await request(SignInMutation, { input: { email: String(form.email), password: String(form.password) } });
    if (signIn.userErrors.length || !signIn.user) {
      setErrors(sortErrors(signIn.userErrors, ['email', 'password']));
      return;
    }
    clearQueryCache();
    await refreshSession();
    navigate(safeNext(search));
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  return (
    <section className="auth-form">
      <Heading>{t('account.signInTitle')}</Heading>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <FormErrors errors={errors.general} />
        <TextField formId={formId} name="email" type="email" autoComplete="username" label={t('account.email')} required value={String(form.email)} onChange={set('email')} errors={errors.byField} />
        <TextField
          formId={formId}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('account.password')}
          required
          value={String(form.password)}
          onChange={set('password')}
          errors={errors.byField}
        />
        <button type="submit" disabled={busy}>
          {t('account.signIn')}
        </button>
      </form>
      <p>
        <Link href={paths.forgotPassword}>{t('account.forgotLink')}</Link>
      </p>
      <p>
        {t('account.noAccount')} <Link href={paths.register(new URLSearchParams(search).get('next') ?? undefined)}>{t('account.register')}</Link>
      </p>
    </section>
  );
}

function RegisterPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<FormState>({ displayName: '', email: '', password: '' });
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const set = setter(setForm);

  const { busy, submit } = useSubmit(async () => {
    const input = { displayName: String(form.displayName), email: String(form.email), password: String(form.password) };
    const { register } = await request(RegisterMutation, { input });
    if (register.userErrors.length || !register.user) {
      setErrors(sortErrors(register.userErrors, ['displayName', 'email', 'password']));
      return;
    }
    clearQueryCache();
    await refreshSession();
    navigate(safeNext(search));
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  return (
    <section className="auth-form">
      <Heading>{t('account.registerTitle')}</Heading>
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <FormErrors errors={errors.general} />
        <TextField formId={formId} name="displayName" autoComplete="name" label={t('account.displayName')} required value={String(form.displayName)} onChange={set('displayName')} errors={errors.byField} />
        <TextField formId={formId} name="email" type="email" autoComplete="email" label={t('account.email')} required value={String(form.email)} onChange={set('email')} errors={errors.byField} />
        <TextField
          formId={formId}
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('account.password')}
          hint={t('account.passwordRule')}
          required
          value={String(form.password)}
          onChange={set('password')}
          errors={errors.byField}
        />
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

function ForgotPasswordPage() {
  const { t } = useTranslation();
  const formId = useId();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [sent, setSent] = useState(false);

  const { busy, submit } = useSubmit(async () => {
    const { requestPasswordReset } = await request(RequestPasswordResetMutation, { email });
    if (requestPasswordReset.userErrors.length) setErrors(sortErrors(requestPasswordReset.userErrors, ['email']));
    else setSent(true);
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  return (
    <section className="auth-form">
      <Heading>{t('account.forgotTitle')}</Heading>
      {sent ? (
        <p role="status" data-testid="reset-sent">
          {t('account.resetSent')}
        </p>
      ) : (
        <form onSubmit={submit} noValidate aria-busy={busy}>
          <p className="hint">{t('account.forgotHint')}</p>
          <FormErrors errors={errors.general} />
          <TextField formId={formId} name="email" type="email" autoComplete="email" label={t('account.email')} required value={email} onChange={setEmail} errors={errors.byField} />
          <button type="submit" disabled={busy}>
            {t('account.sendResetLink')}
          </button>
        </form>
      )}
    </section>
  );
}

function ResetPasswordPage({ search }: { search: string }) {
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
            <TextField
              formId={formId}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              label={t('account.newPassword')}
              hint={t('account.passwordRule')}
              required
              value={password}
              onChange={setPassword}
              errors={errors.byField}
            />
            <button type="submit" disabled={busy}>
              {t('account.setPassword')}
            </button>
          </form>
        )
      )}
    </section>
  );
}

function AcceptInvitationPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [errors, setErrors] = useState<UserErrorLike[]>([]);

  const { busy, submit: accept } = useSubmit(async () => {
    const { acceptInvitation } = await request(AcceptInvitationMutation, { token });
    if (acceptInvitation.userErrors.length || !acceptInvitation.membership) setErrors(acceptInvitation.userErrors);
    else {
      clearQueryCache();
      navigate(paths.edit(acceptInvitation.membership.organization.id));
    }
  }, (error) => setErrors([error]));

  return (
    <section>
      <Heading>{t('account.invitationTitle')}</Heading>
      <FormErrors errors={errors} />
      {token ? (
        <button type="button" onClick={accept} disabled={busy}>
          {t('account.acceptInvitation')}
        </button>
      ) : (
        <p role="alert">{t('account.resetNoToken')}</p>
      )}
    </section>
  );
}

function MyOrganizationsPage({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const q = useQuery(MyOrganizationsQuery, { lang: apiLang(lang) }, { cache: false });
  const me = q.data?.me;
  return (
    <section>
      <Heading>{t('account.myOrganizations')}</Heading>
      {q.loading && !me && <p aria-live="polite">{t('nav.loading')}</p>}
      {q.error && (
        <p role="alert" className="error">
          {t('app.loadError', { message: q.error.message })}{' '}
          <button type="button" onClick={q.retry}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {me && (
        <>
          <p>{t('account.signedInAs', { name: me.displayName, email: me.email ?? '' })}</p>
          {me.memberships.length === 0 && <p>{t('account.noMemberships')}</p>}
          <ul className="cards" data-testid="memberships">
            {me.memberships.map((m) => (
              <li key={m.id} className="card" data-org-id={m.organization.id}>
                <h2 className="card-title">{m.organization.name}</h2>
                <p className="muted">
                  {t(`account.role.${m.role}`, { defaultValue: m.role })} ·{' '}
                  {m.organization.verification.status === 'VERIFIED' ? t('profile.verifiedNoDate') : t('profile.unverified')}
                </p>
                <p className="card-actions">
                  <Link href={paths.edit(m.organization.id)}>{t('account.edit')}</Link>
                  <Link href={orgPath(m.organization.id)}>{t('account.publicProfile')}</Link>
                  <Link href={paths.history(m.organization.id)}>{t('history.link')}</Link>
                </p>
              </li>
            ))}
          </ul>
          <p>
            <Link href={paths.newOrganization}>{t('account.newOrganization')}</Link>
          </p>
          <p className="hint">{t('account.claimHint')}</p>
          {me.claims.length > 0 && (
            <>
              <h2>{t('account.claims')}</h2>
              <ul data-testid="claims">
                {me.claims.map((c) => (
                  <li key={c.id} data-status={c.status}>
                    <Link href={orgPath(c.organization.id)}>{c.organization.name}</Link> — {t(`account.claimStatus.${c.status}`, { defaultValue: c.status })} (
                    {formatDate(c.decidedAt ?? c.createdAt, lang)}){c.reason ? `: ${c.reason}` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          <ChangePasswordForm />
        </>
      )}
    </section>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<FormState>({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const set = setter(setForm);

  const { busy, submit } = useSubmit(async () => {
    setDone(false);
    const { changePassword } = await request(ChangePasswordMutation, { currentPassword: String(form.currentPassword), newPassword: String(form.newPassword) });
    setErrors(sortErrors(changePassword.userErrors, ['currentPassword', 'newPassword']));
    if (!changePassword.userErrors.length && changePassword.ok) {
      setDone(true);
      setForm({ currentPassword: '', newPassword: '' });
    }
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  return (
    <details className="change-password">
      <summary>{t('account.changePassword')}</summary>
      <form onSubmit={submit} noValidate aria-busy={busy} className="auth-form">
        <FormErrors errors={errors.general} />
        <TextField
          formId={formId}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('account.currentPassword')}
          required
          value={String(form.currentPassword)}
          onChange={set('currentPassword')}
          errors={errors.byField}
        />
        <TextField
          formId={formId}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t('account.newPassword')}
          hint={t('account.passwordRule')}
          required
          value={String(form.newPassword)}
          onChange={set('newPassword')}
          errors={errors.byField}
        />
        <button type="submit" disabled={busy}>
          {t('account.changePassword')}
        </button>
        <p role="status">{done ? t('account.passwordChanged') : ''}</p>
      </form>
    </details>
  );
}

const NEW_ORG_FIELDS = ORGANIZATION_FIELDS.filter((f) => ['names.sq', 'names.sr', 'names.en', 'legalForm', 'registrationNumber', 'registrationDate', 'website', 'email', 'phone'].includes(f.key));

function NewOrganizationPage() {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<FormState>(() => emptyForm(NEW_ORG_FIELDS, { legalForm: 'ASSOCIATION' }));
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const set = setter(setForm);
  const keys = NEW_ORG_FIELDS.map((f) => f.key);

  const { busy, submit } = useSubmit(async () => {
    const { input } = formToInput(NEW_ORG_FIELDS, form);
    const { createOrganization } = await request(CreateOrganizationMutation, { input });
    if (createOrganization.userErrors.length || !createOrganization.organization) {
      setErrors(sortErrors(createOrganization.userErrors, keys));
      return;
    }
    clearQueryCache();
    navigate(`${paths.edit(createOrganization.organization.id)}?created=1`);
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  const text = (key: string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField formId={formId} name={key} label={label} value={String(form[key] ?? '')} onChange={set(key)} errors={errors.byField} {...extra} />
  );
  return (
    <section>
      <Heading>{t('account.newOrganizationTitle')}</Heading>
      <p className="hint">{t('account.newOrganizationHint')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy} className="editor-form">
        <FormErrors errors={errors.general} />
        {text('names.sq', t('editor.nameSq'), { required: true })}
        {text('names.sr', t('editor.nameSr'))}
        {text('names.en', t('editor.nameEn'))}
        <SelectField
          formId={formId}
          name="legalForm"
          label={t('profile.legalForm')}
          value={String(form.legalForm)}
          onChange={set('legalForm')}
          errors={errors.byField}
          options={['ASSOCIATION', 'FOUNDATION', 'OTHER'].map((v) => ({ value: v, label: t(`enum.legalForm.${v}`) }))}
        />
        {text('registrationNumber', t('editor.registrationNumber'))}
        {text('registrationDate', t('editor.registrationDate'), { type: 'date' })}
        {text('website', t('profile.website'), { type: 'url', inputMode: 'url' })}
        {text('email', t('profile.email'), { type: 'email' })}
        {text('phone', t('profile.phone'), { type: 'tel' })}
        <button type="submit" disabled={busy}>
          {t('account.createOrganization')}
        </button>
      </form>
    </section>
  );
}

