import type { EntityManager } from '@mikro-orm/postgresql';
import { readQuery } from '../core/read';
import { pgArray } from '../core/sql';
import { haversineKm } from '../geography/geo';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { FullCoverage } from './coverage-full';
import type { CoverageCell, CoverageFilter, CoverageReport } from './coverage.types';

interface SummaryRow {
  category_id: string;
  municipality_id: string;
  providers: number;
  sites: number;
  nearest_lat: number | null;
  nearest_lng: number | null;
}

/**
 * Coverage per municipality and category from the summary (coverage-summary.ts): one statement over
 * at most two rows per cell (demo and real organizations). A target-group filter is computed from the
 * raw rows instead (FullCoverage): the summary does not split by target group.
 */
export class CoverageService {
  constructor(
    private readonly em: EntityManager,
    private readonly catalog: ReferenceCatalog,
  ) {}

  async report(filter: CoverageFilter | null | undefined, now = new Date()): Promise<CoverageReport> {
    const full = new FullCoverage(this.em, this.catalog);
    if (filter?.targetGroups?.length) return full.report(filter, now);
    const categories = full.categories(filter?.categories);
    const municipalities = full.municipalities(filter?.regions);
    const conditions = ['category_id = any(?::uuid[])'];
    if (filter?.includeDemo === false) conditions.push('not is_demo');
    const rows: SummaryRow[] = await readQuery(
      this.em,
      `select category_id, municipality_id, providers, sites, nearest_lat, nearest_lng from coverage_cell where ${conditions.join(' and ')}`,
      [pgArray(categories.map((c) => c.id))],
    );
    const byCell = new Map<string, SummaryRow[]>();
    for (const row of rows) {
      const key = `${row.category_id}/${row.municipality_id}`;
      const list = byCell.get(key);
      if (list) list.push(row);
      else byCell.set(key, [row]);
    }
    const cells: CoverageCell[] = [];
    for (const category of categories) {
      for (const municipality of municipalities) {
        let providers = 0;
        let sites = 0;
        let nearest: number | null = null;
        for (const row of byCell.get(`${category.id}/${municipality.id}`) ?? []) {
          providers += row.providers;
          sites += row.sites;
          if (row.nearest_lat === null || row.nearest_lng === null) continue;
          const km = haversineKm(municipality.seatLat, municipality.seatLng, row.nearest_lat, row.nearest_lng);
          if (nearest === null || km < nearest) nearest = km;
        }
        cells.push({
          municipality,
          category,
          providers,
          sites,
          providersPer10k: municipality.population > 0 ? (providers * 10_000) / municipality.population : 0,
          nearestSiteKm: nearest,
        });
      }
    }
    return { cells, gaps: cells.filter((c) => c.providers === 0), generatedAt: now };
  }
}
