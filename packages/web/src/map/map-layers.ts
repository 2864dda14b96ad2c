// The map page's overlays, one hook each: the municipalities (polygons where imported, circles at
// the seats otherwise), the "search this area" rectangle, and rings around the sites of the
// organization the user points at in the list. Each takes the map the page created (with the
// panes 'municipalities' and 'highlight').
import i18next from 'i18next';
import L from 'leaflet';
import { useEffect, type RefObject } from 'react';
import { formatNumber } from '../shared/format/format';
import { WHOLE_SHAPE, useBoundaryShapes } from '../shared/map/boundaries';
import { el } from '../shared/map/leaflet';
import type { RefData } from '../shared/refdata';
import type { BBox } from './filter';

type Municipality = RefData['municipalities'][number];

function municipalityStyle(selected: boolean): L.PathOptions {
  return {
    pane: 'municipalities',
    color: selected ? '#0b3d91' : '#5b6b82',
    weight: selected ? 2.5 : 1,
    fillColor: selected ? '#6f9fe6' : '#9fb3cf',
    fillOpacity: selected ? 0.4 : 0.3,
  };
}

function municipalityShape(map: L.Map, m: Municipality, geometry: unknown, selected: boolean, onPick: (code: string) => void): L.Layer {
  const style = municipalityStyle(selected);
  const layer: L.Path | L.GeoJSON = geometry
    ? L.geoJSON({ type: 'Feature', properties: {}, geometry } as GeoJSON.Feature, { style: () => ({ ...style, ...WHOLE_SHAPE }), pane: 'municipalities' })
    : L.circleMarker([m.seat.lat, m.seat.lng], { ...style, radius: 6 + Math.sqrt(m.population) / 45 });
  layer.bindTooltip(el('span', undefined, m.name), { sticky: true });
  const mark = (l: L.Layer) => ((l as L.Path).getElement?.() as SVGElement | undefined)?.setAttribute('data-municipality', m.code);
  layer.on('add', () => (layer instanceof L.GeoJSON ? layer.eachLayer(mark) : mark(layer)));
  const popup = el('div', 'popup');
  popup.append(el('h3', 'popup-title', m.name), el('p', undefined, i18next.t('map.population', { count: m.population, formatted: formatNumber(m.population) })));
  const btn = el('button', 'popup-filter', i18next.t('map.filterMunicipality'));
  btn.type = 'button';
  btn.addEventListener('click', () => {
    map.closePopup();
    onPick(m.code);
  });
  popup.append(btn);
  layer.bindPopup(popup);
  return layer;
}

/** The municipalities, the selected ones emphasised; a popup's button filters by one. */
export function useMunicipalityLayer(map: RefObject<L.Map | null>, ref: RefData | null, selected: string[], lang: string, onPick: RefObject<(code: string) => void>) {
  const shapes = useBoundaryShapes();
  const selectedKey = selected.join(',');
  useEffect(() => {
    const m = map.current;
    if (!m || !ref || !shapes) return;
    // the base layer (shared/map/base-layer.ts) credits the boundaries
    const group = L.layerGroup().addTo(m);
    const picked = new Set(selectedKey ? selectedKey.split(',') : []);
    for (const mun of ref.municipalities) group.addLayer(municipalityShape(m, mun, shapes.get(mun.code), picked.has(mun.code), (code) => onPick.current?.(code)));
    return () => {
      group.remove();
    };
  }, [map, ref, shapes, selectedKey, lang, onPick]);
}

/** The "search this area" box, dashed. */
export function useAreaRect(map: RefObject<L.Map | null>, bbox: BBox | null) {
  const key = bbox ? `${bbox.minLat},${bbox.minLng},${bbox.maxLat},${bbox.maxLng}` : '';
  useEffect(() => {
    const m = map.current;
    if (!m || !key) return;
    const [minLat, minLng, maxLat, maxLng] = key.split(',').map(Number) as [number, number, number, number];
    const rect = L.rectangle(
      [
        [minLat, minLng],
        [maxLat, maxLng],
      ],
      { color: '#0b3d91', weight: 2, dashArray: '6 4', fill: false, interactive: false },
    ).addTo(m);
    return () => {
      rect.remove();
    };
  }, [map, key]);
}

/** Rings around the sites of the organization hovered or focused in the list. */
export function useHighlight(map: RefObject<L.Map | null>, points: { lat: number; lng: number }[]) {
  const key = points.map((p) => `${p.lat},${p.lng}`).join('|');
  useEffect(() => {
    const m = map.current;
    if (!m || !key) return;
    const group = L.layerGroup().addTo(m);
    for (const p of key.split('|').map((s) => s.split(',').map(Number) as [number, number])) {
      L.circleMarker(p, { pane: 'highlight', radius: 16, color: '#1b1f24', weight: 7, fill: false, interactive: false }).addTo(group);
      L.circleMarker(p, { pane: 'highlight', radius: 16, color: '#ffbf47', weight: 4, fill: false, interactive: false, className: 'cm-highlight' }).addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [map, key]);
}
