import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { createMap } from '../shared/map/leaflet';

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
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const start = point ?? fallback;
    const { map: m, dispose } = createMap(container.current!, { scrollWheelZoom: false });
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
      container.current?.setAttribute('data-centre', `${c.lat.toFixed(4)},${c.lng.toFixed(4)}`);
    };
    m.on('moveend', showCentre);
    showCentre();
    map.current = m;
    marker.current = mk;
    // the box may change size (a panel opening, the window): Leaflet must know, or clicks land elsewhere
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => m.invalidateSize({ pan: false })) : null;
    resize?.observe(container.current!);
    return () => {
      resize?.disconnect();
      dispose();
      map.current = null;
      marker.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map is made once; the point follows below
  }, []);

  // typed coordinates (or a reload) move the marker
  useEffect(() => {
    const m = map.current;
    const mk = marker.current;
    if (!m || !mk) return;
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
    if (centre) map.current?.setView([centre.lat, centre.lng], 13, { animate: false });
  }, [centre?.seq]); // eslint-disable-line react-hooks/exhaustive-deps

  return <div ref={container} className="picker-map" role="region" aria-label={label} aria-describedby={describedBy} data-testid="location-picker" />;
}
