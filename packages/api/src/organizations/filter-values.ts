import { UserInputError } from '../core/errors';
import { type Sql, sql } from '../core/sql';
import { isCalendarDate } from '../core/validation';
import { todayInKosovo } from '../geography/geo';
import type { BBoxInput, NearInput } from './organization.inputs';

/** The checks of filter values that the search and the contractable rule share. */

function checkLatitude(value: number, field: string) {
  if (!Number.isFinite(value) || value < -90 || value > 90) throw new UserInputError(`${field} must be a latitude from -90 to 90; got ${value}.`, field);
}

function checkLongitude(value: number, field: string) {
  if (!Number.isFinite(value) || value < -180 || value > 180) throw new UserInputError(`${field} must be a longitude from -180 to 180; got ${value}.`, field);
}

export function validNear(near: NearInput, field = 'filter.near'): NearInput {
  checkLatitude(near.lat, `${field}.lat`);
  checkLongitude(near.lng, `${field}.lng`);
  if (!Number.isFinite(near.radiusKm) || near.radiusKm <= 0 || near.radiusKm > 500) {
    throw new UserInputError(`${field}.radiusKm must be more than 0 and at most 500 km; got ${near.radiusKm}.`, `${field}.radiusKm`);
  }
  return near;
}

export function validBox(box: BBoxInput): BBoxInput {
  checkLatitude(box.minLat, 'filter.bbox.minLat');
  checkLatitude(box.maxLat, 'filter.bbox.maxLat');
  checkLongitude(box.minLng, 'filter.bbox.minLng');
  checkLongitude(box.maxLng, 'filter.bbox.maxLng');
  if (box.minLat > box.maxLat) throw new UserInputError('filter.bbox.minLat must not be greater than maxLat.', 'filter.bbox');
  if (box.minLng > box.maxLng) throw new UserInputError('filter.bbox.minLng must not be greater than maxLng.', 'filter.bbox');
  return box;
}

/** A calendar date YYYY-MM-DD, or today in Kosovo when none is given. */
export function dateOrToday(value: string | null | undefined, field: string): string {
  if (value === null || value === undefined) return todayInKosovo();
  if (!isCalendarDate(value)) throw new UserInputError(`${field} must be a date YYYY-MM-DD; got "${value}".`, field);
  return value;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Words to find in an organization's names and acronym (alias o): every word must occur, case- and
 * diacritics-insensitive (the trigram index on the folded names). Shared by the search and the
 * moderators' queue.
 */
export function textConditions(text: string, field: string): Sql[] {
  if (text.length > 200) throw new UserInputError(`"${field.split('.').at(-1)}" may be at most 200 characters.`, field);
  // PostgreSQL text cannot hold NUL, and no name holds control characters: refuse them up front.
  if (CONTROL_CHARACTERS.test(text)) throw new UserInputError(`"${field.split('.').at(-1)}" contains control characters.`, field);
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => sql(`o.search_text like ('%' || civimap_fold(?) || '%')`, word.replace(/[\\%_]/g, '\\$&')));
}
