import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useLeafletMap } from '../shared/map/use-map';

const KOSOVO_CENTER: [number, number] = [42.6, 20.9];

/** A small map: a click picks the point (the latitude and longitude fields next to it do the same by keyboard). */
export function PointPicker({ lat, lng, radiusKm, label, onPick }: { lat: number | null; lng: number | null; radiusKm: number; label: string; onPick: (lat: number, lng: number) => void }) {
  const pick = useRef(onPick);
  pick.current = onPick;
  const { container, made: layer } = useLeafletMap({ scrollWheelZoom: false, zoomSnap: 1 }, (map) => {
    map.setView(KOSOVO_CENTER, 8);
    map.on('click', (e: L.LeafletMouseEvent) => pick.current(Number(e.latlng.lat.toFixed(5)), Number(e.latlng.lng.toFixed(5))));
    return L.layerGroup().addTo(map);
  });

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    group.clearLayers();
    if (lat == null || lng == null) return;
    L.circle([lat, lng], { radius: radiusKm * 1000, weight: 2 }).addTo(group);
    L.circleMarker([lat, lng], { radius: 5, weight: 2, fillOpacity: 1 }).addTo(group);
  }, [lat, lng, radiusKm]);

  return <div ref={container} className="point-picker" role="region" aria-label={label} data-testid="point-picker" />;
}
