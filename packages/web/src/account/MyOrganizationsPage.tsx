// "My organizations": the user's memberships and claims, and the change of password.
import { useTranslation } from 'react-i18next';
import { useGqlQuery } from '../shared/api/query';
import { formatDate } from '../shared/format/format';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { orgPath, paths } from '../shared/router/paths';
import { Link } from '../shared/ui/Link';
import '../shared/ui/signed-in.css';
import { ChangePasswordForm } from './ChangePasswordForm';
import { Heading } from './Heading';
import { LoadError } from '../shared/ui/LoadError';
import { MyOrganizationsQuery } from './operations';

export function MyOrganizationsPage({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const q = useGqlQuery(MyOrganizationsQuery, { lang: apiLang(lang) }, { fresh: true });
  const me = q.data?.me;
  return (
    <section>
      <Heading>{t('account.myOrganizations')}</Heading>
      {q.isFetching && !me && <p aria-live="polite">{t('nav.loading')}</p>}
      <LoadError error={q.error} onRetry={q.refetch} />
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
