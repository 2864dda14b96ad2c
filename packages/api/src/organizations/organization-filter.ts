import { join, pgArray, type Sql, sql } from '../core/sql';
import { boxAround, haversineSql, siteBandsSql, withinRadiusSql } from '../geography/geo';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { contractableRule, contractableWhere } from './contractable-rule';
import { dateOrToday, textConditions, validBox, validNear } from './filter-values';
import type { ResolvedFilter } from './organization-page';
import { type BBoxInput, type NearInput, OrganizationFilter } from './organization.inputs';

/**
 * Turns an OrganizationFilter into SQL over the registry tables. Every list filter is an EXISTS
 * over indexed pivot tables; text uses the trigram index on the folded names, bbox and near use the
 * GiST index on the sites' points. The conditions are added in one fixed order, filter by filter:
 * the statements' texts (and so their plans and the statement budgets) depend on it.
 */
export function resolveOrganizationFilter(catalog: ReferenceCatalog, filter: OrganizationFilter | null | undefined): ResolvedFilter {
  const f = filter ?? new OrganizationFilter();
  const conditions = new FilterConditions(catalog);
  conditions.addRecord(f);
  conditions.addText(f.text);
  conditions.addServices(f);
  conditions.addPlaces(f);
  if (f.bbox) conditions.addBox(f.bbox);
  if (f.near) conditions.addNear(f.near);
  if (f.licensedFor) conditions.addLicensedFor(f.licensedFor);
  if (f.contractableFor) conditions.addContractable(f.contractableFor, 'filter.contractableFor');
  if (f.contractableNear) conditions.addContractable(f.contractableNear, 'filter.contractableNear');
  return conditions.resolved(f);
}

class FilterConditions {
  readonly where: Sql[] = [];
  readonly siteWhere: Sql[] = [];
  /** The condition of the last near or bbox for the band index (ResolvedFilter.sitesCount). */
  private sitesCount: Sql | undefined;
  /** Per-organization forms of the site conditions, for plans that test organizations one by one. */
  private readonly probes = new Map<Sql, Sql>();
  private distance: Sql | undefined;
  private nearJoin: ResolvedFilter['nearJoin'];
  private nearCondition: Sql | undefined;
  /** Contractable rules by municipality (from service_reach) and by a point. */
  private readonly contractable = { inMunicipality: 0, nearPoint: 0 };

  constructor(private readonly catalog: ReferenceCatalog) {}

  addRecord(f: OrganizationFilter): void {
    if (f.includeDemo === false) this.where.push(sql('not o.is_demo'));
    if (f.status?.length) this.where.push(sql('o.status = any(?::text[])', pgArray(f.status)));
    if (f.verified !== null && f.verified !== undefined) {
      this.where.push(sql('o.verification_status = ?', f.verified ? 'VERIFIED' : 'UNVERIFIED'));
    }
  }

  /** Every word must occur in the folded names (any language, acronym). */
  addText(text: string | null | undefined): void {
    if (text === null || text === undefined) return;
    this.where.push(...textConditions(text, 'filter.text'));
  }

  /** An active service in one of the categories (or below) and for one of the target groups. */
  addServices(f: OrganizationFilter): void {
    const categoryIds = f.categories?.length
      ? this.categoryIds(f.categories, 'filter.categories').flatMap((c) => this.catalog.categoryAndDescendants(c).map((d) => d.id))
      : [];
    const targetGroupIds = f.targetGroups?.length ? f.targetGroups.map((code) => this.catalog.targetGroup(code, 'filter.targetGroups').id) : [];
    if (!categoryIds.length && !targetGroupIds.length) return;
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
    this.where.push(sql(`exists (select 1 from service s where ${inner.text})`, ...inner.params));
  }

  /** Regions, then municipalities: a site there or an active service serving there. */
  addPlaces(f: OrganizationFilter): void {
    for (const municipalityIds of [
      f.regions?.length ? f.regions.flatMap((code) => this.catalog.municipalitiesOf(this.catalog.region(code, 'filter.regions')).map((m) => m.id)) : null,
      f.municipalities?.length ? this.municipalityIds(f.municipalities, 'filter.municipalities') : null,
    ]) {
      if (!municipalityIds) continue;
      const ids = pgArray(municipalityIds);
      this.where.push(
        sql(
          `(exists (select 1 from location l where l.organization_id = o.id and l.municipality_id = any(?::uuid[]))` +
            ` or exists (select 1 from service s join service_area sa on sa.service_id = s.id where s.organization_id = o.id and s.status = 'ACTIVE' and sa.municipality_id = any(?::uuid[])))`,
          ids,
          ids,
        ),
      );
      this.siteWhere.push(sql('l.municipality_id = any(?::uuid[])', ids));
    }
  }

