import { LIMITS } from '../core/validation';
import { ServiceStatus } from '../services/service.enums';
import { type HsdsJsonReader, join, type Json, parseDateTime } from './hsds-json-reader';
import { FEE_DESCRIPTIONS } from './hsds-metadata';
import type { RevisionRecord, ServiceAtLocationRecord, ServiceRecord, Texts } from './hsds-records';

const KNOWN_SERVICE = ['id', 'organization_id', 'name', 'description', 'status', 'fees_description', 'eligibility_description', 'last_modified', 'service_areas', 'service_at_locations', 'languages', 'organization', 'attributes', 'metadata'];
const LANGUAGE = /^[a-z]{2,3}$/;

/** Where the service is parsed: its organization, that organization's location ids, and the lists the links and revisions go to. */
export interface ServiceScope {
  organizationId: string;
  locationIds: Set<string>;
  sals: ServiceAtLocationRecord[];
  revisions: RevisionRecord[];
}

/** An HSDS service under an organization back to a civimap service, with its areas, languages, links to sites and classification. */
export function parseService(r: HsdsJsonReader, s: Json, path: string, scope: ServiceScope): ServiceRecord | null {
  const { organizationId, revisions } = scope;
  r.ignoreUnknown(s, KNOWN_SERVICE, path);
  const id = r.id(s, path);
  if (s.organization_id !== undefined && String(s.organization_id).toLowerCase() !== organizationId) {
    r.error(join(path, 'organization_id'), 'MISMATCHED_ORGANIZATION', `organization_id ${JSON.stringify(s.organization_id)} is not the organization this service is under.`);
  }
  const name = r.text(s, 'name', path, { required: true, nonBlank: true, max: LIMITS.name });
  const description = r.text(s, 'description', path);
  const status = parseStatus(r, s, path);
  const fees = r.text(s, 'fees_description', path);
  const fee = fees === null ? null : (Object.entries(FEE_DESCRIPTIONS).find(([, text]) => text === fees)?.[0] ?? null);
  if (fees !== null && !fee) r.warn(join(path, 'fees_description'), 'IGNORED', `civimap records fees as one of: ${Object.values(FEE_DESCRIPTIONS).join(' / ')}; this text is not imported.`);
  const eligibility = r.text(s, 'eligibility_description', path);
  const modified = r.text(s, 'last_modified', path);
  const lastModified = modified === null ? null : parseDateTime(modified);
  if (modified !== null && !lastModified) r.error(join(path, 'last_modified'), 'INVALID_DATE', `last_modified must be an ISO 8601 date-time; got "${modified}".`);
  const areaIds = parseAreas(r, s, path);
  const languages = parseLanguages(r, s, path);
  parseServiceAtLocations(r, s, path, id, scope);
  const { values, categories, groups } = r.attributes(s, path, 'service');
  if (!categories.length) r.error(join(path, 'attributes'), 'NO_CATEGORY', 'A service needs at least one civimap service category (an attribute with a term of the civimap-service-categories taxonomy).');
  r.unexpectedRecordFields(values, ['demo', 'name-sr', 'name-en', 'description-sr', 'description-en', 'capacity-per-year', 'residential-places']);
  const metadata = r.metadata(s, path, id ?? '', 'Service');
  revisions.push(...metadata.revisions);
  if (!id || name === null) return null;
  const texts = (sq: string | null, prefix: string): Texts => ({ sq, sr: r.recordText(values, `${prefix}-sr`), en: r.recordText(values, `${prefix}-en`) });
  const now = r.now();
  return {
    id,
    organizationId,
    createdAt: metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? now,
    updatedAt: lastModified ?? now,
    names: texts(name, 'name') as ServiceRecord['names'],
    descriptions: texts(description, 'description'),
    languages: languages.length ? languages : [],
    eligibility,
    fee,
    capacityPerYear: r.recordInteger(values, 'capacity-per-year', 10_000_000),
    residentialPlaces: r.recordInteger(values, 'residential-places', 100_000),
    status,
    isDemo: r.recordFlag(values, 'demo'),
    categoryIds: [...new Set(categories)],
    targetGroupIds: [...new Set(groups)],
    areaMunicipalityIds: areaIds,
  };
}

