import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../core/read';
import { haversineKm } from '../geography/geo';
import type { Municipality } from '../geography/municipality.entity';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { ServiceCategory } from '../taxonomy/service-category.entity';
import type { CoverageCell, CoverageFilter, CoverageReport } from './coverage.types';
import { pgArray } from '../core/sql';

/**
 * Coverage computed from the raw rows: the summary's reference (tests compare the two) and the path
 * for a target-group filter, which the summary does not split by. Two statements: the qualifying
 * services (with their categories and service areas) and the sites of the organizations that offer
 * them. Provider sets per cell, site counts and the distance from every seat to the nearest site are
 * computed here.
 */
type Site = { municipality_id: string; lat: number; lng: number };
type SiteColumns = { lats: number[]; lngs: number[]; municipality_ids: string[] };

/** Who provides each requested category: in each municipality (by a service area or a site), and anywhere. */
class ProviderSets {
  private readonly byCell = new Map<string, Map<string, Set<string>>>();
  readonly byRoot = new Map<string, Set<string>>();

  offers(root: string, organizationId: string): void {
    let orgs = this.byRoot.get(root);
    if (!orgs) this.byRoot.set(root, (orgs = new Set()));
    orgs.add(organizationId);
  }

  present(root: string, municipalityId: string, organizationId: string): void {
    let cells = this.byCell.get(root);
    if (!cells) this.byCell.set(root, (cells = new Map()));
    let orgs = cells.get(municipalityId);
    if (!orgs) cells.set(municipalityId, (orgs = new Set()));
    orgs.add(organizationId);
  }

  count(root: string, municipalityId: string): number {
    return this.byCell.get(root)?.get(municipalityId)?.size ?? 0;
  }

  /** Every organization that offers any requested category. */
  offering(): Set<string> {
    return new Set([...this.byRoot.values()].flatMap((orgs) => [...orgs]));
  }
}

