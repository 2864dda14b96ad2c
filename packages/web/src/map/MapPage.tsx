import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexSummary } from './cluster';
import { activeCriteria, filterKey, parseQuery, toApiFilter, toQuery, type BBox, type Filter, type MapView as View } from './filter';
import type { Lang } from '../shared/i18n/lang';
import { navigate, rememberMapSearch } from '../shared/router/router';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { useConfig } from '../shared/api/config';
import { ExportLinks } from '../shared/ui/ExportLinks';
import { FilterPanel } from './FilterPanel';
import { MapView } from './MapView';
import { ResultList } from './ResultList';
import { FilterSheet, PhoneBar, useSkipToList, type Pane } from './PhoneLayout';
import { PHONE_QUERY, useMediaQuery } from '../shared/ui/media';

function mapUrl(filter: Filter, view: View | null): string {
  const q = toQuery({ filter, view });
  return q ? `/?${q}` : '/';
}

export function MapPage({ search, lang }: { search: string; lang: Lang }) {
  const { t } = useTranslation();
  const state = useMemo(() => parseQuery(search), [search]);
  const key = filterKey(state.filter);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the filter's identity
  const filter = useMemo(() => state.filter, [key]);
  const apiFilter = useMemo(() => toApiFilter(filter), [filter]);
  const [summary, setSummary] = useState<IndexSummary | null>(null);
  const config = useConfig();
  const [listHasDemo, setListHasDemo] = useState(false);
  const [highlight, setHighlight] = useState<{ lat: number; lng: number }[]>([]);

  useEffect(() => rememberMapSearch(search), [search]);

  // a phone shows one pane at a time and the filters in a sheet (PhoneLayout.tsx)
  const phone = useMediaQuery(PHONE_QUERY);
  const [pane, setPane] = useState<Pane>('map');
  const [sheet, setSheet] = useState(false);
  useSkipToList(phone, setPane);

  // Read the URL at call time, not from a closure: the map reports its view asynchronously.
  const setFilter = useCallback((next: Filter) => {
    navigate(mapUrl(next, parseQuery(location.search).view));
  }, []);
  const setView = useCallback((view: View) => {
    if (location.pathname !== '/') return;
    navigate(mapUrl(parseQuery(location.search).filter, view), { replace: true });
  }, []);
  const searchArea = useCallback((bbox: BBox) => {
    const cur = parseQuery(location.search);
    navigate(mapUrl({ ...cur.filter, bbox }, cur.view));
  }, []);
  const onlyMunicipality = useCallback((code: string) => {
    const cur = parseQuery(location.search);
    navigate(mapUrl({ ...cur.filter, municipalities: [code] }, cur.view));
  }, []);

  return (
    <main id="main" className="map-page" data-pane={phone ? pane : undefined}>
      {/* the page's heading, for screen readers and the focus after a route change */}
      <h1 className="visually-hidden">{t('app.tagline')}</h1>
      <DemoBanner show={Boolean(config?.demoData) || Boolean(summary?.hasDemo) || listHasDemo} />
      {phone && <PhoneBar pane={pane} onPane={setPane} active={activeCriteria(filter)} onFilters={() => setSheet(true)} />}
      <div className="map-layout">
        <div className="sidebar">
          {phone ? (
            <FilterSheet open={sheet} onClose={() => setSheet(false)}>
              <FilterPanel filter={filter} onChange={setFilter} />
            </FilterSheet>
          ) : (
            <FilterPanel filter={filter} onChange={setFilter} />
          )}
          <ResultList filter={apiFilter} filterKey={key} lang={lang} onDemo={setListHasDemo} onHighlight={setHighlight} />
          <ExportLinks filter={apiFilter} />
        </div>
        <section className="map-section" aria-label={t('map.label')}>
          <MapView
            filter={apiFilter}
            filterKey={key}
            bbox={filter.bbox}
            selectedMunicipalities={filter.municipalities}
            view={state.view}
            lang={lang}
            onViewChange={setView}
            onSearchArea={searchArea}
            onSummary={setSummary}
            onMunicipality={onlyMunicipality}
            highlight={highlight}
          />
        </section>
      </div>
    </main>
  );
}
