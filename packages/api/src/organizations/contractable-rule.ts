import { UserInputError } from '../core/errors';
import { pgArray, type Sql, sql } from '../core/sql';
import { withinRadiusSql } from '../geography/geo';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { ServiceCategory } from '../taxonomy/service-category.entity';
import { dateOrToday, validNear } from './filter-values';
import type { NearInput } from './organization.inputs';

/**
 * "Contractable for category C in municipality M (or within a radius of a point) on date D"
 * (DESIGN section 2), in one place. The organization `o` is active and verified, and it has an active
 * service in some category x at or below C that serves the place, and a licence valid on D whose
 * categories include x or its parent. The `contractableFor`/`contractableNear` filters keep the
 * organizations for which `contractableWhere` holds; `Organization.contractability` reports each
 * condition from the same fragments (contractability.ts), so that the two can never disagree.
 */
export interface ContractableRule {
  category: ServiceCategory;
  /** Ids of C and of every category below it: the categories a qualifying service may be in. */
  offered: string[];
  /** Ids of C, its ancestors and descendants: what a licence covers when no service is there to check. */
  covering: string[];
  /** D, YYYY-MM-DD. */
  on: string;
  /** Over the service `s`: it serves the place (its area or a site there, or a site within the radius). */
  serves: Sql;
  /** The place, for reasons: a municipality's code, or the point and radius. */
  place: { municipality: string } | { near: NearInput };
  /** The municipality's id when the place is one: the search then starts from `service_reach`. */
  municipalityId?: string;
}

export interface ContractableArgs {
  category: string;
  municipality?: string | null;
  near?: NearInput | null;
  on?: string | null;
}

/** The rule's parameters from codes; `field` names the input in errors (e.g. filter.contractableFor). */
export function contractableRule(catalog: ReferenceCatalog, args: ContractableArgs, field: string): ContractableRule {
  const category = catalog.category(args.category, `${field}.category`);
  const on = dateOrToday(args.on, `${field}.on`);
  const offered = catalog.categoryAndDescendants(category).map((c) => c.id);
  const covering = [...new Set([...catalog.categoryAndAncestors(category), ...catalog.categoryAndDescendants(category)].map((c) => c.id))];
  const base = { category, offered, covering, on };
  if (args.municipality !== null && args.municipality !== undefined) {
    if (args.near) throw new UserInputError(`${field} takes a municipality or a point (near), not both.`, field);
    const municipalityId = catalog.municipality(args.municipality, `${field}.municipality`).id;
    const serves = sql(
      `(exists (select 1 from service_area sa where sa.service_id = s.id and sa.municipality_id = ?)` +
        ` or exists (select 1 from service_at_location sl join location l on l.id = sl.location_id where sl.service_id = s.id and l.municipality_id = ?))`,
      municipalityId,
      municipalityId,
    );
    return { ...base, serves, place: { municipality: args.municipality }, municipalityId };
  }
  if (!args.near) throw new UserInputError(`${field} needs a municipality or a point (near).`, field);
  const near = validNear(args.near, `${field}.near`);
  const within = withinRadiusSql('l', near.lat, near.lng, near.radiusKm);
  const serves = sql(`exists (select 1 from service_at_location sl join location l on l.id = sl.location_id where sl.service_id = s.id and ${within.text})`, ...within.params);
  return { ...base, serves, place: { near } };
}

export const ACTIVE = sql(`o.status = 'ACTIVE'`);
export const VERIFIED = sql(`o.verification_status = 'VERIFIED'`);

/** A licence `li` (with its category `lc`) of `o` valid on D. */
/** A licence (`li`, or `licence_cover` rows under another alias) valid on the date D. */
function validOn(on: string, alias = 'li'): Sql {
  return sql(`${alias}.valid_from <= ?::date and (${alias}.valid_until is null or ${alias}.valid_until >= ?::date)`, on, on);
}

