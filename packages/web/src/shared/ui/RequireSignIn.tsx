import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { paths } from '../router/paths';
import { isModerator, useSession } from '../session';
import { Link } from './Link';

/** Shows its page to a signed-in user (a moderator, with `moderator`), else says to sign in first. */
export function RequireSignIn({ children, moderator }: { children: ReactNode; moderator?: boolean }) {
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
