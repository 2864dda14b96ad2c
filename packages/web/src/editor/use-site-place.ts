// Where the site form's map looks and what it says of the point: the municipality the API finds
// the point in (set in the form when there is one), and the place a chosen municipality or a typed
// address names, to move the map there.
import { useEffect, useRef, useState } from 'react';
import { request } from '../shared/api/graphql';
import { useGqlQuery } from '../shared/api/query';
import { BaseMapQuery } from '../shared/map/boundaries';
import type { LatLng } from './LocationPicker';
import { MunicipalityAtQuery, municipalityInText } from './site-point';

export type Centre = LatLng & { seq: number };

export function useSitePlace({
  point,
  municipality,
  address,
  existing,
  seatOf,
  setMunicipality,
}: {
  point: LatLng | null;
  /** The municipality chosen in the form. */
  municipality: string;
  address: string;
  /** A saved site (its address does not move the map when the form opens). */
  existing: boolean;
  seatOf: (code: string) => LatLng | null;
  setMunicipality: (code: string) => void;
}): { pointIn: { code: string | null } | null; centre: Centre | null } {
  const names = useGqlQuery(BaseMapQuery, {}).data?.municipalities;
  // the municipality of the point (null: outside every municipality) once it moved, by a click, a drag or typing
  const [pointIn, setPointIn] = useState<{ code: string | null } | null>(null);
  const [centre, setCentre] = useState<Centre | null>(null);
  const pointKey = point ? `${point.lat},${point.lng}` : '';
  const firstPoint = useRef(pointKey);
  useEffect(() => {
    if (!point || pointKey === firstPoint.current) return;
    firstPoint.current = '';
    let live = true;
    const timer = setTimeout(() => {
      request(MunicipalityAtQuery, { lat: point.lat, lng: point.lng })
        .then((r) => {
          if (!live) return;
          const code = r.municipalityAt?.code ?? null;
          setPointIn({ code });
          if (code) setMunicipality(code);
        })
        .catch(() => undefined); // the save still checks the point; the select stays the editor's choice
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pointKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // a municipality chosen in the select (not set by a pick) moves the map to its seat
  const lastMunicipality = useRef(municipality);
  useEffect(() => {
    if (municipality === lastMunicipality.current) return;
    lastMunicipality.current = municipality;
    const seat = seatOf(municipality);
    if (seat && municipality !== pointIn?.code) setCentre({ ...seat, seq: Date.now() });
  }, [municipality]); // eslint-disable-line react-hooks/exhaustive-deps

  // an address that names a municipality moves the map there (after the typing pauses)
  // undefined: a saved site's own address, not read yet (the names may arrive after the form opens,
  // and reading it then must not move the map away from the site)
  const lastAddressPlace = useRef<string | null | undefined>(existing ? undefined : null);
  useEffect(() => {
    if (!names) return;
    if (lastAddressPlace.current === undefined) {
      lastAddressPlace.current = municipalityInText(address, names);
      return;
    }
    const timer = setTimeout(() => {
      const code = municipalityInText(address, names);
      if (code === lastAddressPlace.current) return;
      lastAddressPlace.current = code;
      const seat = code ? seatOf(code) : null;
      if (seat) setCentre({ ...seat, seq: Date.now() });
    }, 400);
    return () => clearTimeout(timer);
  }, [address, names]); // eslint-disable-line react-hooks/exhaustive-deps
  return { pointIn, centre };
}
