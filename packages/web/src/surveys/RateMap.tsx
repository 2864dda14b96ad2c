// The response-rate map: a circle at each municipality seat, shaded by the share of invited
// organizations that answered; withheld municipalities hatched grey. The table below the map carries
// the same figures.
import L from 'leaflet';
import { useEffect } from 'react';
import { KOSOVO_BOUNDS, el } from '../shared/map/leaflet';
import { useLeafletMap } from '../shared/map/use-map';

export interface RateMapRow {
  code: string;
  name: string;
  seat: { lat: number; lng: number };
  rate: number | null;
  withheld: boolean;
  text: string;
}

const shade = (rate: number) => (rate >= 0.8 ? '#1a4f8b' : rate >= 0.6 ? '#2b6cb0' : rate >= 0.4 ? '#63a4e0' : rate >= 0.2 ? '#a9cdf0' : '#e3f0fb');

export function RateMap({ rows, label }: { rows: RateMapRow[]; label: string }) {
  const { container, made: ref } = useLeafletMap({ zoomSnap: 0.25, minZoom: 6, maxZoom: 12, scrollWheelZoom: false }, (map) => {
    map.fitBounds(KOSOVO_BOUNDS, { animate: false });
    return { map, layer: L.layerGroup().addTo(map) };
  });
  useEffect(() => {
    const m = ref.current;
    if (!m) return;
    m.layer.clearLayers();
    for (const r of rows) {
      const marker = L.circleMarker([r.seat.lat, r.seat.lng], {
        radius: 9,
        color: '#1b1f24',
        weight: 1,
        dashArray: r.withheld ? '3 3' : undefined,
        fillColor: r.withheld || r.rate === null ? '#c8ccd0' : shade(r.rate),
        fillOpacity: 0.9,
        className: `rate-dot${r.withheld ? ' rate-withheld' : ''}`,
      });
      const tip = el('div');
      tip.append(el('strong', undefined, r.name), el('div', undefined, r.text));
      marker.bindTooltip(tip, { direction: 'top' });
      m.layer.addLayer(marker);
    }
  }, [rows]);
  return <div ref={container} className="rate-map" role="region" aria-label={label} data-testid="rate-map" />;
}