export class FullCoverage {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ReferenceCatalog,
  ) {}

  async report(filter: CoverageFilter | null | undefined, now = new Date()): Promise<CoverageReport> {
    const categories = this.categories(filter?.categories);
    const municipalities = this.municipalities(filter?.regions);
    // Each requested category stands for itself and the categories below it: which requested
    // categories does a service's category count for?
    const rootsOf = new Map<string, string[]>();
    for (const category of categories) {
      for (const member of this.catalog.categoryAndDescendants(category)) rootsOf.set(member.id, [...(rootsOf.get(member.id) ?? []), category.id]);
    }
    const sets = await this.providerSets(filter, rootsOf);
    const sitesByOrganization = await this.sitesOf(filter, sets.offering());
    // A provider's sites make it present in their municipalities, and count towards the nearest site.
    const sitesByRoot = new Map<string, SiteColumns>();
    for (const [root, orgs] of sets.byRoot) {
      const sites: SiteColumns = { lats: [], lngs: [], municipality_ids: [] };
      for (const organizationId of orgs) {
        for (const site of sitesByOrganization.get(organizationId) ?? []) {
          sites.lats.push(site.lat);
          sites.lngs.push(site.lng);
          sites.municipality_ids.push(site.municipality_id);
          sets.present(root, site.municipality_id, organizationId);
        }
      }
      if (sites.lats.length) sitesByRoot.set(root, sites);
    }
    const cells: CoverageCell[] = [];
    for (const category of categories) {
      const sites = sitesByRoot.get(category.id);
      const sitesPerMunicipality = new Map<string, number>();
      for (const id of sites?.municipality_ids ?? []) sitesPerMunicipality.set(id, (sitesPerMunicipality.get(id) ?? 0) + 1);
      for (const municipality of municipalities) {
        const count = sets.count(category.id, municipality.id);
        cells.push({
          municipality,
          category,
          providers: count,
          sites: sitesPerMunicipality.get(municipality.id) ?? 0,
          providersPer10k: municipality.population > 0 ? (count * 10_000) / municipality.population : 0,
          nearestSiteKm: sites ? nearestKm(municipality, sites.lats, sites.lngs) : null,
        });
      }
    }
    return { cells, gaps: cells.filter((c) => c.providers === 0), generatedAt: now };
  }

  /**
   * The qualifying services' categories and service areas. The sets per cell are built here, which
   * costs far less than sorting and de-duplicating (category, organization, municipality) triples
   * for every requested category in SQL. Per organization, its (category, area municipality) pairs
   * come as one text: ten thousand short rows parse far faster than a hundred thousand tuples.
   */
  private async providerSets(filter: CoverageFilter | null | undefined, rootsOf: Map<string, string[]>): Promise<ProviderSets> {
    const targetGroupIds = (filter?.targetGroups ?? []).map((code) => this.catalog.targetGroup(code, 'filter.targetGroups').id);
    const conditions = [`s.status = 'ACTIVE'`, `o.status = 'ACTIVE'`];
    const params: unknown[] = [pgArray([...rootsOf.keys()])];
    if (filter?.includeDemo === false) conditions.push('not o.is_demo');
    if (targetGroupIds.length) {
      conditions.push('exists (select 1 from service_target_group st where st.service_id = s.id and st.target_group_id = any(?::uuid[]))');
      params.push(pgArray(targetGroupIds));
    }
    const serviceRows: { organization_id: string; pairs: string }[] = await readQuery(
      this.em,
      `select s.organization_id, string_agg(distinct sc.category_id::text || ':' || coalesce(sa.municipality_id::text, ''), ',') as pairs from service s` +
        ` join organization o on o.id = s.organization_id join service_category_link sc on sc.service_id = s.id` +
        ` left join service_area sa on sa.service_id = s.id where sc.category_id = any(?::uuid[]) and ${conditions.join(' and ')}` +
        ` group by s.organization_id`,
      params,
    );
    const sets = new ProviderSets();
    for (const row of serviceRows) {
      for (const pair of row.pairs.split(',')) {
        const [categoryId, municipalityId] = pair.split(':');
        for (const root of rootsOf.get(categoryId) ?? []) {
          sets.offers(root, row.organization_id);
          if (municipalityId) sets.present(root, municipalityId, row.organization_id);
        }
      }
    }
    return sets;
  }

  /**
   * The sites of the offering organizations. Sites of active organizations come one text per
   * organization ("municipality lat lng;..."); the offering set keeps those that matter, rather than
   * a list of thousands of ids in the statement.
   */
  private async sitesOf(filter: CoverageFilter | null | undefined, offering: Set<string>): Promise<Map<string, Site[]>> {
    const sitesByOrganization = new Map<string, Site[]>();
    if (!offering.size) return sitesByOrganization;
    const siteConditions = [`o.status = 'ACTIVE'`, ...(filter?.includeDemo === false ? ['not o.is_demo'] : [])];
    const packed: { organization_id: string; sites: string }[] = await readQuery(
      this.em,
      `select l.organization_id, string_agg(l.municipality_id::text || ' ' || l.lat::text || ' ' || l.lng::text, ';') as sites` +
        ` from location l join organization o on o.id = l.organization_id where ${siteConditions.join(' and ')} group by l.organization_id`,
    );
    for (const row of packed) {
      if (!offering.has(row.organization_id)) continue;
      sitesByOrganization.set(
        row.organization_id,
        row.sites.split(';').map((site) => {
          const [municipalityId, lat, lng] = site.split(' ');
          return { municipality_id: municipalityId, lat: Number(lat), lng: Number(lng) };
        }),
      );
    }
    return sitesByOrganization;
  }

  categories(codes: string[] | null | undefined): ServiceCategory[] {
    if (!codes?.length) return this.catalog.categories;
    return codes.map((code) => this.catalog.category(code, 'filter.categories'));
  }

  municipalities(regionCodes: string[] | null | undefined): Municipality[] {
    if (!regionCodes?.length) return this.catalog.municipalities;
    return regionCodes.flatMap((code) => this.catalog.municipalitiesOf(this.catalog.region(code, 'filter.regions')));
  }
}

/**
 * The nearest site to the seat. An equirectangular distance (no trigonometry per site) ranks the
 * sites; it is within 1% of the great-circle distance at Kosovo's scale, so only the sites within
 * 2% + 50 m of the best approximate one need the exact haversine.
 */
export function nearestKm(municipality: Municipality, lats: number[], lngs: number[]): number | null {
  if (!lats.length) return null;
  const cosLat = Math.cos((municipality.seatLat * Math.PI) / 180);
  const { seatLat, seatLng } = municipality;
  // Squared equirectangular distances in degrees: no square root or trigonometry per site.
  let best = Infinity;
  for (let i = 0; i < lats.length; i++) {
    const dx = (lngs[i] - seatLng) * cosLat;
    const dy = lats[i] - seatLat;
    const d2 = dx * dx + dy * dy;
    if (d2 < best) best = d2;
  }
  const kmPerDegree = 111.195;
  const bound = ((Math.sqrt(best) * kmPerDegree * 1.02 + 0.05) / kmPerDegree) ** 2;
  let exact = Infinity;
  for (let i = 0; i < lats.length; i++) {
    const dx = (lngs[i] - seatLng) * cosLat;
    const dy = lats[i] - seatLat;
    if (dx * dx + dy * dy <= bound) exact = Math.min(exact, haversineKm(seatLat, seatLng, lats[i], lngs[i]));
  }
  return exact;
}
