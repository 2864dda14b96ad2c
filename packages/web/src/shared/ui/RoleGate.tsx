// The gate of the role-gated pages (officers', importers'): who may see a page is checked here, and
// the API checks it again on every request. The page reads the viewer with useGateViewer().
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useGqlQuery } from '../api/query';
import { apiLang, type Lang } from '../i18n/lang';
import { paths } from '../router/paths';
import { OfficerViewerQuery, type Viewer } from '../viewer';
import { Link } from './Link';
import { LoadError } from './LoadError';
import './officer-layout.css';

const ViewerContext = createContext<Viewer | null>(null);

/** The viewer the gate let through (only inside a RoleGate). */
export function useGateViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useGateViewer outside a RoleGate');
  return viewer;
}

export interface RoleGateProps {
  roles: readonly string[];
  /** The page's heading key, shown above a denial. */
  headingKey: string;
  /** What a denial says. */
  deniedKey: string;
  lang: Lang;
  children: ReactNode;
}

export function RoleGate({ roles, headingKey, deniedKey, lang, children }: RoleGateProps) {
  const { t } = useTranslation();
  // not cached: signing in or out in another page must show here at once
  // while the viewer is asked again in another language, keep the page (and its state) mounted
  const me = useGqlQuery(OfficerViewerQuery, { lang: apiLang(lang) }, { fresh: true, keepPrevious: true });
  const data = me.data;
  if (!data && me.isFetching) {
    return (
      <main id="main" className="officer-page">
        <p aria-live="polite">{t('nav.loading')}</p>
      </main>
    );
  }
  if (me.error && !data) {
    return (
      <main id="main" className="officer-page">
        <LoadError error={me.error} onRetry={me.refetch} />
      </main>
    );
  }
  const user = data?.me ?? null;
  if (!user || !roles.includes(user.role)) {
    const here = location.pathname + location.search;
    return (
      <main id="main" className="officer-page">
        <h1>{t(headingKey)}</h1>
        <p role="alert" data-testid="officer-denied">
          {t(deniedKey)}
        </p>
        {!user && (
          <p>
            <Link href={paths.signIn(here)}>{t('officer.signIn')}</Link>
          </p>
        )}
      </main>
    );
  }
  return <ViewerContext.Provider value={user}>{children}</ViewerContext.Provider>;
}
