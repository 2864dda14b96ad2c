// The vector base layer every map draws beneath its own layers: the country outline, the 38
// municipalities' borders and their names, from the boundaries the product ships. It is the map
// when tiles are off or fail (offline or firewalled offices), and a light overlay on the tiles
// otherwise. Names follow the UI language; the credit sits in the attribution control.
import i18next from 'i18next';
import L from 'leaflet';
import { isLang, localized, type Lang } from '../i18n/lang';
import { WHOLE_SHAPE, fetchBaseMap, type BaseMapData } from './boundaries';
import { declutterLabels } from './label-declutter';

type Position = number[];
type Ring = Position[];
interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}

/** Twice the signed area and the centroid of a ring (shoelace), in degrees; enough to place a label. */
function ringCentroid(ring: Ring): { area: number; lat: number; lng: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const f = xj * yi - xi * yj;
    a += f;
    x += (xj + xi) * f;
    y += (yj + yi) * f;
  }
  return a === 0 ? { area: 0, lat: ring[0]![1]!, lng: ring[0]![0]! } : { area: Math.abs(a), lng: x / (3 * a), lat: y / (3 * a) };
}

function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Where a municipality's name goes: the centroid of its largest polygon when that lies inside it (and not in a hole), else the seat. */
export function labelPoint(boundary: MultiPolygon | null | undefined, seat: { lat: number; lng: number }): { lat: number; lng: number } {
  if (!boundary?.coordinates?.length) return seat;
  let best: { polygon: Ring[]; c: ReturnType<typeof ringCentroid> } | null = null;
  for (const polygon of boundary.coordinates) {
    const c = ringCentroid(polygon[0]!);
    if (!best || c.area > best.c.area) best = { polygon, c };
  }
  const { polygon, c } = best!;
  const inside = inRing(c.lng, c.lat, polygon[0]!) && !polygon.slice(1).some((hole) => inRing(c.lng, c.lat, hole));
  return inside ? { lat: c.lat, lng: c.lng } : seat;
}

const uiLang = (): Lang => (isLang(i18next.language) ? i18next.language : 'sq');

/**
 * Draws the base layer on a map once the boundaries arrive; returns its cleanup. Without
 * `municipalities` the borders are left to a map that draws the polygons itself (the main map).
 */
export function addBaseLayer(map: L.Map, options: { labels?: boolean; municipalities?: boolean } = {}): () => void {
  map.createPane('base').style.zIndex = '250';
  const labelPane = map.createPane('baseLabels');
  labelPane.style.zIndex = '450';
  labelPane.style.pointerEvents = 'none';
  const group = L.layerGroup();
  const labels = L.layerGroup();
  let live = true;
  let data: BaseMapData | null = null;
  let credit: string | null = null;

  const container = map.getContainer();
  const onZoom = () => (container.dataset.zoomLow = String(map.getZoom() < 8));
  map.on('zoomend', onZoom);

  const drawLabels = () => {
    labels.clearLayers();
    if (!data || options.labels === false) return;
    const lang = uiLang();
    for (const m of data.municipalities) {
      const text = localized(m.names, lang);
      const at = labelPoint(m.boundary as MultiPolygon | null, m.seat);
      const span = document.createElement('span');
      span.textContent = text;
      span.dataset.municipality = m.code;
      labels.addLayer(L.marker([at.lat, at.lng], { pane: 'baseLabels', interactive: false, keyboard: false, icon: L.divIcon({ className: 'cm-mun-label', html: span, iconSize: undefined }) }));
    }
  };
  const relabel = () => {
    drawLabels();
    if (credit) map.attributionControl.removeAttribution(credit);
    credit = data?.country.outline || data?.municipalities.some((m) => m.boundary) ? escapeText(i18next.t('map.boundariesAttribution')) : null;
    if (credit) map.attributionControl.addAttribution(credit);
  };

  void fetchBaseMap()
    .then((d) => {
      if (!live) return;
      data = d;
      if (d.country.outline) {
        group.addLayer(
          L.geoJSON({ type: 'Feature', properties: {}, geometry: d.country.outline } as GeoJSON.Feature, {
            pane: 'base',
            interactive: false,
            style: () => ({ className: 'cm-country', color: '#3d4a5c', weight: 2, fillColor: '#fbfaf6', fillOpacity: 0, ...WHOLE_SHAPE }),
          }),
        );
      }
      for (const m of d.municipalities) {
        if (!m.boundary || options.municipalities === false) continue;
        const shape = L.geoJSON({ type: 'Feature', properties: {}, geometry: m.boundary } as GeoJSON.Feature, {
          pane: 'base',
          interactive: false,
          style: () => ({ className: 'cm-municipality-outline', color: '#7a8699', weight: 1, fill: false, ...WHOLE_SHAPE }),
        });
        shape.on('add', () => shape.eachLayer((l) => ((l as L.Path).getElement() as SVGElement | undefined)?.setAttribute('data-municipality', m.code)));
        group.addLayer(shape);
      }
      group.addTo(map);
      labels.addTo(map);
      onZoom();
      relabel();
      container.dataset.baseLayer = 'ready';
    })
    .catch(() => {
      if (live) container.dataset.baseLayer = 'failed';
    });
  i18next.on('languageChanged', relabel);
  const stopDeclutter = declutterLabels(map, labelPane);
  return () => {
    live = false;
    stopDeclutter();
    i18next.off('languageChanged', relabel);
    map.off('zoomend', onZoom);
    group.remove();
    labels.remove();
  };
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
