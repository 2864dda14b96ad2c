import { isUuid } from './hsds-ids';

/** A bad query parameter: answered 400 with a JSON body naming the parameter. */
export class HsdsParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;
const MAX_PAGE = 1_000_000;
const MAX_SEARCH = 200;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface HsdsQuery {
  page: number;
  perPage: number;
  format: 'json' | 'ndjson';
  search?: string;
  taxonomyTermId?: string;
  taxonomyId?: string;
  organizationId?: string;
  parentId?: string;
  modifiedAfter?: Date;
  full: boolean;
  fullService: boolean;
  topOnly: boolean;
  /** minimal=true: every matching service as just id and modified_date, in one response. */
  minimal: boolean;
  /** proximity (metres) around lat/lng: service-at-locations whose site lies within it. */
  near?: { lat: number; lng: number; meters: number };
}

function decimal(query: Raw, name: string, min: number, max: number): number | undefined {
  const value = single(query, name);
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!/^-?\d+(\.\d+)?$/.test(value) || n < min || n > max) throw new HsdsParameterError(name, `${name} must be a number from ${min} to ${max}; got "${value}".`);
  return n;
}

/** proximity by a point: proximity (metres, up to 200 km) with lat and lng (WGS 84 decimal degrees), all three or none. */
function nearOf(query: Raw): HsdsQuery['near'] {
  const meters = decimal(query, 'proximity', 1, 200_000);
  const lat = decimal(query, 'lat', -90, 90);
  const lng = decimal(query, 'lng', -180, 180);
  if (meters === undefined && lat === undefined && lng === undefined) return undefined;
  if (meters === undefined || lat === undefined || lng === undefined) {
    const missing = meters === undefined ? 'proximity' : lat === undefined ? 'lat' : 'lng';
    throw new HsdsParameterError(missing, 'proximity needs a point: give proximity (metres), lat and lng (decimal degrees, WGS 84) together, e.g. proximity=5000&lat=42.66&lng=21.16.');
  }
  return { lat, lng, meters };
}

type Raw = Record<string, unknown>;

function single(query: Raw, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HsdsParameterError(name, `${name} must be given once, as a plain value.`);
  return value;
}

function integer(query: Raw, name: string, fallback: number, min: number, max: number): number {
  const value = single(query, name);
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value)) throw new HsdsParameterError(name, `${name} must be a whole number; got "${value}".`);
  const n = Number(value);
  if (n < min || n > max) throw new HsdsParameterError(name, `${name} must be from ${min} to ${max}; got ${value}.`);
  return n;
}

function boolean(query: Raw, name: string): boolean {
  const value = single(query, name);
  if (value === undefined || value === '') return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new HsdsParameterError(name, `${name} must be true or false; got "${value}".`);
}

function uuid(query: Raw, name: string): string | undefined {
  const value = single(query, name);
  if (value === undefined || value === '') return undefined;
  if (!isUuid(value)) throw new HsdsParameterError(name, `${name} must be a UUID; got "${value}".`);
  return value.toLowerCase();
}

/** An ISO 8601 date or date-time (a date-time without an offset is UTC). */
export function parseDateTime(value: string): Date | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  const text = value.length === 10 ? `${value}T00:00:00Z` : zone ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  // 2026-02-31 rolls over in Date: refuse it.
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCDate() !== Number(d)) return null;
  return date;
}

/** Parses and checks the query parameters of an HSDS list or object request. */
export function parseHsdsQuery(query: Raw): HsdsQuery {
  const format = single(query, 'format') ?? 'json';
  if (format !== 'json' && format !== 'ndjson') throw new HsdsParameterError('format', `format must be json or ndjson; got "${format}".`);
  const search = single(query, 'search')?.trim();
  if (search && search.length > MAX_SEARCH) throw new HsdsParameterError('search', `search may be at most ${MAX_SEARCH} characters.`);
  const modified = single(query, 'modified_after');
  let modifiedAfter: Date | undefined;
  if (modified !== undefined && modified !== '') {
    const parsed = parseDateTime(modified);
    if (!parsed) throw new HsdsParameterError('modified_after', `modified_after must be an ISO 8601 date or date-time, such as 2026-01-31 or 2026-01-31T12:00:00Z; got "${modified}".`);
    modifiedAfter = parsed;
  }
  if (single(query, 'postcode')) {
    throw new HsdsParameterError(
      'postcode',
      'postcode is not supported: civimap stores no postcodes (Kosovo\'s five-digit postcodes are not recorded for sites). Use proximity (metres) with lat and lng instead, e.g. proximity=5000&lat=42.66&lng=21.16.',
    );
  }
  return {
    minimal: boolean(query, 'minimal'),
    near: nearOf(query),
    page: integer(query, 'page', 1, 1, MAX_PAGE),
    perPage: integer(query, 'per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE),
    format,
    search: search || undefined,
    taxonomyTermId: uuid(query, 'taxonomy_term_id'),
    taxonomyId: uuid(query, 'taxonomy_id'),
    organizationId: uuid(query, 'organization_id'),
    parentId: uuid(query, 'parent_id'),
    modifiedAfter,
    full: boolean(query, 'full'),
    fullService: boolean(query, 'full_service'),
    topOnly: boolean(query, 'top_only'),
  };
}
