import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountNav } from '../account/AccountNav';
import { Link } from '../shared/ui/Link';
import { MapPage } from '../map/MapPage';
import { ProfilePage } from '../profile/ProfilePage';
import { changeLanguage } from '../shared/i18n/i18n';
import { DEFAULT_LANG, LANGUAGES, isLang, type Lang } from '../shared/i18n/lang';
import { RefDataProvider } from '../shared/refdata';
import { mapHref, parseRoute, useLocation } from '../shared/router/router';
import { parseOfficerRoute } from '../shared/router/officer-routes';
import { parseAccountRoute } from '../shared/router/account-routes';

// the signed-in pages (accounts, editor, history, moderation) load on demand
const AccountPages = lazy(() => import('../account/AccountPages').then((m) => ({ default: m.AccountPages })));

// the researcher's pages load on demand: they stay out of the initial JavaScript
const CoveragePage = lazy(() => import('../coverage/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const ContractsPage = lazy(() => import('../contracts/ContractsPage').then((m) => ({ default: m.ContractsPage })));
// the officers' and importers' pages (contractable search, shortlists, contracts, imports) too
const OfficerPages = lazy(() => import('../officer/OfficerPages').then((m) => ({ default: m.OfficerPages })));

export function App() {
  const { t, i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
  const { pathname, search } = useLocation();
  const route = parseRoute(pathname);
  const officerRoute = parseOfficerRoute(pathname);
  const accountRoute = parseAccountRoute(pathname);

  useEffect(() => {
    if (route.page !== 'org' && !accountRoute) document.title = `${t('app.title')} · ${t('app.tagline')}`;
  }, [route.page, t]); // eslint-disable-line react-hooks/exhaustive-deps -- accountRoute follows the path

  return (
    <RefDataProvider lang={lang}>
      <a className="skip-link" href={route.page === 'map' ? '#results' : '#main'}>
        {route.page === 'map' ? t('app.skipToResults') : t('app.skipToMain')}
      </a>
      <header className="site-header">
        <Link className="brand" href={route.page === 'map' ? '/' : mapHref()}>
          <span className="brand-name">{t('app.title')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <nav className="main-nav" aria-label={t('nav.label')}>
          <Link href={route.page === 'map' ? '/' : mapHref()} aria-current={route.page === 'map' ? 'page' : undefined}>
            {t('nav.map')}
          </Link>
          <Link href="/coverage" aria-current={route.page === 'coverage' ? 'page' : undefined}>
            {t('nav.coverage')}
          </Link>
          <Link href="/contracts" aria-current={route.page === 'contracts' ? 'page' : undefined}>
            {t('nav.contracts')}
          </Link>
        </nav>
        <AccountNav current={accountRoute?.page ?? officerRoute?.page ?? null} />
        <div className="lang-switch" role="group" aria-label={t('app.language')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l === 'sr' ? 'sr-Latn' : l}
              aria-pressed={l === lang}
              data-lang={l}
              onClick={() => changeLanguage(l)}
            >
              {t(`languageName.${l}`)}
            </button>
          ))}
        </div>
      </header>
      {route.page === 'map' && <MapPage search={search} lang={lang} />}
      {route.page === 'org' && <ProfilePage id={route.id} lang={lang} />}
      {(route.page === 'coverage' || route.page === 'contracts') && (
        <Suspense
          fallback={
            <main id="main" className="page-narrow">
              <p aria-live="polite">{t('nav.loading')}</p>
            </main>
          }
        >
          {route.page === 'coverage' ? <CoveragePage search={search} lang={lang} /> : <ContractsPage search={search} lang={lang} />}
        </Suspense>
      )}
      {accountRoute && (
        <Suspense
          fallback={
            <main id="main" className="page-narrow">
              <p aria-live="polite">{t('nav.loading')}</p>
            </main>
          }
        >
          <AccountPages route={accountRoute} search={search} lang={lang} />
        </Suspense>
      )}
      {officerRoute && (
        <Suspense
          fallback={
            <main id="main" className="page-narrow">
              <p aria-live="polite">{t('nav.loading')}</p>
            </main>
          }
        >
          <OfficerPages route={officerRoute} search={search} lang={lang} />
        </Suspense>
      )}
      {route.page === 'notFound' && !accountRoute && !officerRoute && (
        <main id="main" className="page-narrow">
          <p role="alert">{t('app.pageNotFound')}</p>
          <p>
            <Link href="/">{t('profile.back')}</Link>
          </p>
        </main>
      )}
    </RefDataProvider>
  );
}
