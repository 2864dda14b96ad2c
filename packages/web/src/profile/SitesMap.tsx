import i18next from 'i18next';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { createMap, el } from '../shared/map/leaflet';

export interface Site {
  id: string;
  label: string;
  lat: number;
  lng: number;
}

/** A small, static map of an organization's sites. */
export function SitesMap({ sites, label }: { sites: Site[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const key = sites.map((s) => `${s.id}@${s.lat},${s.lng}`).join('|');
  useEffect(() => {
    if (!sites.length) return;
    const { map, dispose } = createMap(container.current!, { scrollWheelZoom: false, zoomSnap: 1 });
    const group = L.featureGroup();
    for (const s of sites) {
      L.marker([s.lat, s.lng], {
        icon: L.divIcon({ className: 'cm-point cm-site', html: '<span></span>', iconSize: [18, 18] }),
        title: s.label,
        alt: s.label,
      })
        .bindTooltip(el('span', undefined, s.label)) // an element, not a string: Leaflet would parse a string as HTML
        .addTo(group);
    }
    group.addTo(map);
    map.fitBounds(group.getBounds(), { maxZoom: 13, padding: [24, 24], animate: false });
    return dispose;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the sites' identity
  }, [key, i18next.language]);
  if (!sites.length) return null;
  return <div ref={container} className="sites-map" role="region" aria-label={label} data-testid="sites-map" />;
}
