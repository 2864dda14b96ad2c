import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG, isLang, type Lang } from '../shared/i18n/lang';
import { RefDataProvider } from '../shared/refdata';
import { useLocation } from '../shared/router/router';
import { Link } from '../shared/ui/Link';
import { RequireSignIn } from '../shared/ui/RequireSignIn';
import { Header } from './Header';
import { useRouteFocus } from './route-focus';
import { documentTitle, matchRoute, type Access, type Match, type PageProps } from './routes';

// the role gate (and its stylesheet) loads with the pages it guards, outside the initial JavaScript
const RoleGate = lazy(() => import('../shared/ui/RoleGate').then((m) => ({ default: m.RoleGate })));

export function App() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
  const { pathname, search } = useLocation();
  const match = matchRoute(pathname);
  const titleKey = match?.route.titleKey;

  useEffect(() => {
    if (titleKey === 'page') return;
    document.title = match ? documentTitle(t, titleKey ?? null) : `${t('app.pageNotFoundTitle')} · ${t('app.title')}`;
  });
  useRouteFocus(pathname);

  return (
    <RefDataProvider lang={lang}>
      <Header current={match?.route.name ?? null} path={pathname} lang={lang} />
      {match ? <RoutePage match={match} search={search} lang={lang} /> : <NotFound />}
    </RefDataProvider>
  );
}

function RoutePage({ match, search, lang }: { match: Match; search: string; lang: Lang }) {
  const { t } = useTranslation();
  const { route, params } = match;
  const Page = route.page;
  const props: PageProps = { params, search, lang };
  const page = (
    <Gate access={route.access} lang={lang} headingKey={route.titleKey}>
      <Page {...props} />
    </Gate>
  );
  const loading = <p aria-live="polite">{t('nav.loading')}</p>;
  if (route.frame === 'signedIn') {
    return (
      <main id="main" className="page-narrow account-page" tabIndex={-1}>
        <Suspense fallback={loading}>{page}</Suspense>
      </main>
    );
  }
  return (
    <Suspense
      fallback={
        <main id="main" className="page-narrow">
          {loading}
        </main>
      }
    >
      {page}
    </Suspense>
  );
}

function Gate({ access, lang, headingKey, children }: { access?: Access; lang: Lang; headingKey: string | null; children: ReactNode }) {
  if (!access) return <>{children}</>;
  const heading = headingKey === 'page' ? null : headingKey;
  if (access.kind === 'signedIn') return <RequireSignIn headingKey={heading}>{children}</RequireSignIn>;
  if (access.kind === 'moderator') return <RequireSignIn headingKey={heading} moderator>{children}</RequireSignIn>;
  return (
    <RoleGate roles={access.roles} headingKey={access.headingKey} deniedKey={access.deniedKey} lang={lang}>
      {children}
    </RoleGate>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <main id="main" className="page-narrow">
      <h1>{t('app.pageNotFoundTitle')}</h1>
      <p role="alert">{t('app.pageNotFound')}</p>
      <p>
        <Link href="/">{t('profile.back')}</Link>
      </p>
    </main>
  );
}
