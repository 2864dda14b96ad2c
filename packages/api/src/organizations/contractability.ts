import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../core/read';
import { and, pgArray, type Sql, sql } from '../core/sql';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import {
  ACTIVE,
  anyValidLicence,
  type ContractableRule,
  contractableWhere,
  licenceForCategory,
  qualifyingService,
  VERIFIED,
} from './contractable-rule';
import { type Contractability, type ContractabilityCheck, ContractabilityCondition as C, ContractabilityReason as R } from './contractability.types';

interface LicenceWitness {
  number: string;
  validFrom: string;
  validUntil: string | null;
}

interface Row {
  id: string;
  status: string;
  verified_at: Date | null;
  active: boolean;
  verified: boolean;
  contractable: boolean;
  service_in_category: string | null;
  service_serving: string | null;
  valid_serving: LicenceWitness | null;
  valid_in_category: LicenceWitness | null;
  valid_for_category: LicenceWitness | null;
  covering_serving: LicenceWitness | null;
  covering_in_category: LicenceWitness | null;
  covering_for_category: LicenceWitness | null;
  any_valid: LicenceWitness | null;
}

const WITNESS = `json_build_object('number', li.number, 'validFrom', li.valid_from, 'validUntil', li.valid_until)`;
// The licence that lasts longest first: the best one to name when none is valid on the date.
const LATEST = ' order by li.valid_until desc nulls first, li.number limit 1';

const scalar = (name: string, query: Sql, suffix: string): Sql => sql(`(${query.text}${suffix}) as ${name}`, ...query.params);

/** Each condition of the rule for each organization, in one statement whatever their number. */
export async function evaluateContractability(em: EntityManager, catalog: ReferenceCatalog, rule: ContractableRule, ids: readonly string[]): Promise<Map<string, Contractability>> {
  const columns: Sql[] = [
    sql(`(${ACTIVE.text}) as active`),
    sql(`(${VERIFIED.text}) as verified`),
    sql(`${and(contractableWhere(rule)).text} as contractable`, ...and(contractableWhere(rule)).params),
    scalar('service_in_category', qualifyingService(rule, 's.name_sq', { serves: false, licensed: false }), ' order by s.name_sq limit 1'),
    scalar('service_serving', qualifyingService(rule, 's.name_sq', { serves: true, licensed: false }), ' order by s.name_sq limit 1'),
    scalar('valid_serving', qualifyingService(rule, WITNESS, { serves: true, licensed: 'valid' }), LATEST),
    scalar('valid_in_category', qualifyingService(rule, WITNESS, { serves: false, licensed: 'valid' }), LATEST),
    scalar('valid_for_category', licenceForCategory(rule, WITNESS, true), LATEST),
    scalar('covering_serving', qualifyingService(rule, WITNESS, { serves: true, licensed: 'covering' }), LATEST),
    scalar('covering_in_category', qualifyingService(rule, WITNESS, { serves: false, licensed: 'covering' }), LATEST),
    scalar('covering_for_category', licenceForCategory(rule, WITNESS, false), LATEST),
    scalar('any_valid', anyValidLicence(rule, WITNESS), LATEST),
  ];
  const text = `select o.id, o.status, o.verified_at, ${columns.map((c) => c.text).join(', ')} from organization o where o.id = any(?::uuid[])`;
  const rows: Row[] = await readQuery(em, text, [...columns.flatMap((c) => c.params), pgArray([...ids])]);
  return new Map(rows.map((row) => [row.id, report(catalog, rule, row)]));
}

function report(catalog: ReferenceCatalog, rule: ContractableRule, row: Row): Contractability {
  const category = rule.category.names.en ?? rule.category.names.sq;
  const place = 'municipality' in rule.place
    ? `serves ${placeName(catalog, rule.place.municipality)} (its service area or a site there)`
    : `is delivered at a site within ${rule.place.near.radiusKm} km of ${rule.place.near.lat}, ${rule.place.near.lng}`;
  const checks: ContractabilityCheck[] = [
    row.active
      ? check(C.ACTIVE, true, R.IS_ACTIVE, 'The organization is active.')
      : check(C.ACTIVE, false, R.NOT_ACTIVE, `The organization's status is ${row.status}, not ACTIVE.`),
    row.verified
      ? check(C.VERIFIED, true, R.IS_VERIFIED, `The profile is verified${row.verified_at ? ` (${new Date(row.verified_at).toISOString().slice(0, 10)})` : ''}.`)
      : check(C.VERIFIED, false, R.NOT_VERIFIED, 'The profile is not verified.'),
    row.service_in_category
      ? { ...check(C.SERVICE, true, R.SERVICE_IN_CATEGORY, `"${row.service_in_category}" is an active service in ${category}.`), serviceName: row.service_in_category }
      : check(C.SERVICE, false, R.NO_SERVICE_IN_CATEGORY, `No active service in ${category} or a category below it.`),
    row.service_serving
      ? { ...check(C.AREA, true, R.SERVES_PLACE, `"${row.service_serving}" ${place}.`), serviceName: row.service_serving }
      : check(C.AREA, false, R.NOT_SERVING_PLACE, `No active service in ${category} ${place}.`),
    licenceCheck(rule, row, category),
  ];
  const failing = checks.filter((c) => !c.holds).map((c) => c.condition);
  return { contractable: row.contractable, on: rule.on, checks, failing };
}

/** The licence condition, against the services that serve the place, else those in the category, else the category. */
function licenceCheck(rule: ContractableRule, row: Row, category: string): ContractabilityCheck {
  const [valid, covering, against] = row.service_serving
    ? [row.valid_serving, row.covering_serving, 'the services that serve the place']
    : row.service_in_category
      ? [row.valid_in_category, row.covering_in_category, `the services in ${category}`]
      : [row.valid_for_category, row.covering_for_category, category];
  const validity = (l: LicenceWitness) => `valid from ${l.validFrom}${l.validUntil ? ` until ${l.validUntil}` : ', open-ended'}`;
  const named = (l: LicenceWitness) => ({ licenceNumber: l.number, licenceValidFrom: l.validFrom, licenceValidUntil: l.validUntil });
  if (valid) return { ...check(C.LICENCE, true, R.LICENCE_VALID, `Licence ${valid.number} is valid on ${rule.on} (${validity(valid)}) and covers ${against}.`), ...named(valid) };
  if (covering) {
    return { ...check(C.LICENCE, false, R.LICENCE_NOT_VALID_ON_DATE, `Licence ${covering.number} covers ${against} but is not valid on ${rule.on} (${validity(covering)}).`), ...named(covering) };
  }
  if (row.any_valid) {
    return { ...check(C.LICENCE, false, R.LICENCE_OTHER_CATEGORY, `Licence ${row.any_valid.number} is valid on ${rule.on} but covers none of ${against}.`), ...named(row.any_valid) };
  }
  return check(C.LICENCE, false, R.NO_LICENCE, `No licence valid on ${rule.on}, and none covering ${against}.`);
}

function check(condition: C, holds: boolean, reason: R, message: string): ContractabilityCheck {
  return { condition, holds, reason, message, serviceName: null, licenceNumber: null, licenceValidFrom: null, licenceValidUntil: null };
}

function placeName(catalog: ReferenceCatalog, code: string): string {
  const municipality = catalog.municipality(code, 'municipality');
  return municipality.names.en ?? municipality.names.sq;
}