/** HSDS's four statuses onto civimap's two. */
function parseStatus(r: HsdsJsonReader, s: Json, path: string): ServiceStatus {
  const statusText = r.text(s, 'status', path, { required: true });
  if (statusText === null || statusText === 'active') return ServiceStatus.ACTIVE;
  if (['inactive', 'defunct', 'temporarily closed'].includes(statusText)) return ServiceStatus.INACTIVE;
  r.error(join(path, 'status'), 'INVALID_STATUS', `status must be active, inactive, defunct or temporarily closed; got "${statusText}".`);
  return ServiceStatus.ACTIVE;
}

/** The municipalities served, by URN or by name, each once. */
function parseAreas(r: HsdsJsonReader, s: Json, path: string): string[] {
  const areaIds: string[] = [];
  r.array(s, 'service_areas', path).forEach((area, i) => {
    const at = `${join(path, 'service_areas')}[${i}]`;
    r.id(area, at, false);
    const municipality = r.municipalityOf(typeof area.name === 'string' ? area.name : null, typeof area.uri === 'string' ? area.uri : null, join(at, 'name'));
    if (municipality && !areaIds.includes(municipality.id)) areaIds.push(municipality.id);
  });
  return areaIds;
}

function parseLanguages(r: HsdsJsonReader, s: Json, path: string): string[] {
  const languages: string[] = [];
  r.array(s, 'languages', path).forEach((language, i) => {
    const at = `${join(path, 'languages')}[${i}]`;
    r.id(language, at, false);
    const code = r.text(language, 'code', at, { required: true });
    if (code === null) return;
    if (!LANGUAGE.test(code)) r.error(join(at, 'code'), 'INVALID_LANGUAGE', `code must be an ISO 639-1 or 639-3 code such as "sq"; got "${code}".`);
    else if (!languages.includes(code)) languages.push(code);
  });
  return languages;
}

/** The service's links to sites of the same organization, each site once, with their change logs. */
function parseServiceAtLocations(r: HsdsJsonReader, s: Json, path: string, id: string | null, scope: ServiceScope): void {
  const { locationIds, sals, revisions } = scope;
  r.array(s, 'service_at_locations', path).forEach((sal, i) => {
    const at = `${join(path, 'service_at_locations')}[${i}]`;
    const salId = r.id(sal, at);
    const locationId = typeof sal.location_id === 'string' ? sal.location_id.toLowerCase() : null;
    if (!locationId) r.error(join(at, 'location_id'), 'REQUIRED', 'location_id is required.');
    else if (!locationIds.has(locationId)) r.error(join(at, 'location_id'), 'UNKNOWN_LOCATION', `location_id ${locationId} is not one of this organization's locations.`);
    if (sal.service_id !== undefined && id && String(sal.service_id).toLowerCase() !== id) r.error(join(at, 'service_id'), 'MISMATCHED_SERVICE', `service_id ${JSON.stringify(sal.service_id)} is not the service it is under.`);
    if (sal.location !== undefined) r.warn(join(at, 'location'), 'IGNORED', "The nested location is read from the organization's locations.");
    const metadata = r.metadata(sal, at, salId ?? '', 'ServiceAtLocation');
    revisions.push(...metadata.revisions);
    if (salId && id && locationId && locationIds.has(locationId)) {
      if (sals.some((x) => x.serviceId === id && x.locationId === locationId)) {
        r.error(join(at, 'location_id'), 'DUPLICATE_SERVICE_AT_LOCATION', 'The service is linked to this location twice.');
        return;
      }
      const createdAt = metadata.createdAt ?? metadata.revisions[0]?.createdAt ?? r.now();
      sals.push({ id: salId, serviceId: id, locationId, createdAt, updatedAt: r.now() });
    }
  });
}
