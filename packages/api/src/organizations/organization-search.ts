import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../core/read';
import { boxAround, haversineSql } from '../geography/geo';
import { contractableRule, contractableWhere } from './contractable-rule';
import { dateOrToday, validBox, validNear } from './filter-values';
import { UserInputError } from '../core/errors';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { organizationPage, type OrganizationPage, type ResolvedFilter } from './organization-page';

export type { OrganizationPage, OrganizationPageRow, ResolvedFilter } from './organization-page';
import { OrganizationFilter, OrganizationOrder } from './organization.inputs';
import { join, pgArray, type Sql, sql } from '../core/sql';

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface MapPointRow {
  locationId: string;
  organizationId: string;
  name: string;
  lat: number;
  lng: number;
  municipalityCode: string;
  categoryCodes: string[];
  verified: boolean;
  isDemo: boolean;
}

/**
 * Turns an OrganizationFilter into SQL over the registry tables. Every list filter is an EXISTS
 * over indexed pivot tables; text uses the trigram index on the folded names, bbox and near use the
 * GiST index on the sites' points.
 */
export class OrganizationSearch {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ReferenceCatalog,
  ) {}

  resolve(filter: OrganizationFilter | null | undefined): ResolvedFilter {
    const f = filter ?? new OrganizationFilter();
    const where: Sql[] = [];
    const siteWhere: Sql[] = [];
    let distance: Sql | undefined;
    let nearJoin: ResolvedFilter['nearJoin'];
    let nearCondition: Sql | undefined;
    // Per-organization forms of the site conditions, for plans that test organizations one by one.
    const probes = new Map<Sql, Sql>();

    if (f.includeDemo === false) where.push(sql('not o.is_demo'));
    if (f.status?.length) where.push(sql('o.status = any(?::text[])', pgArray(f.status)));
    if (f.verified !== null && f.verified !== undefined) {
      where.push(sql('o.verification_status = ?', f.verified ? 'VERIFIED' : 'UNVERIFIED'));
    }

    if (f.text !== null && f.text !== undefined) {
      if (f.text.length > 200) throw new UserInputError('"text" may be at most 200 characters.', 'filter.text');
      // PostgreSQL text cannot hold NUL, and no name holds control characters: refuse them up front.
      if (CONTROL_CHARACTERS.test(f.text)) throw new UserInputError('"text" contains control characters.', 'filter.text');
      const words = f.text.trim().split(/\s+/).filter(Boolean);
      for (const word of words) {
        const pattern = word.replace(/[\\%_]/g, '\\$&');
        where.push(sql(`o.search_text like ('%' || civimap_fold(?) || '%')`, pattern));
      }
    }

    const categoryIds = f.categories?.length
      ? this.categoryIds(f.categories, 'filter.categories').flatMap((c) => this.catalog.categoryAndDescendants(c).map((d) => d.id))
      : [];
    const targetGroupIds = f.targetGroups?.length ? this.targetGroupIds(f.targetGroups) : [];
    if (categoryIds.length || targetGroupIds.length) {
      const serviceConditions: Sql[] = [sql('s.organization_id = o.id'), sql(`s.status = 'ACTIVE'`)];
      if (categoryIds.length) {
        serviceConditions.push(
          sql('exists (select 1 from service_category_link sc where sc.service_id = s.id and sc.category_id = any(?::uuid[]))', pgArray(unique(categoryIds))),
        );
      }
      if (targetGroupIds.length) {
        serviceConditions.push(
          sql('exists (select 1 from service_target_group st where st.service_id = s.id and st.target_group_id = any(?::uuid[]))', pgArray(targetGroupIds)),
        );
      }
      const inner = join(serviceConditions, ' and ');
      where.push(sql(`exists (select 1 from service s where ${inner.text})`, ...inner.params));
    }

    for (const municipalityIds of [
      f.regions?.length ? this.municipalityIdsOfRegions(f.regions) : null,
      f.municipalities?.length ? this.municipalityIds(f.municipalities) : null,
    ]) {
      if (!municipalityIds) continue;
      const ids = pgArray(municipalityIds);
      where.push(
        sql(
          `(exists (select 1 from location l where l.organization_id = o.id and l.municipality_id = any(?::uuid[]))` +
            ` or exists (select 1 from service s join service_area sa on sa.service_id = s.id where s.organization_id = o.id and s.status = 'ACTIVE' and sa.municipality_id = any(?::uuid[])))`,
          ids,
          ids,
        ),
      );
      siteWhere.push(sql('l.municipality_id = any(?::uuid[])', ids));
    }

    if (f.bbox) {
      const box = validBox(f.bbox);
      const inBox = sql('point(l.lng, l.lat) <@ box(point(?, ?), point(?, ?))', box.minLng, box.minLat, box.maxLng, box.maxLat);
      const condition = sql(`exists (select 1 from location l where l.organization_id = o.id and ${inBox.text})`, ...inBox.params);
      where.push(condition);
      probes.set(condition, siteProbe(inBox));
      siteWhere.push(inBox);
    }

    if (f.near) {
      const near = validNear(f.near);
      const box = boxAround(near.lat, near.lng, near.radiusKm);
      const inBox = sql('point(l.lng, l.lat) <@ box(point(?, ?), point(?, ?))', box.minLng, box.minLat, box.maxLng, box.maxLat);
      const dist = sql(haversineSql('l'), near.lat, near.lat, near.lng);
      const within = sql(`${inBox.text} and ${dist.text} <= ?`, ...inBox.params, ...dist.params, near.radiusKm);
      nearCondition = sql(`exists (select 1 from location l where l.organization_id = o.id and ${within.text})`, ...within.params);
      where.push(nearCondition);
      probes.set(nearCondition, siteProbe(within));
      siteWhere.push(within);
      distance = sql(`(select min(${dist.text}) from location l where l.organization_id = o.id and ${inBox.text})`, ...dist.params, ...inBox.params);
      // The same minimum per organization; the where condition above still decides which ones match.
      nearJoin = {
        join: sql(
          `join (select l.organization_id, min(${dist.text}) as km from location l where ${inBox.text} group by l.organization_id) nd on nd.organization_id = o.id`,
          ...dist.params,
          ...inBox.params,
        ),
        distance: sql('nd.km'),
      };
    }

    if (f.licensedFor) {
      const [category] = this.categoryIds([f.licensedFor.category], 'filter.licensedFor.category');
      const on = dateOrToday(f.licensedFor.on, 'filter.licensedFor.on');
      const covering = unique([
        ...this.catalog.categoryAndAncestors(category).map((c) => c.id),
        ...this.catalog.categoryAndDescendants(category).map((c) => c.id),
      ]);
      where.push(
        sql(
          `exists (select 1 from licence li join licence_category lc on lc.licence_id = li.id where li.organization_id = o.id` +
            ` and li.valid_from <= ?::date and (li.valid_until is null or li.valid_until >= ?::date) and lc.category_id = any(?::uuid[]))`,
          on,
          on,
          pgArray(covering),
        ),
      );
    }

    if (f.contractableFor) where.push(...contractableWhere(contractableRule(this.catalog, f.contractableFor, 'filter.contractableFor')));
    if (f.contractableNear) where.push(...contractableWhere(contractableRule(this.catalog, f.contractableNear, 'filter.contractableNear')));

    const knn = f.near ? { lat: f.near.lat, lng: f.near.lng, radiusKm: f.near.radiusKm } : undefined;
    const spatial = [f.near, f.bbox].filter(Boolean).length;
    const sitesOnly = spatial === 1 && where.length === 1 && siteWhere.length === 1;
    const probe = spatial > 0 || Boolean(f.contractableFor || f.contractableNear);
    const probeWhere = where.map((condition) => probes.get(condition) ?? condition);
    return { where, probeWhere, distance, siteWhere, nearJoin, nearCondition, knn, sitesOnly, probe };
  }

  async page(args: {
    filter?: OrganizationFilter | null;
    first: number;
    after?: string | null;
    orderBy?: OrganizationOrder | null;
    /** The language whose names NAME orders by (Albanian where a name is missing). */
    lang?: 'sq' | 'sr' | 'en' | null;
    /** SQL for each row's object over the alias (core/projection.ts compiles it from the selection); default just the id. */
    node?: (alias: string) => string;
  }): Promise<OrganizationPage> {
    const resolved = this.resolve(args.filter);
    const order = args.orderBy ?? (resolved.distance ? OrganizationOrder.DISTANCE : OrganizationOrder.NAME);
    if (order === OrganizationOrder.DISTANCE && !resolved.distance) {
      throw new UserInputError('orderBy DISTANCE needs filter.near: distances are measured from its point.', 'orderBy');
    }
    return organizationPage(this.em, resolved, { first: args.first, after: args.after, order, lang: args.lang ?? 'sq', node: args.node });
  }

  /** Every site of every matching organization (restricted to the sites that make it match), in one statement. */
  async mapPoints(
    filter: OrganizationFilter | null | undefined,
    lang: 'sq' | 'sr' | 'en',
    limit: number,
    /** The MapPoint fields asked for: the categories (a subquery per site) only when selected. */
    selected: (field: keyof MapPointRow) => boolean = () => true,
  ): Promise<MapPointRow[]> {
    const resolved = this.resolve(filter);
    const where = join([...resolved.where, ...resolved.siteWhere], ' and ');
    const nameColumn = lang === 'sq' ? 'o.name_sq' : `coalesce(o.name_${lang}, o.name_sq)`;
    const statement = sql(
      `select l.id as location_id, o.id as organization_id, ${nameColumn} as name, l.lat, l.lng, m.code as municipality_code,` +
        ` o.verification_status = 'VERIFIED' as verified, o.is_demo` +
        (selected('categoryCodes')
          ? `, array(select distinct c.code from service s join service_category_link sc on sc.service_id = s.id join service_category c on c.id = sc.category_id` +
            ` where s.organization_id = o.id and s.status = 'ACTIVE' order by c.code) as category_codes`
          : '') +
        ` from location l join organization o on o.id = l.organization_id join municipality m on m.id = l.municipality_id` +
        ` where ${where.text || 'true'} order by l.id limit ?`,
      ...where.params,
      limit,
    );
    const rows: Record<string, unknown>[] = await readQuery(this.em, statement.text, statement.params);
    return rows.map((r) => ({
      locationId: r.location_id as string,
      organizationId: r.organization_id as string,
      name: r.name as string,
      lat: Number(r.lat),
      lng: Number(r.lng),
      municipalityCode: r.municipality_code as string,
      categoryCodes: (r.category_codes as string[] | undefined) ?? [],
      verified: Boolean(r.verified),
      isDemo: Boolean(r.is_demo),
    }));
  }

  private categoryIds(codes: string[], field: string) {
    return codes.map((code) => this.catalog.category(code, field));
  }

  private targetGroupIds(codes: string[]): string[] {
    return codes.map((code) => this.catalog.targetGroup(code, 'filter.targetGroups').id);
  }

  private municipalityIds(codes: string[], field = 'filter.municipalities'): string[] {
    return codes.map((code) => this.catalog.municipality(code, field).id);
  }

  private municipalityIdsOfRegions(codes: string[]): string[] {
    return codes.flatMap((code) => this.catalog.municipalitiesOf(this.catalog.region(code, 'filter.regions')).map((m) => m.id));
  }
}

/** Whether one of the organization's own sites satisfies a condition on sites (alias l). */
function siteProbe(condition: Sql): Sql {
  return sql(`coalesce((select bool_or(${condition.text}) from location l where l.organization_id = o.id), false)`, ...condition.params);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
