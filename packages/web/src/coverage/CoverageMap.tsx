import i18next from 'i18next';
import L from 'leaflet';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GAP_STROKE, classOf, colourOf, type ColourScale, type CoverageRow } from './coverage';
import { formatDecimal } from '../shared/format/numbers';
import { formatNumber } from '../shared/format/format';
import type { Lang } from '../shared/i18n/lang';
import { KOSOVO_BOUNDS, el, labelPopupClose } from '../shared/map/leaflet';
import { WHOLE_SHAPE } from '../shared/map/boundaries';
import { useLeafletMap } from '../shared/map/use-map';

export interface CoverageMapRow extends CoverageRow {
  seat: { lat: number; lng: number };
}

/** What a municipality's tooltip, popup and accessible name say (plain text, never HTML). */
export function describeRow(r: CoverageRow, lang: Lang): string[] {
  const lines = [
    i18next.t('coverage.col.providers') + ': ' + formatNumber(r.providers),
    i18next.t('coverage.col.sites') + ': ' + formatNumber(r.sites),
    i18next.t('coverage.col.per10k') + ': ' + formatDecimal(r.per10k, 2, lang),
    i18next.t('coverage.col.nearestKm') + ': ' + (r.nearestKm == null ? i18next.t('coverage.noSite') : formatDecimal(r.nearestKm, 1, lang)),
  ];
  if (r.gap) lines.unshift(i18next.t('coverage.gap'));
  return lines;
}

/**
 * The choropleth: each municipality's polygon (when boundaries are imported) or a circle at its seat
 * sized by its providers, filled by the class of its providers per 10,000; gaps marked apart.
 * Shapes are focusable: the keyboard reaches them with Tab and opens their popup with Enter.
 */
export function CoverageMap({
  rows,
  scale,
  lang,
  label,
  shapes,
}: {
  rows: CoverageMapRow[];
  scale: ColourScale;
  lang: Lang;
  label: string;
  /** Imported boundaries by municipality code (empty: none imported; null: still loading). */
  shapes: Map<string, unknown> | null;
}) {
  const { t } = useTranslation();
  const [tilesOff, setTilesOff] = useState(false);
  const { container, made: mapRef } = useLeafletMap(
    { zoomSnap: 0.25, minZoom: 6, maxZoom: 13, scrollWheelZoom: false },
    (map) => {
      map.createPane('coverage').style.zIndex = '350';
      map.fitBounds(KOSOVO_BOUNDS, { animate: false });
      labelPopupClose(map);
      return { map, layer: L.layerGroup().addTo(map), fitted: false };
    },
    () => setTilesOff(true),
  );

  const key = rows.map((r) => `${r.code}:${r.providers}:${r.per10k}:${r.sites}:${r.nearestKm}`).join('|') + scale.breaks.join(',');
  const hasShapes = shapes != null && shapes.size > 0;
  useEffect(() => {
    const m = mapRef.current;
    if (!m || !shapes) return;
    m.layer.clearLayers();
    const maxProviders = Math.max(1, ...rows.map((r) => r.providers));
    for (const r of rows) m.layer.addLayer(municipalityLayer(r, shapes.get(r.code), scale, maxProviders, lang));
    // the page's layout settles after the map is created: fit Kosovo once the shapes are drawn
    if (!m.fitted && rows.length) {
      m.fitted = true;
      m.map.invalidateSize();
      const bounds: L.LatLngBoundsExpression = hasShapes ? KOSOVO_BOUNDS : L.latLngBounds(rows.map((r) => [r.seat.lat, r.seat.lng] as [number, number]));
      m.map.fitBounds(bounds, { animate: false, padding: [28, 28] });
    }
  }, [key, hasShapes, shapes == null, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <div className="coverage-map-wrap">
      <div ref={container} className="coverage-map" role="region" aria-label={label} data-testid="coverage-map" data-shapes={hasShapes ? 'polygons' : 'circles'} />
      {tilesOff && <p className="visually-hidden">{t('map.tilesOff')}</p>}
    </div>
  );
}

/** A municipality on the map: its polygon (or a circle at its seat), coloured by its class, with its tooltip and popup. */
function municipalityLayer(r: CoverageMapRow, geometry: unknown, scale: ColourScale, maxProviders: number, lang: Lang): L.Path | L.GeoJSON {
  const cls = classOf(r.per10k, r.providers, scale);
  const style: L.PathOptions = {
    pane: 'coverage',
    color: r.gap ? GAP_STROKE : '#1b1f24',
    weight: r.gap ? 2.5 : 1,
    dashArray: r.gap ? '5 4' : undefined,
    fillColor: colourOf(r.per10k, r.providers, scale),
    fillOpacity: 0.85,
    className: `cov-shape${r.gap ? ' cov-gap' : ''}`,
  };
  const layer: L.Path | L.GeoJSON = geometry
    ? L.geoJSON({ type: 'Feature', properties: {}, geometry } as GeoJSON.Feature, { style: () => ({ ...style, ...WHOLE_SHAPE }), pane: 'coverage' })
    : L.circleMarker([r.seat.lat, r.seat.lng], { ...style, radius: r.gap ? 7 : 7 + 17 * Math.sqrt(r.providers / maxProviders) });
  const lines = describeRow(r, lang);
  const tip = el('div', 'cov-tip');
  tip.append(el('strong', undefined, r.name));
  for (const line of lines) tip.append(el('div', undefined, line));
  layer.bindTooltip(tip, { sticky: !geometry, direction: 'top' });
  const popup = el('div', 'popup');
  popup.append(el('h3', 'popup-title', r.name), el('p', 'popup-categories', r.regionName));
  const ul = el('ul');
  for (const line of lines) ul.append(el('li', undefined, line));
  popup.append(ul);
  layer.bindPopup(popup);
  layer.on('add', () => decorate(layer, r, cls, `${r.name}. ${lines.join('. ')}`));
  return layer;
}

/** Makes a shape's SVG path keyboard-reachable and names it for assistive technology. */
function decorate(layer: L.Path | L.GeoJSON, r: CoverageRow, cls: number, name: string) {
  const paths: SVGElement[] = [];
  if (layer instanceof L.GeoJSON) layer.eachLayer((l) => (l as L.Path).getElement && paths.push((l as L.Path).getElement() as SVGElement));
  else if ((layer as L.Path).getElement()) paths.push((layer as L.Path).getElement() as SVGElement);
  for (const p of paths) {
    if (!p || p.dataset.municipality) continue;
    p.dataset.municipality = r.code;
    p.dataset.class = String(cls);
    p.dataset.gap = String(r.gap);
    p.setAttribute('tabindex', '0');
    p.setAttribute('role', 'button');
    p.setAttribute('aria-label', name);
    p.addEventListener('focus', () => layer.openTooltip());
    p.addEventListener('blur', () => layer.closeTooltip());
    p.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        layer.closeTooltip();
        layer.openPopup();
      }
    });
  }
}
