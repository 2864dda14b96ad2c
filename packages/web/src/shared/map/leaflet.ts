// What every Leaflet map of the app does alike: Kosovo's bounds, zoom buttons labelled in the UI
// language, the configured tiles (none when tiles are off), and DOM nodes for popups and tooltips
// built as text (Leaflet parses strings as HTML).
import i18next from 'i18next';
import L from 'leaflet';
import { loadConfig } from '../api/config';
import { addBaseLayer } from './base-layer';

/** Kosovo's bounding box (south-west, north-east). */
export const KOSOVO_BOUNDS: L.LatLngBoundsExpression = [
  [41.85, 20.01],
  [43.27, 21.79],
];

/** An element with a class and text content (never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

/** Zoom buttons titled in the UI language (Leaflet's own speak English). */
export function zoomControl(): L.Control.Zoom {
  return L.control.zoom({ zoomInTitle: i18next.t('map.zoomIn'), zoomOutTitle: i18next.t('map.zoomOut') });
}

/**
 * A map without Leaflet's prefix in the attribution and with zoom buttons labelled in the UI
 * language (again after a switch), over the vector base layer of the shipped boundaries
 * (base-layer.ts); its tiles come from the runtime configuration (`onTilesOff` is told when there
 * are none). When tiles fail to load, the map says so once, quietly, and the base layer carries on.
 * Returns the map and a cleanup that stops a pending tile set-up, the relabelling and the map.
 */
export function createMap(
  container: HTMLElement,
  options: L.MapOptions,
  onTilesOff?: () => void,
  base: { labels?: boolean; municipalities?: boolean } = {},
): { map: L.Map; dispose: () => void } {
  const map = L.map(container, { ...options, zoomControl: false });
  let zoom = zoomControl().addTo(map);
  const relabel = () => {
    zoom.remove();
    zoom = zoomControl().addTo(map);
  };
  i18next.on('languageChanged', relabel);
  map.attributionControl.setPrefix(false);
  const removeBase = addBaseLayer(map, base);
  let live = true;
  void loadConfig().then((c) => {
    if (!live) return;
    if (c.tileUrl) {
      const tiles = L.tileLayer(c.tileUrl, { attribution: c.tileAttribution, maxZoom: 19 }).addTo(map);
      tiles.once('tileerror', () => {
        if (live) tilesFailed(map);
      });
    } else {
      // a data attribute, not a class: React owns the container's className
      container.dataset.tiles = 'off';
      onTilesOff?.();
    }
  });
  return {
    map,
    dispose: () => {
      live = false;
      i18next.off('languageChanged', relabel);
      removeBase();
      map.remove();
    },
  };
}

/** One quiet note in the map's corner (a polite status, not an alert), and the base layer filled in as the map. */
function tilesFailed(map: L.Map): void {
  map.getContainer().dataset.tiles = 'failed';
  const Note = L.Control.extend({
    onAdd: () => {
      const p = el('p', 'map-note', i18next.t('map.tilesFailed'));
      p.setAttribute('role', 'status');
      p.dataset.testid = 'tiles-failed';
      return p;
    },
  });
  new Note({ position: 'bottomleft' }).addTo(map);
}

/** Names a popup's close button in the UI language when it opens. */
export function labelPopupClose(map: L.Map): void {
  map.on('popupopen', (ev: L.PopupEvent) => {
    ev.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', i18next.t('map.closePopup'));
  });
}

/** Text for Leaflet's attribution control, which takes HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
