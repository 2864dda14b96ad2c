import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndexSummary } from './cluster';
import { activeCriteria, filterKey, parseQuery, toApiFilter, toQuery, type BBox, type Filter, type MapView as View } from './filter';
import type { Lang } from '../shared/i18n/lang';
import { mapHref, navigate, rememberMapSearch } from '../shared/router/router';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { useConfig } from '../shared/api/config';
import { ExportLinks } from '../shared/ui/ExportLinks';
import { FilterPanel } from './FilterPanel';
import { MapView } from './MapView';
import { viewWriter } from './view-url';
import { ResultList } from './ResultList';
import { FilterSheet, PhoneBar, useSkipToList, type Pane } from './PhoneLayout';
import { PHONE_QUERY, useMediaQuery } from '../shared/ui/media';

// The sidebar renders again only when its own props change, not for each new view of the map in
// the URL (the filter and the callbacks keep their identity): the categories' checklist and the
// list's 25 entries took ~30 ms a time, and style ~20 ms more.
const Filters = memo(FilterPanel);
const Results = memo(ResultList);
const Exports = memo(ExportLinks);

function mapUrl(filter: Filter, view: View | null): string {
  const q = toQuery({ filter, view });
  return q ? `/?${q}` : '/';
}

/**
 * The map's view in the URL (replacing the entry), once the map has rested (view-url.ts). `current`
 * is the latest view, for a navigation that carries it. Leaving the page remembers a view not
 * written yet, for the way back.
 */
function useViewInUrl(): { current: () => View | null; setView: (view: View) => void } {
  const [writer] = useState(() =>
    viewWriter((view) => {
      if (location.pathname === '/') navigate(mapUrl(parseQuery(location.search).filter, view), { replace: true });
    }),
  );
  const current = useCallback(() => writer.take() ?? parseQuery(location.search).view, [writer]);
  const setView = useCallback(
    (view: View) => {
      if (location.pathname === '/') writer.moved(view);
    },
    [writer],
  );
  useEffect(
    () => () => {
      const unwritten = writer.stop();
      if (unwritten && location.pathname !== '/') rememberMapSearch(mapUrl(parseQuery(mapHref().slice(1)).filter, unwritten).slice(1));
    },
    [writer],
  );
  return { current, setView };
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
  // The view reaches the URL once the map rests (useViewInUrl); a filter set before then carries it.
  const { current: viewOf, setView } = useViewInUrl();
  const setFilter = useCallback((next: Filter) => navigate(mapUrl(next, viewOf())), [viewOf]);
  const searchArea = useCallback((bbox: BBox) => navigate(mapUrl({ ...parseQuery(location.search).filter, bbox }, viewOf())), [viewOf]);
  const onlyMunicipality = useCallback(
    (code: string) => navigate(mapUrl({ ...parseQuery(location.search).filter, municipalities: [code] }, viewOf())),
    [viewOf],
  );

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
              <Filters filter={filter} onChange={setFilter} />
            </FilterSheet>
          ) : (
            <Filters filter={filter} onChange={setFilter} />
          )}
          <Results filter={apiFilter} filterKey={key} lang={lang} onDemo={setListHasDemo} onHighlight={setHighlight} />
          <Exports filter={apiFilter} />
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
