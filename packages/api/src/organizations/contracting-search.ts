import type { EntityManager } from '@mikro-orm/postgresql';
import { UserInputError } from '../core/errors';
import { decodeCursor, encodeCursor, type PageInfo } from '../core/pagination';
import { readQuery } from '../core/read';
import { and, pgArray, type Sql, sql } from '../core/sql';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { type ContractableArgs, contractableRule, contractableWhere, type ContractableRule } from './contractable-rule';
import { evaluateContractability } from './contractability';
import type { Contractability } from './contractability.types';
import type { Organization } from './organization.entity';
import { OrganizationSearch } from './organization-search';

/**
 * The officer's ranked list (DESIGN section 1): every organization with a service in the category
 * in the place, whatever its status, so that the ones that are not contractable are listed with the
 * condition that fails. The contractable ones are always among them: a qualifying service is in the
 * category and serves the place by its area or a site there (or a site within the radius).
 * Ranked: contractable first; then, by a point, the nearest first; then the largest capacity in the
 * category; then by name (in the language asked for) and id. The web page and
 * /export/contractable.csv both read this order.
 */
export interface ContractingRow {
  id: string;
  organization: Organization;
  contractable: boolean;
  distanceKm: number | null;
  capacity: number | null;
  residentialPlaces: number | null;
  contractability: Contractability;
  cursor: string;
}

export interface ContractingPage {
  rows: ContractingRow[];
  pageInfo: PageInfo;
  totalCount: number;
  contractableCount: number;
}

const ORDER = 'CONTRACTING';
const FAR = 1e9;

type SortKey = [boolean, number, number, string];

export async function contractingPage(
  em: EntityManager,
  catalog: ReferenceCatalog,
  args: ContractableArgs & { first: number; after?: string | null; lang: 'sq' | 'sr' | 'en'; node?: (alias: string) => string },
): Promise<ContractingPage> {
  const rule = contractableRule(catalog, args, 'contracting');
  const resolved = new OrganizationSearch(em, catalog).resolve(
    'municipality' in rule.place ? { categories: [args.category], municipalities: [rule.place.municipality] } : { categories: [args.category], near: rule.place.near },
  );
  const candidates = and(resolved.where);
  const ranked = rankedColumns(rule, resolved.distance, args.lang);
  const after = args.after ? sortKeyOf(args.after) : null;
  const keyset = after
    ? sql('(not r.contractable, coalesce(r.distance_km, ?), -coalesce(r.capacity, -1), r.sort_name, r.id) > (?::boolean, ?::float8, ?::float8, ?::text, ?::uuid)', FAR, !after.key[0], after.key[1], -after.key[2], after.key[3], after.id)
    : sql('true');
  const node = args.node ?? ((alias: string) => `json_build_object('id', ${alias}.id)`);
  const page = sql(
    `select ${node('o')} as node, r.* from (select * from (select o.id, ${ranked.text} from organization o where ${candidates.text}) r` +
      ` where ${keyset.text} order by not r.contractable, coalesce(r.distance_km, ?), -coalesce(r.capacity, -1), r.sort_name, r.id limit ?) r` +
      ` join organization o on o.id = r.id order by not r.contractable, coalesce(r.distance_km, ?), -coalesce(r.capacity, -1), r.sort_name, r.id`,
    ...ranked.params,
    ...candidates.params,
    ...keyset.params,
    FAR,
    args.first + 1,
    FAR,
  );
  const counts = sql(`select count(*)::int as total, count(*) filter (where ${and(contractableWhere(rule)).text})::int as contractable from organization o where ${candidates.text}`, ...and(contractableWhere(rule)).params, ...candidates.params);
  const [fetched, [count]] = await Promise.all([
    readQuery<Record<string, any>[]>(em, page.text, page.params),
    readQuery<{ total: number; contractable: number }[]>(em, counts.text, counts.params),
  ]);
  const rows = fetched.slice(0, args.first);
  const reports = await evaluateContractability(em, catalog, rule, rows.map((r) => r.id));
  const out = rows.map((r) => {
    const distanceKm = r.distance_km === null ? null : Number(r.distance_km);
    const capacity = r.capacity === null ? null : Number(r.capacity);
    const key: SortKey = [Boolean(r.contractable), distanceKm ?? FAR, capacity ?? -1, String(r.sort_name)];
    return {
      id: r.id as string,
      organization: r.node as Organization,
      contractable: Boolean(r.contractable),
      distanceKm,
      capacity,
      residentialPlaces: r.places === null ? null : Number(r.places),
      contractability: reports.get(r.id)!,
      cursor: encodeCursor({ order: ORDER, value: JSON.stringify(key), id: r.id }),
    };
  });
  const cursors = out.map((r) => r.cursor);
  const pageInfo = { hasNextPage: fetched.length > args.first, hasPreviousPage: Boolean(args.after), startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null };
  return { rows: out, pageInfo, totalCount: count.total, contractableCount: count.contractable };
}

/** The verdict (the rule's own where conditions), the distance, the capacity in the category and the name to sort by. */
function rankedColumns(rule: ContractableRule, distance: Sql | undefined, lang: 'sq' | 'sr' | 'en'): Sql {
  const verdict = and(contractableWhere(rule));
  const inCategory = `s.organization_id = o.id and s.status = 'ACTIVE' and exists (select 1 from service_category_link sc where sc.service_id = s.id and sc.category_id = any(?::uuid[]))`;
  const offered = pgArray(rule.offered);
  const name = lang === 'sq' ? 'o.name_sq' : `coalesce(o.name_${lang}, o.name_sq)`;
  return sql(
    `${verdict.text} as contractable, ${distance ? distance.text : 'null::float8'} as distance_km,` +
      ` (select sum(s.capacity_per_year) from service s where ${inCategory}) as capacity,` +
      ` (select sum(s.residential_places) from service s where ${inCategory}) as places, ${name} as sort_name`,
    ...verdict.params,
    ...(distance ? distance.params : []),
    offered,
    offered,
  );
}

function sortKeyOf(cursor: string): { key: SortKey; id: string } {
  const position = decodeCursor(cursor, ORDER);
  let key: unknown;
  try {
    key = JSON.parse(position.value ?? '');
  } catch {
    key = null;
  }
  const valid =
    Array.isArray(key) && key.length === 4 && typeof key[0] === 'boolean' && Number.isFinite(key[1]) && Number.isFinite(key[2]) && typeof key[3] === 'string';
  if (!valid) throw new UserInputError('"after" is not a valid cursor: pass the cursor of an edge or pageInfo.endCursor unchanged.', 'after');
  return { key: key as SortKey, id: position.id };
}
