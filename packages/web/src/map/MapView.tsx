import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { itemKey, padBox, type ClusterItem, type IndexSummary, type LngLatBox } from './cluster';
import type { WorkerRequest, WorkerResponse } from './cluster-protocol';
import { boundsToBBox, type ApiOrganizationFilter, type BBox, type MapView as View } from './filter';
import { GRAPHQL_URL, request } from '../shared/api/graphql';
import { loadConfig, type RuntimeConfig } from '../shared/api/config';
import { formatNumber } from '../shared/format/format';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { MunicipalityBoundariesQuery } from '../shared/map/boundaries';
import { MapPointsQuery, OrganizationPopupQuery } from './operations';
import { useRefData, type RefData } from '../shared/refdata';
import { isPlainClick, navigate, orgPath } from '../shared/router/router';

/** Kosovo's bounding box (south-west, north-east). */
export const KOSOVO_BOUNDS: L.LatLngBoundsExpression = [
  [41.85, 20.01],
  [43.27, 21.79],
];

interface Props {
  filter: ApiOrganizationFilter;
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

/** Everything the imperative map code needs, kept in one mutable object outside React's render path. */
interface Engine {
  map: L.Map;
  worker: Worker;
  markers: L.LayerGroup;
  live: Map<string, L.Marker>;
  seq: number;
  latestClusterSeq: number;
  loadSeq: number;
  shownLoadSeq: number;
  expandWaiters: Map<number, (r: Extract<WorkerResponse, { type: 'expand' }>) => void>;
  municipalities: L.LayerGroup;
  areaRect: L.Rectangle | null;
  tiles: L.TileLayer | null;
  highlight: L.LayerGroup;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

function profileLink(id: string, label: string): HTMLAnchorElement {
  const a = el('a', 'popup-profile', label);
  a.href = orgPath(id);
  a.addEventListener('click', (e) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    navigate(a.getAttribute('href')!);
  });
  return a;
}

function clusterSize(count: number): 's' | 'm' | 'l' {
  return count < 10 ? 's' : count < 100 ? 'm' : 'l';
}

export function MapView(props: Props) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  const container = useRef<HTMLDivElement>(null);
  const engine = useRef<Engine | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const refRef = useRef<RefData | null>(ref);
  refRef.current = ref;
  const [summary, setSummary] = useState<IndexSummary | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [config, setConfig] = useState<RuntimeConfig | null>(null);
  const [boundaries, setBoundaries] = useState<Map<string, unknown> | null>(null);