/** Covers the service category `x`: the very category or its parent (a two-level taxonomy, DESIGN section 5). */
const COVERS_SERVICE = `(lc.category_id = x.id or lc.category_id = x.parent_id)`;

/**
 * `select <what> from` the organization's active services `s` in the category `x` (C or below),
 * optionally serving the place and holding a licence `li` valid on D covering x; `limit 1`.
 */
export function qualifyingService(rule: ContractableRule, what: string, options: { serves: boolean; licensed: 'valid' | 'covering' | false }): Sql {
  const parts: Sql[] = [
    sql(
      `select ${what} from service s join service_category_link sc on sc.service_id = s.id join service_category x on x.id = sc.category_id` +
        (options.licensed ? ` join licence li on li.organization_id = o.id join licence_category lc on lc.licence_id = li.id and ${COVERS_SERVICE}` : '') +
        ` where s.organization_id = o.id and s.status = 'ACTIVE' and sc.category_id = any(?::uuid[])`,
      pgArray(rule.offered),
    ),
  ];
  if (options.serves) parts.push(sql(` and ${rule.serves.text}`, ...rule.serves.params));
  if (options.licensed === 'valid') {
    const valid = validOn(rule.on);
    parts.push(sql(` and ${valid.text}`, ...valid.params));
  }
  return { text: parts.map((p) => p.text).join(''), params: parts.flatMap((p) => p.params) };
}

/**
 * The whole rule over `o`, as the search's where conditions (organization-search.ts). For a
 * municipality the qualifying services come from `service_reach` (coverage-summary.ts: each active
 * service's category and the municipalities its area and its sites serve, kept by every write path),
 * whose (municipality, category) key leads straight to the few services that serve the place in the
 * category; then only their organizations' licences are checked, each with one index-only probe of
 * `licence_cover` (a licence's categories with its organization and dates, kept by triggers:
 * Migration20261204110000LicenceCover) instead of licence and licence_category. Over a radius, per
 * organization.
 */
export function contractableWhere(rule: ContractableRule): Sql[] {
  const organization = sql(`${ACTIVE.text} and ${VERIFIED.text}`);
  if (rule.municipalityId) {
    const valid = validOn(rule.on, 'lc');
    return [
      organization,
      sql(
        // One licence check per (organization, category), not per service: the key's order gives them distinct for free.
        `o.id in (select r.organization_id from (select distinct organization_id, category_id from service_reach` +
          ` where municipality_id = ? and category_id = any(?::uuid[])) r join service_category x on x.id = r.category_id` +
          ` where exists (select 1 from licence_cover lc where lc.organization_id = r.organization_id` +
          // COVERS_SERVICE as a list, so that both categories are keys of the probe.
          ` and lc.category_id = any(array[x.id, x.parent_id]) and ${valid.text}))`,
        rule.municipalityId,
        pgArray(rule.offered),
        ...valid.params,
      ),
    ];
  }
  const qualifying = qualifyingService(rule, '1', { serves: true, licensed: 'valid' });
  return [organization, sql(`exists (${qualifying.text})`, ...qualifying.params)];
}

/** A licence `li` of `o` valid on D covering C, an ancestor or a descendant: the check when no service is in C. */
export function licenceForCategory(rule: ContractableRule, what: string, valid: boolean): Sql {
  const validity = valid ? validOn(rule.on) : sql('true');
  return sql(
    `select ${what} from licence li join licence_category lc on lc.licence_id = li.id where li.organization_id = o.id and lc.category_id = any(?::uuid[]) and ${validity.text}`,
    pgArray(rule.covering),
    ...validity.params,
  );
}

/** Any licence of `o` valid on D, whatever it covers. */
export function anyValidLicence(rule: ContractableRule, what: string): Sql {
  const valid = validOn(rule.on);
  return sql(`select ${what} from licence li where li.organization_id = o.id and ${valid.text}`, ...valid.params);
}
