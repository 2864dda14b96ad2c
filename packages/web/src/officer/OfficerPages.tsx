// The officers' and importers' pages (issue 5), loaded on demand: who may see them is checked here
// (the API checks it again on every request).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { OfficerViewerQuery } from './operations';
import type { OfficerRoute } from '../shared/router/officer-routes';
import { ContractingPage } from './ContractingPage';
import { ImportPage } from '../imports/ImportPage';
import { Link } from '../shared/ui/Link';
import { RecordContractPage } from './RecordContractPage';
import './officer.css';

export interface OfficerViewer {
  id: string;
  displayName: string;
  role: string;
  authority?: { code: string; name: string } | null;
}

const ALLOWED: Record<OfficerRoute['page'], string[]> = {
  contracting: ['AUTHORITY_OFFICER', 'ADMIN'],
  recordContract: ['AUTHORITY_OFFICER', 'ADMIN'],
  import: ['MODERATOR', 'ADMIN'],
};

export function OfficerPages({ route, search, lang }: { route: OfficerRoute; search: string; lang: Lang }) {
  const { t } = useTranslation();
  // not cached: signing in or out in another page must show here at once
  const me = useQuery(OfficerViewerQuery, { lang: apiLang(lang) }, { cache: false });
  const title = t(`officer.title.${route.page}`);
  // while the viewer is asked again in another language, keep the page (and its state) mounted
  const last = useRef<typeof me.data>(undefined);
  if (me.data) last.current = me.data;
  const data = me.data ?? (me.loading ? last.current : undefined);
  if (!data && me.loading) {
    return (
      <main id="main" className="officer-page">
        <p aria-live="polite">{t('nav.loading')}</p>
      </main>
    );
  }
  if (me.error && !data) {
    return (
      <main id="main" className="officer-page">
        <p className="error" role="alert">
          {t('app.loadError', { message: me.error.message })}{' '}
          <button type="button" onClick={me.retry}>
            {t('app.retry')}
          </button>
        </p>
      </main>
    );
  }
  const user = data?.me ?? null;
  if (!user || !ALLOWED[route.page].includes(user.role)) {
    const here = location.pathname + location.search;
    return (
      <main id="main" className="officer-page">
        <h1>{title}</h1>
        <p role="alert" data-testid="officer-denied">
          {t(route.page === 'import' ? 'officer.needModerator' : 'officer.needOfficer')}
        </p>
        {!user && (
          <p>
            <Link href={`/signin?next=${encodeURIComponent(here)}`}>{t('officer.signIn')}</Link>
          </p>
        )}
      </main>
    );
  }
  if (route.page === 'import') return <ImportPage />;
  if (route.page === 'recordContract') return <RecordContractPage viewer={user} search={search} lang={lang} />;
  return <ContractingPage viewer={user} search={search} lang={lang} />;
}
