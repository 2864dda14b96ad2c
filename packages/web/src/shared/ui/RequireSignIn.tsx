import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../router/paths';
import { isModerator, useSession } from '../session';
import { Link } from './Link';

/**
 * Shows its page to a signed-in user (a moderator, with `moderator`), else says to sign in first,
 * under the page's heading (`headingKey`) so that the denial is a page of its own.
 */
export function RequireSignIn({ children, moderator, headingKey }: { children: ReactNode; moderator?: boolean; headingKey?: string | null }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <p aria-live="polite">{t('nav.loading')}</p>;
  if (!session.user) {
    const here = location.pathname + location.search;
    return (
      <>
        {headingKey && <h1>{t(headingKey)}</h1>}
        <p role="alert">
          {t('account.signInFirst')} <Link href={paths.signIn(here)}>{t('account.signIn')}</Link>
        </p>
      </>
    );
  }
  if (moderator && !isModerator(session.user)) {
    return (
      <>
        {headingKey && <h1>{t(headingKey)}</h1>}
        <p role="alert">{t('moderation.notAllowed')}</p>
      </>
    );
  }
  return <>{children}</>;
}