  addBox(bbox: BBoxInput): void {
    const box = validBox(bbox);
    const inBox = sql('point(l.lng, l.lat) <@ box(point(?, ?), point(?, ?))', box.minLng, box.minLat, box.maxLng, box.maxLat);
    const condition = sql(`exists (select 1 from location l where l.organization_id = o.id and ${inBox.text})`, ...inBox.params);
    this.where.push(condition);
    this.probes.set(condition, siteProbe(inBox));
    this.siteWhere.push(inBox);
    this.sitesCount = siteBandsSql('l', box) ?? inBox;
  }

  /** A site within the radius; the distance to the nearest such site orders by DISTANCE. */
  addNear(input: NearInput): void {
    const near = validNear(input);
    const box = boxAround(near.lat, near.lng, near.radiusKm);
    const inBox = sql('point(l.lng, l.lat) <@ box(point(?, ?), point(?, ?))', box.minLng, box.minLat, box.maxLng, box.maxLat);
    const dist = sql(haversineSql('l'), near.lat, near.lat, near.lng);
    const within = withinRadiusSql('l', near.lat, near.lng, near.radiusKm);
    this.nearCondition = sql(`exists (select 1 from location l where l.organization_id = o.id and ${within.text})`, ...within.params);
    this.where.push(this.nearCondition);
    this.probes.set(this.nearCondition, siteProbe(within));
    this.siteWhere.push(within);
    this.sitesCount = withinRadiusSql('l', near.lat, near.lng, near.radiusKm, 'bands');
    this.distance = sql(`(select min(${dist.text}) from location l where l.organization_id = o.id and ${inBox.text})`, ...dist.params, ...inBox.params);
    // The same minimum per organization; the where condition above still decides which ones match.
    this.nearJoin = {
      join: sql(
        `join (select l.organization_id, min(${dist.text}) as km from location l where ${inBox.text} group by l.organization_id) nd on nd.organization_id = o.id`,
        ...dist.params,
        ...inBox.params,
      ),
      distance: sql('nd.km'),
    };
  }

  /** A licence valid on the date for the category, a category above it or one below it. */
  addLicensedFor(licensedFor: NonNullable<OrganizationFilter['licensedFor']>): void {
    const [category] = this.categoryIds([licensedFor.category], 'filter.licensedFor.category');
    const on = dateOrToday(licensedFor.on, 'filter.licensedFor.on');
    const covering = unique([...this.catalog.categoryAndAncestors(category).map((c) => c.id), ...this.catalog.categoryAndDescendants(category).map((c) => c.id)]);
    this.where.push(
      sql(
        `exists (select 1 from licence li join licence_category lc on lc.licence_id = li.id where li.organization_id = o.id` +
          ` and li.valid_from <= ?::date and (li.valid_until is null or li.valid_until >= ?::date) and lc.category_id = any(?::uuid[]))`,
        on,
        on,
        pgArray(covering),
      ),
    );
  }

  /** Contractable (organizations/contractable-rule.ts) in a municipality or near a point. */
  addContractable(args: NonNullable<OrganizationFilter['contractableFor'] | OrganizationFilter['contractableNear']>, field: string): void {
    const rule = contractableRule(this.catalog, args, field);
    if (rule.municipalityId) this.contractable.inMunicipality++;
    else this.contractable.nearPoint++;
    this.where.push(...contractableWhere(rule));
  }

  resolved(f: OrganizationFilter): ResolvedFilter {
    const { where, siteWhere, distance, nearJoin, nearCondition } = this;
    const knn = f.near ? { lat: f.near.lat, lng: f.near.lng, radiusKm: f.near.radiusKm } : undefined;
    const spatial = [f.near, f.bbox].filter(Boolean).length;
    const sitesOnly = spatial === 1 && where.length === 1 && siteWhere.length === 1;
    const probe = spatial > 0 || Boolean(f.contractableFor || f.contractableNear);
    const collectAndCount = spatial === 0 && this.contractable.nearPoint === 0 && this.contractable.inMunicipality > 0;
    const probeWhere = where.map((condition) => this.probes.get(condition) ?? condition);
    const sitesCount = sitesOnly ? this.sitesCount : undefined;
    return { where, probeWhere, distance, siteWhere, sitesCount, nearJoin, nearCondition, knn, sitesOnly, probe, collectAndCount };
  }

  private categoryIds(codes: string[], field: string) {
    return codes.map((code) => this.catalog.category(code, field));
  }

  private municipalityIds(codes: string[], field: string): string[] {
    return codes.map((code) => this.catalog.municipality(code, field).id);
  }
}

/** Whether one of the organization's own sites satisfies a condition on sites (alias l). */
function siteProbe(condition: Sql): Sql {
  return sql(`coalesce((select bool_or(${condition.text}) from location l where l.organization_id = o.id), false)`, ...condition.params);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
