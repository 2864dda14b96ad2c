import i18next from 'i18next';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { loadConfig } from '../shared/api/query';

const KOSOVO_CENTER: [number, number] = [42.6, 20.9];

/** A small map: a click picks the point (the latitude and longitude fields next to it do the same by keyboard). */
export function PointPicker({ lat, lng, radiusKm, label, onPick }: { lat: number | null; lng: number | null; radiusKm: number; label: string; onPick: (lat: number, lng: number) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const map = L.map(container.current!, { scrollWheelZoom: false, zoomSnap: 1, zoomControl: false }).setView(KOSOVO_CENTER, 8);
    L.control.zoom({ zoomInTitle: i18next.t('map.zoomIn'), zoomOutTitle: i18next.t('map.zoomOut') }).addTo(map);
    map.attributionControl.setPrefix(false);
    layer.current = L.layerGroup().addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => pick.current(Number(e.latlng.lat.toFixed(5)), Number(e.latlng.lng.toFixed(5))));
    mapRef.current = map;
    let live = true;
    void loadConfig().then((c) => {
      if (live && c.tileUrl) L.tileLayer(c.tileUrl, { attribution: c.tileAttribution, maxZoom: 19 }).addTo(map);
    });
    return () => {
      live = false;
      map.remove();
      mapRef.current = null;
    };
  }, []);

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
