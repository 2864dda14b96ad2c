import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../db/read';
import { haversineKm } from '../geography/geo';
import type { Municipality } from '../geography/municipality.entity';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { ServiceCategory } from '../taxonomy/service-category.entity';
import type { CoverageCell, CoverageFilter, CoverageReport } from './coverage.types';

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Coverage per municipality and category, in two statements: provider counts per cell from the
 * service areas and sites, and the sites of the organizations offering each category, from which the
 * site counts and the distance from every seat to the nearest site are computed here.
 */
export class CoverageService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ReferenceCatalog,
  ) {}

  async report(filter: CoverageFilter | null | undefined, now = new Date()): Promise<CoverageReport> {
    const categories = this.categories(filter?.categories);
    const municipalities = this.municipalities(filter?.regions);
    const targetGroupIds = (filter?.targetGroups ?? []).map((code) => this.catalog.targetGroup(code, 'filter.targetGroups').id);

    // Each requested category stands for itself and the categories below it.
    const roots: string[] = [];
    const members: string[] = [];
    for (const category of categories) {
      for (const member of this.catalog.categoryAndDescendants(category)) {
        roots.push(category.id);
        members.push(member.id);
      }
    }
    const conditions = [`s.status = 'ACTIVE'`, `o.status = 'ACTIVE'`];
    const params: unknown[] = [uuidArray(roots), uuidArray(members)];
    if (filter?.includeDemo === false) conditions.push('not o.is_demo');
    if (targetGroupIds.length) {
      conditions.push('exists (select 1 from service_target_group st where st.service_id = s.id and st.target_group_id = any(?::uuid[]))');
      params.push(uuidArray(targetGroupIds));
    }
    const qualifying =
      `with c as (select * from unnest(?::uuid[], ?::uuid[]) as c(root_id, category_id)),` +
      ` q as (select distinct c.root_id, s.id as service_id, s.organization_id from service s` +
      ` join organization o on o.id = s.organization_id join service_category_link sc on sc.service_id = s.id` +
      ` join c on c.category_id = sc.category_id where ${conditions.join(' and ')})`;

    const providerRows: { root_id: string; municipality_id: string; providers: number }[] = await readQuery(this.em, 
      `${qualifying}, presence as (` +
        ` select q.root_id, q.organization_id, sa.municipality_id from q join service_area sa on sa.service_id = q.service_id` +
        ` union select q.root_id, q.organization_id, l.municipality_id from q join location l on l.organization_id = q.organization_id)` +
        ` select root_id, municipality_id, count(distinct organization_id)::int as providers from presence group by root_id, municipality_id`,
      params,
    );
    const siteRows: { root_id: string; lats: number[]; lngs: number[]; municipality_ids: string[] }[] = await readQuery(this.em, 
      `${qualifying}, ro as (select distinct root_id, organization_id from q)` +
        ` select ro.root_id, array_agg(l.lat) as lats, array_agg(l.lng) as lngs, array_agg(l.municipality_id) as municipality_ids` +
        ` from ro join location l on l.organization_id = ro.organization_id group by ro.root_id`,
      params,
    );

    const providers = new Map(providerRows.map((r) => [`${r.root_id}/${r.municipality_id}`, r.providers]));
    const sitesByRoot = new Map(siteRows.map((r) => [r.root_id, r]));
    const cells: CoverageCell[] = [];
    for (const category of categories) {
      const sites = sitesByRoot.get(category.id);
      const sitesPerMunicipality = new Map<string, number>();
      for (const id of sites?.municipality_ids ?? []) sitesPerMunicipality.set(id, (sitesPerMunicipality.get(id) ?? 0) + 1);
      for (const municipality of municipalities) {
        const count = providers.get(`${category.id}/${municipality.id}`) ?? 0;
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

  private categories(codes: string[] | null | undefined): ServiceCategory[] {
    if (!codes?.length) return this.catalog.categories;
    return codes.map((code) => this.catalog.category(code, 'filter.categories'));
  }

  private municipalities(regionCodes: string[] | null | undefined): Municipality[] {
    if (!regionCodes?.length) return this.catalog.municipalities;
    return regionCodes.flatMap((code) => this.catalog.municipalitiesOf(this.catalog.region(code, 'filter.regions')));
  }
}

/**
 * The nearest site to the seat. An equirectangular distance (no trigonometry per site) ranks the
 * sites; it is within 1% of the great-circle distance at Kosovo's scale, so only the sites within
 * 2% + 50 m of the best approximate one need the exact haversine.
 */
function nearestKm(municipality: Municipality, lats: number[], lngs: number[]): number | null {
  if (!lats.length) return null;
  const kmPerDegree = 111.195;
  const cosLat = Math.cos((municipality.seatLat * Math.PI) / 180);
  const approx = new Float64Array(lats.length);
  let best = Infinity;
  for (let i = 0; i < lats.length; i++) {
    const dx = (lngs[i] - municipality.seatLng) * cosLat;
    const dy = lats[i] - municipality.seatLat;
    approx[i] = Math.sqrt(dx * dx + dy * dy) * kmPerDegree;
    if (approx[i] < best) best = approx[i];
  }
  let exact = Infinity;
  const bound = best * 1.02 + 0.05;
  for (let i = 0; i < lats.length; i++) {
    if (approx[i] <= bound) exact = Math.min(exact, haversineKm(municipality.seatLat, municipality.seatLng, lats[i], lngs[i]));
  }
  return exact;
}
