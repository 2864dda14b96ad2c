import type { Municipality } from '../geography/municipality.entity';
import { checkPointInMunicipality } from '../geography/point-in-municipality';
import { LIMITS } from '../core/validation';
import { type HsdsJsonReader, join, type Json } from './hsds-json-reader';
import type { LocationRecord, RevisionRecord } from './hsds-records';

const KNOWN_LOCATION = ['id', 'location_type', 'organization_id', 'name', 'latitude', 'longitude', 'addresses', 'accessibility', 'schedules', 'attributes', 'metadata'];

/** An HSDS location under an organization back to a civimap site: physical, on the map, in a known municipality, the point inside it. */
export function parseLocation(r: HsdsJsonReader, l: Json, path: string, organizationId: string, revisions: RevisionRecord[]): LocationRecord | null {
  r.ignoreUnknown(l, KNOWN_LOCATION, path);
  const id = r.id(l, path);
  const type = r.text(l, 'location_type', path, { required: true });
  if (type !== null && type !== 'physical') r.error(join(path, 'location_type'), 'UNSUPPORTED_LOCATION_TYPE', `civimap keeps physical sites only; got "${type}".`);
  if (l.organization_id !== undefined && String(l.organization_id).toLowerCase() !== organizationId) {
    r.error(join(path, 'organization_id'), 'MISMATCHED_ORGANIZATION', `organization_id ${JSON.stringify(l.organization_id)} is not the organization this location is under.`);
  }
  const name = r.text(l, 'name', path, { max: LIMITS.name });
  const lat = l.latitude;
  const lng = l.longitude;
  const point = checkCoordinates(r, path, lat, lng);
  const { municipality: found, address } = parseAddress(r, l, path);
  if (point && found) {
    const check = checkPointInMunicipality(lat as number, lng as number, { ...found, boundary: r.boundaries.get(found.id) ?? null });
    if (!check.ok) r.error(join(path, 'latitude'), check.code, check.message);
  }
  const accessibility = r.array(l, 'accessibility', path);
  const schedules = r.array(l, 'schedules', path);
  accessibility.forEach((a, i) => r.id(a, `${join(path, 'accessibility')}[${i}]`, false));
  schedules.forEach((s, i) => r.id(s, `${join(path, 'schedules')}[${i}]`, false));
  const { values } = r.attributes(l, path, 'location');
  r.unexpectedRecordFields(values, ['demo']);
  const isDemo = r.recordFlag(values, 'demo');
  const metadata = r.metadata(l, path, id ?? '', 'Location');
  revisions.push(...metadata.revisions);
  if (!id || !found || !point) return null;
  const now = r.now();
  return {
    id,
    organizationId,
    createdAt: metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? now,
    updatedAt: now,
    name,
    address,
    municipalityId: found.id,
    lat: lat as number,
    lng: lng as number,
    accessibility: accessibility.length ? r.text(accessibility[0], 'description', `${join(path, 'accessibility')}[0]`) : null,
    openingHours: schedules.length ? r.text(schedules[0], 'description', `${join(path, 'schedules')}[0]`) : null,
    isDemo,
  };
}

/** Both coordinates present and numbers: civimap shows every site on the map. */
function checkCoordinates(r: HsdsJsonReader, path: string, lat: unknown, lng: unknown): boolean {
  let point = true;
  for (const [key, value] of [['latitude', lat], ['longitude', lng]] as const) {
    if (value === undefined || value === null) {
      r.error(join(path, key), 'REQUIRED', `${key} is required: civimap shows every site on the map.`);
      point = false;
    } else if (typeof value !== 'number' || !Number.isFinite(value)) {
      r.error(join(path, key), 'NOT_A_NUMBER', `${key} must be a number; got ${JSON.stringify(value)}.`);
      point = false;
    }
  }
  return point;
}

/** The first address: its line, and its city as the site's municipality (in Kosovo); further addresses are not kept. */
function parseAddress(r: HsdsJsonReader, l: Json, path: string): { municipality: Municipality | null; address: string | null } {
  const addresses = r.array(l, 'addresses', path);
  let municipality: Municipality | null = null;
  let address: string | null = null;
  if (!addresses.length) r.error(join(path, 'addresses'), 'MISSING_ADDRESS', 'A location needs an address whose city is its municipality.');
  addresses.forEach((a, i) => {
    const at = `${join(path, 'addresses')}[${i}]`;
    r.id(a, at, false);
    if (i > 0) return r.warn(at, 'IGNORED', 'civimap keeps one address per site; the others are not imported.');
    const line = r.text(a, 'address_1', at, { required: true });
    address = line || null;
    const city = r.text(a, 'city', at, { required: true, nonBlank: true });
    const country = r.text(a, 'country', at);
    if (country !== null && country.toUpperCase() !== 'XK') r.error(join(at, 'country'), 'OUTSIDE_KOSOVO', `civimap lists sites in Kosovo (XK); got "${country}".`);
    if (city !== null) municipality = r.municipalityOf(city, null, join(at, 'city'));
  });
  return { municipality, address };
}
