// The header's account links: "Sign in" when signed out; "My organizations", the moderation queue
// (moderators) and "Sign out" when signed in. Part of the initial bundle, so it stays small.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignOutMutation } from './operations';
import './account-nav.css';
import { paths } from '../shared/router/paths';
import { request } from '../shared/api/graphql';
import { clearQueryCache } from '../shared/api/query';
import { navigate } from '../shared/router/router';
import { isModerator, refreshSession, useSession } from '../shared/session';
import { Link } from '../shared/ui/Link';

export function AccountNav({ current }: { current: string | null }) {
  const { t } = useTranslation();
  const { user, status } = useSession();
  const [busy, setBusy] = useState(false);
  if (status === 'loading') return null;

  async function signOut() {
    setBusy(true);
    try {
      await request(SignOutMutation, {});
    } catch {
      /* the session below tells what happened */
    }
    clearQueryCache();
    await refreshSession();
    setBusy(false);
    navigate('/');
  }

  return (
    <nav className="account-nav" aria-label={t('account.navLabel')} data-testid="account-nav">
      {user ? (
        <>
          <Link href={paths.me} aria-current={current === 'me' ? 'page' : undefined} data-testid="my-organizations">
            {t('account.myOrganizations')}
          </Link>
          {isModerator(user) && (
            <Link href={paths.moderation} aria-current={current === 'moderation' ? 'page' : undefined}>
              {t('moderation.title')}
            </Link>
          )}
          {(user.role === 'AUTHORITY_OFFICER' || user.role === 'ADMIN') && (
            <Link href={paths.contracting} aria-current={current === 'contracting' ? 'page' : undefined} data-testid="nav-contracting">
              {t('officer.nav.contracting')}
            </Link>
          )}
          {isModerator(user) && (
            <Link href={paths.import} aria-current={current === 'import' ? 'page' : undefined} data-testid="nav-import">
              {t('officer.nav.import')}
            </Link>
          )}
          <span className="account-name" title={user.email ?? undefined}>
            {user.displayName}
          </span>
          <button type="button" className="link-button" onClick={signOut} disabled={busy}>
            {t('account.signOut')}
          </button>
        </>
      ) : (
        <>
          <Link href={paths.signIn()} aria-current={current === 'signIn' ? 'page' : undefined}>
            {t('account.signIn')}
          </Link>
          <Link href={paths.register()} aria-current={current === 'register' ? 'page' : undefined}>
            {t('account.register')}
          </Link>
        </>
      )}
    </nav>
  );
}