  // --- create the map and the worker once ---------------------------------------------------
  useEffect(() => {
    const map = L.map(container.current!, {
      zoomSnap: 1,
      minZoom: 6,
      maxZoom: 18,
      preferCanvas: false,
      worldCopyJump: false,
      keyboard: true,
      zoomControl: false,
    });
    map.attributionControl.setPrefix(false);
    // Leaflet's own controls speak English: label them in the UI language
    let zoom = L.control.zoom({ zoomInTitle: i18next.t('map.zoomIn'), zoomOutTitle: i18next.t('map.zoomOut') }).addTo(map);
    const relabel = () => {
      zoom.remove();
      zoom = L.control.zoom({ zoomInTitle: i18next.t('map.zoomIn'), zoomOutTitle: i18next.t('map.zoomOut') }).addTo(map);
    };
    i18next.on('languageChanged', relabel);
    map.on('popupopen', (ev: L.PopupEvent) => {
      ev.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', i18next.t('map.closePopup'));
    });
    const worker = new Worker(new URL('./cluster.worker.ts', import.meta.url), { type: 'module' });
    const e: Engine = {
      map,
      worker,
      markers: L.layerGroup().addTo(map),
      live: new Map(),
      seq: 0,
      latestClusterSeq: 0,
      loadSeq: 0,
      shownLoadSeq: -1,
      expandWaiters: new Map(),
      municipalities: L.layerGroup().addTo(map),
      areaRect: null,
      tiles: null,
      highlight: L.layerGroup(),
    };
    map.createPane('highlight').style.zIndex = '650';
    e.highlight.addTo(map);
    engine.current = e;
    map.createPane('municipalities').style.zIndex = '350';

    const v = propsRef.current.view;
    if (v) map.setView([v.lat, v.lng], v.zoom, { animate: false });
    else map.fitBounds(KOSOVO_BOUNDS, { animate: false });

    worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const msg = ev.data;
      if (msg.type === 'loaded') {
        if (msg.seq !== e.loadSeq) return;
        setSummary(msg.summary);
        setLoading(false);
        setError(null);
        propsRef.current.onSummary(msg.summary);
        requestClusters(e);
      } else if (msg.type === 'clusters') {
        if (msg.seq !== e.latestClusterSeq) return; // a newer view is on its way
        renderItems(e, msg.items, msg.loadSeq);
      } else if (msg.type === 'expand') {
        e.expandWaiters.get(msg.seq)?.(msg);
        e.expandWaiters.delete(msg.seq);
      } else if (msg.type === 'error') {
        if (msg.seq !== e.loadSeq) return;
        setLoading(false);
        setError(msg.message);
      }
    };

    const onMoveEnd = () => {
      requestClusters(e);
      const c = map.getCenter();
      propsRef.current.onViewChange({ lat: c.lat, lng: c.lng, zoom: map.getZoom() });
    };
    map.on('moveend', onMoveEnd);

    return () => {
      map.off('moveend', onMoveEnd);
      i18next.off('languageChanged', relabel);
      worker.terminate();
      map.remove();
      engine.current = null;
    };
  }, []);

  function post(e: Engine, msg: WorkerRequest) {
    e.worker.postMessage(msg);
  }

  function requestClusters(e: Engine) {
    const b = e.map.getBounds();
    const box: LngLatBox = padBox([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], 0.5);
    const seq = ++e.seq;
    e.latestClusterSeq = seq;
    post(e, { type: 'clusters', seq, box, zoom: e.map.getZoom() });
  }

  function renderItems(e: Engine, items: ClusterItem[], loadSeq: number) {
    if (loadSeq !== e.shownLoadSeq) {
      // new data (filter or language): start from a clean layer
      e.markers.clearLayers();
      e.live.clear();
      e.shownLoadSeq = loadSeq;
    }
    const wanted = new Map(items.map((i) => [itemKey(i), i]));
    for (const [key, marker] of e.live) {
      if (!wanted.has(key)) {
        e.markers.removeLayer(marker);
        e.live.delete(key);
      }
    }
    for (const [key, item] of wanted) {
      if (e.live.has(key)) continue;
      const marker = item.kind === 'cluster' ? clusterMarker(e, item) : pointMarker(item);
      e.live.set(key, marker);
      e.markers.addLayer(marker);
    }
  }

  function clusterMarker(e: Engine, item: Extract<ClusterItem, { kind: 'cluster' }>): L.Marker {
    const size = clusterSize(item.count);
    const label = i18next.t('map.cluster', { count: item.count });
    const marker = L.marker([item.lat, item.lng], {
      icon: L.divIcon({
        className: `cm-cluster cm-cluster-${size}`,
        html: `<span>${item.count}</span>`,
        iconSize: size === 's' ? [30, 30] : size === 'm' ? [38, 38] : [46, 46],
      }),
      title: label,
      alt: label,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('add', () => {
      const node = marker.getElement();
      node?.setAttribute('data-count', String(item.count));
      node?.setAttribute('aria-label', label);
    });
    marker.on('click', () => {
      const seq = ++e.seq;
      e.expandWaiters.set(seq, (r) => {
        if (r.expansionZoom <= e.map.getMaxZoom() && r.expansionZoom > e.map.getZoom() && !sameSpot(r.leaves)) {
          e.map.setView([item.lat, item.lng], r.expansionZoom);
        } else {
          marker.bindPopup(leavesPopup(r.leaves, r.total), { maxWidth: 320 }).openPopup();
        }
      });
      post(e, { type: 'expand', seq, clusterId: item.id });
    });
    return marker;
  }

  function pointMarker(item: Extract<ClusterItem, { kind: 'point' }>): L.Marker {
    const marker = L.marker([item.lat, item.lng], {
      icon: L.divIcon({
        className: `cm-point${item.verified ? ' cm-verified' : ''}`,
        html: '<span></span>',
        iconSize: [18, 18],
      }),
      title: item.name,
      alt: item.name,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('add', () => {
      const node = marker.getElement();
      node?.setAttribute('data-org-id', item.organizationId);
      node?.setAttribute('data-location-id', item.locationId);
      node?.setAttribute('aria-label', item.name);
    });
    marker.bindPopup(() => pointPopup(item), { maxWidth: 320, minWidth: 200 });
    return marker;
  }

  function pointPopup(item: Extract<ClusterItem, { kind: 'point' }>): HTMLElement {
    const lang = propsRef.current.lang;
    const root = el('div', 'popup');
    root.setAttribute('data-org-id', item.organizationId);
    root.append(el('h3', 'popup-title', item.name));
    if (item.verified) root.append(el('span', 'badge badge-verified', i18next.t('map.verified')));
    const cats = refRef.current?.categoryIndex;
    if (cats && item.categoryCodes.length) {
      const p = el('p', 'popup-categories', item.categoryCodes.map((c) => cats.get(c)?.name ?? c).join(' · '));
      root.append(p);
    }
    root.append(el('h4', undefined, i18next.t('map.services')));
    const list = el('ul', 'popup-services');
    const status = el('p', 'popup-status', i18next.t('map.loadingServices'));
    root.append(status, list);
    request(OrganizationPopupQuery, { id: item.organizationId, lang: apiLang(lang) }).then(
      (d) => {
        const services = d.organization?.services ?? [];
        status.remove();
        if (!services.length) list.replaceWith(el('p', undefined, i18next.t('map.noServices')));
        for (const s of services) list.append(el('li', undefined, s.name));
      },
      () => status.remove(),
    );
    root.append(profileLink(item.organizationId, i18next.t('map.viewProfile')));
    return root;
  }

  function leavesPopup(leaves: Extract<ClusterItem, { kind: 'point' }>[], total: number): HTMLElement {
    const root = el('div', 'popup');
    root.append(el('h3', 'popup-title', i18next.t('map.sameSpot', { count: total })));
    const ul = el('ul', 'popup-leaves');
    for (const l of leaves) {
      const li = el('li');
      li.append(profileLink(l.organizationId, l.name));
      ul.append(li);
    }
    root.append(ul);
    if (total > leaves.length) root.append(el('p', undefined, i18next.t('map.andMore', { count: total - leaves.length })));
    return root;
  }

  // --- load the sites whenever the filter or the language changes ---------------------------
  useEffect(() => {
    const e = engine.current;
    if (!e) return;
    const seq = ++e.seq;
    e.loadSeq = seq;
    setLoading(true);
    post(e, {
      type: 'load',
      seq,
      url: new URL(GRAPHQL_URL, location.href).href,
      query: MapPointsQuery.toString(),
      variables: { filter: props.filter, lang: apiLang(props.lang) },
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filterKey is the filter's identity
  }, [props.filterKey, props.lang]);

  // --- follow the URL's view (back/forward, shared links) -------------------------------------
  useEffect(() => {
    const e = engine.current;
    const v = props.view;
    if (!e || !v) return;
    const c = e.map.getCenter();
    const z = e.map.getZoom();
    if (z !== v.zoom || Math.abs(c.lat - v.lat) > 1e-4 || Math.abs(c.lng - v.lng) > 1e-4) {
      e.map.setView([v.lat, v.lng], v.zoom, { animate: false });
    }
  }, [props.view?.lat, props.view?.lng, props.view?.zoom]); // eslint-disable-line react-hooks/exhaustive-deps

  // --- tiles from the runtime configuration ----------------------------------------------------
  useEffect(() => {
    let live = true;
    void loadConfig().then((c) => {
      if (!live) return;
      setConfig(c);
      const e = engine.current;
      if (!e || !c.tileUrl) return;
      e.tiles = L.tileLayer(c.tileUrl, { attribution: c.tileAttribution, maxZoom: 19 }).addTo(e.map);
    });
    return () => {
      live = false;
    };
  }, []);

  // --- municipality boundaries (optional data) ---------------------------------------------------
  useEffect(() => {
    let live = true;
    request(MunicipalityBoundariesQuery, {}).then(
      (d) => {
        if (!live) return;
        setBoundaries(new Map(d.municipalities.filter((m) => m.boundary != null).map((m) => [m.code, m.boundary])));
      },
      () => live && setBoundaries(new Map()),
    );
    return () => {
      live = false;
    };
  }, []);

  // --- the municipality layer: polygons where imported, circles at the seats otherwise -------
  useEffect(() => {
    const e = engine.current;
    if (!e || !ref || !boundaries) return;
    e.municipalities.clearLayers();
    // imported polygons come from geoBoundaries (OpenStreetMap data): credit them on the map
    const credit = i18next.t('map.boundariesAttribution');
    for (const l of LANGS) e.map.attributionControl.removeAttribution(escapeHtml(i18next.t('map.boundariesAttribution', { lng: l })));
    if (boundaries.size > 0) e.map.attributionControl.addAttribution(escapeHtml(credit));
    const selected = new Set(props.selectedMunicipalities);
    for (const m of ref.municipalities) {
      const isSelected = selected.has(m.code);
      const style: L.PathOptions = {
        pane: 'municipalities',
        color: isSelected ? '#0b3d91' : '#5b6b82',
        weight: isSelected ? 2.5 : 1,
        fillColor: isSelected ? '#6f9fe6' : '#9fb3cf',
        fillOpacity: isSelected ? 0.4 : 0.3,
      };
      const geometry = boundaries.get(m.code);
      const layer: L.Path | L.GeoJSON = geometry
        ? L.geoJSON({ type: 'Feature', properties: {}, geometry } as GeoJSON.Feature, { style: () => style, pane: 'municipalities' })
        : L.circleMarker([m.seat.lat, m.seat.lng], { ...style, radius: 6 + Math.sqrt(m.population) / 45 });
      layer.bindTooltip(el('span', undefined, m.name), { sticky: true }); // an element: Leaflet parses strings as HTML
      const popup = el('div', 'popup');
      popup.append(el('h3', 'popup-title', m.name), el('p', undefined, i18next.t('map.population', { count: m.population, formatted: formatNumber(m.population) })));
      const btn = el('button', 'popup-filter', i18next.t('map.filterMunicipality'));
      btn.type = 'button';
      btn.addEventListener('click', () => {
        e.map.closePopup();
        propsRef.current.onMunicipality(m.code);
      });
      popup.append(btn);
      layer.bindPopup(popup);
      e.municipalities.addLayer(layer);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref, boundaries, props.selectedMunicipalities.join(','), props.lang]);

  // --- the "search this area" rectangle --------------------------------------------------------
  useEffect(() => {
    const e = engine.current;
    if (!e) return;
    e.areaRect?.remove();
    e.areaRect = null;
    const b = props.bbox;
    if (b) {
      e.areaRect = L.rectangle(
        [
          [b.minLat, b.minLng],
          [b.maxLat, b.maxLng],
        ],
        { color: '#0b3d91', weight: 2, dashArray: '6 4', fill: false, interactive: false },
      ).addTo(e.map);
    }
  }, [props.bbox?.minLat, props.bbox?.minLng, props.bbox?.maxLat, props.bbox?.maxLng]); // eslint-disable-line react-hooks/exhaustive-deps

  // --- the list's hovered or focused organization: rings around its sites ------------------------
  const highlightKey = props.highlight.map((p) => `${p.lat},${p.lng}`).join('|');
  useEffect(() => {
    const e = engine.current;
    if (!e) return;
    e.highlight.clearLayers();
    for (const p of props.highlight) {
      L.circleMarker([p.lat, p.lng], { pane: 'highlight', radius: 16, color: '#1b1f24', weight: 7, fill: false, interactive: false }).addTo(e.highlight);
      L.circleMarker([p.lat, p.lng], { pane: 'highlight', radius: 16, color: '#ffbf47', weight: 4, fill: false, interactive: false, className: 'cm-highlight' }).addTo(
        e.highlight,
      );
    }
  }, [highlightKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const searchArea = () => {
    const e = engine.current;
    if (!e) return;
    const b = e.map.getBounds();
    props.onSearchArea(boundsToBBox({ south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() }));
  };

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
      <div
        ref={container}
        className={`map${config && !config.tileUrl ? ' map-no-tiles' : ''}`}
        data-testid="map"
        data-loading={loading ? 'true' : 'false'}
      />
      {config && !config.tileUrl && <p className="visually-hidden">{t('map.tilesOff')}</p>}
    </div>
  );
}

const LANGS = ['sq', 'sr', 'en'] as const;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sameSpot(leaves: { lat: number; lng: number }[]): boolean {
  return leaves.every((l) => Math.abs(l.lat - leaves[0]!.lat) < 1e-6 && Math.abs(l.lng - leaves[0]!.lng) < 1e-6);
}
