import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useLeafletMap } from '../shared/map/use-map';

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Picks a site's point: click the map, or drag the marker (the latitude and longitude fields
 * next to it are the keyboard's way, and follow every move). The map shows the base layer's
 * municipality borders and names, so the editor sees which municipality the point is in.
 */
export function LocationPicker({
  point,
  fallback,
  centre,
  onPick,
  label,
  describedBy,
}: {
  point: LatLng | null;
  fallback: LatLng;
  /** Where to move the view (a municipality chosen, an address typed); a new `seq` moves it again. */
  centre?: (LatLng & { seq: number }) | null;
  onPick: (p: LatLng) => void;
  label: string;
  describedBy?: string;
}) {
  const pick = useRef(onPick);
  pick.current = onPick;
  const { container, made } = useLeafletMap({ scrollWheelZoom: false }, (m, box, onDispose) => {
    const start = point ?? fallback;
    m.setView([start.lat, start.lng], 14);
    const mk = L.marker([start.lat, start.lng], {
      draggable: true,
      icon: L.divIcon({ className: 'cm-point cm-site cm-picker', html: '<span></span>', iconSize: [22, 22] }),
      title: label,
      alt: label,
      keyboard: false,
    });
    mk.on('dragend', () => {
      const p = mk.getLatLng();
      pick.current({ lat: p.lat, lng: p.lng });
    });
    m.on('click', (e: L.LeafletMouseEvent) => {
      mk.setLatLng(e.latlng);
      pick.current({ lat: e.latlng.lat, lng: e.latlng.lng });
    });
    if (point) mk.addTo(m);
    // where the view is, for tests and for whoever reads the DOM
    const showCentre = () => {
      const c = m.getCenter();
      box.setAttribute('data-centre', `${c.lat.toFixed(4)},${c.lng.toFixed(4)}`);
    };
    m.on('moveend', showCentre);
    showCentre();
    // the box may change size (a panel opening, the window): Leaflet must know, or clicks land elsewhere
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => m.invalidateSize({ pan: false })) : null;
    resize?.observe(box);
    onDispose(() => resize?.disconnect());
    return { map: m, marker: mk };
  });

  // typed coordinates (or a reload) move the marker
  useEffect(() => {
    if (!made.current) return;
    const { map: m, marker: mk } = made.current;
    if (!point) {
      mk.remove();
      return;
    }
    const cur = mk.getLatLng();
    if (cur.lat !== point.lat || cur.lng !== point.lng) mk.setLatLng([point.lat, point.lng]);
    if (!m.hasLayer(mk)) mk.addTo(m);
    if (!m.getBounds().contains([point.lat, point.lng])) m.panTo([point.lat, point.lng], { animate: false });
  }, [point?.lat, point?.lng]); // eslint-disable-line react-hooks/exhaustive-deps

  // a municipality chosen or an address typed: show that place, leaving the marker where it is
  useEffect(() => {
    if (centre) made.current?.map.setView([centre.lat, centre.lng], 13, { animate: false });
  }, [centre?.seq]); // eslint-disable-line react-hooks/exhaustive-deps

  return <div ref={container} className="picker-map" role="region" aria-label={label} aria-describedby={describedBy} data-testid="location-picker" />;
}
