// The map page's Leaflet map: one hook per job (the map itself and its view, the clustered sites,
// the municipalities, the area box, the list's highlight). Leaflet is driven directly, outside
// React's render path.
import L from 'leaflet';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationFilter } from '../gql/graphql';
import { useConfig } from '../shared/api/config';
import { formatNumber } from '../shared/format/format';
import type { Lang } from '../shared/i18n/lang';
import { KOSOVO_BOUNDS, createMap, labelPopupClose } from '../shared/map/leaflet';
import { useRefData } from '../shared/refdata';
import type { IndexSummary } from './cluster';
import { ClusterLayer } from './cluster-layer';
import { boundsToBBox, type BBox, type MapView as View } from './filter';
import { useAreaRect, useHighlight, useMunicipalityLayer } from './map-layers';

interface Props {
  filter: OrganizationFilter;
  filterKey: string;
  bbox: BBox | null;
  selectedMunicipalities: string[];
  view: View | null;
  lang: Lang;
  onViewChange: (view: View) => void;
  onSearchArea: (bbox: BBox) => void;
  onSummary: (summary: IndexSummary | null) => void;
  onMunicipality: (code: string) => void;
  /** Sites of the organization the user points at in the list. */
  highlight: { lat: number; lng: number }[];
}

/** The latest value, for handlers that Leaflet keeps across renders. */
function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  ref.current = value;
  return ref;
}

function sameView(a: View, b: View): boolean {
  return a.zoom === b.zoom && Math.abs(a.lat - b.lat) <= 1e-4 && Math.abs(a.lng - b.lng) <= 1e-4;
}

/** Creates the map once (at the URL's view, or Kosovo), follows the URL's view, reports moves. */
function useBaseMap(container: RefObject<HTMLDivElement | null>, view: View | null, onViewChange: RefObject<(v: View) => void>) {
  const map = useRef<L.Map | null>(null);
  const initial = useRef(view);
  /** The last view the map reported: the URL coming back with it is no reason to move. */
  const reported = useRef<View | null>(null);
  useEffect(() => {
    // the municipality layer (map-layers.ts) draws the polygons here: the base layer adds the outline and the names only
    const { map: m, dispose } = createMap(
      container.current!,
      { zoomSnap: 1, minZoom: 6, maxZoom: 18, preferCanvas: false, worldCopyJump: false, keyboard: true },
      undefined,
      { municipalities: false },
    );
    labelPopupClose(m);
    m.createPane('municipalities').style.zIndex = '350';
    m.createPane('highlight').style.zIndex = '650';
    const v = initial.current;
    if (v) m.setView([v.lat, v.lng], v.zoom, { animate: false });
    else m.fitBounds(KOSOVO_BOUNDS, { animate: false });
    const onMoveEnd = () => {
      const c = m.getCenter();
      reported.current = { lat: c.lat, lng: c.lng, zoom: m.getZoom() };
      onViewChange.current(reported.current);
    };
    m.on('moveend', onMoveEnd);
    map.current = m;
    return () => {
      m.off('moveend', onMoveEnd);
      dispose();
      map.current = null;
    };
  }, [container, onViewChange]);
  // back/forward and shared links move the map to the URL's view; the map's own view, written to
  // the URL later (MapPage), does not: by then the user may be dragging on, and it would pull back
  useEffect(() => {
    const m = map.current;
    if (!m || !view || (reported.current && sameView(reported.current, view))) return;
    const c = m.getCenter();
    if (m.getZoom() !== view.zoom || Math.abs(c.lat - view.lat) > 1e-4 || Math.abs(c.lng - view.lng) > 1e-4) m.setView([view.lat, view.lng], view.zoom, { animate: false });
  }, [view?.lat, view?.lng, view?.zoom]); // eslint-disable-line react-hooks/exhaustive-deps
  return map;
}

/** The clustered sites of the filter, loaded again when the filter or the language changes. */
function useSites(map: RefObject<L.Map | null>, props: Props) {
  const { data: ref } = useRefData();
  const [state, setState] = useState<{ summary: IndexSummary | null; loading: boolean; error: string | null; drawn: boolean }>({ summary: null, loading: true, error: null, drawn: false });
  const layer = useRef<ClusterLayer | null>(null);
  const latest = useLatest({ onSummary: props.onSummary, lang: props.lang, categories: ref?.categoryIndex });
  useEffect(() => {
    const l = new ClusterLayer(map.current!, {
      onLoaded: (summary) => {
        setState((s) => ({ ...s, summary, loading: false, error: null }));
        latest.current.onSummary(summary);
      },
      onDrawn: () => setState((s) => (s.drawn ? s : { ...s, drawn: true })),
      onError: (error) => setState((s) => ({ ...s, loading: false, error, drawn: true })),
      context: () => ({ lang: latest.current.lang, categories: latest.current.categories }),
    });
    layer.current = l;
    return () => {
      l.dispose();
      layer.current = null;
    };
  }, [map, latest]);
  useEffect(() => {
    setState((s) => ({ ...s, loading: true }));
    layer.current?.load(props.filter, props.lang);
  }, [props.filterKey, props.lang]); // eslint-disable-line react-hooks/exhaustive-deps -- filterKey is the filter's identity
  return state;
}

export function MapView(props: Props) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  const container = useRef<HTMLDivElement>(null);
  const onViewChange = useLatest(props.onViewChange);
  const onMunicipality = useLatest(props.onMunicipality);
  const config = useConfig();
  const map = useBaseMap(container, props.view, onViewChange);
  const { summary, loading, error, drawn } = useSites(map, props);
  // The municipalities' polygons after the first markers: drawing 38 polygons took the main thread
  // for ~0.2–0.4 s just when the clustering worker's answer came in, and the markers waited.
  useMunicipalityLayer(map, drawn ? ref : null, props.selectedMunicipalities, props.lang, onMunicipality);
  useAreaRect(map, props.bbox);
  useHighlight(map, props.highlight);

  const searchArea = () => {
    const b = map.current?.getBounds();
    if (b) props.onSearchArea(boundsToBBox({ south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() }));
  };
  const tilesOff = config != null && !config.tileUrl;
  return (
    <div className="map-wrap">
      <div className="map-toolbar">
        <button type="button" className="search-area" onClick={searchArea}>
          {t('map.searchArea')}
        </button>
        <p className="map-status" aria-live="polite" data-testid="site-count" data-count={summary && !loading ? summary.sites : ''}>
          {error ? t('map.error', { message: error }) : loading || !summary ? t('map.loading') : t('map.sites', { count: summary.sites, formatted: formatNumber(summary.sites) })}
        </p>
      </div>
      <div ref={container} className="map" data-testid="map" data-loading={loading ? 'true' : 'false'} />
      {tilesOff && <p className="visually-hidden">{t('map.tilesOff')}</p>}
    </div>
  );
}
