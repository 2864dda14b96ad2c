import type { EntityManager } from '@mikro-orm/postgresql';
import { Municipality } from './municipality.entity';

type Position = [number, number];
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export interface BoundaryImportReport {
  matched: { shapeName: string; municipality: string }[];
  unmatchedFeatures: { index: number; shapeName: string | null; reason: string }[];
  municipalitiesWithoutBoundary: string[];
  written: boolean;
}

/** Case, spacing and diacritics folded, so "Fushë Kosovë" and "Fushe Kosove" match. */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/^municipality of\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function validRing(ring: unknown): ring is Position[] {
  return (
    Array.isArray(ring) &&
    ring.length >= 4 &&
    ring.every(
      (p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90,
    )
  );
}

/** Polygon or MultiPolygon geometry as a MultiPolygon, or a reason why not. */
export function toMultiPolygon(geometry: unknown): MultiPolygon | string {
  const g = geometry as { type?: string; coordinates?: unknown };
  if (!g || typeof g !== 'object') return 'the feature has no geometry';
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : null;
  if (!Array.isArray(polygons)) return `geometry type ${String(g.type)} is not a Polygon or MultiPolygon`;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0 || !polygon.every(validRing)) {
      return 'a ring has fewer than 4 positions or a position outside longitude/latitude ranges';
    }
  }
  return {
    type: 'MultiPolygon',
    coordinates: (polygons as Position[][][]).map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => [lng, lat] as Position))),
  };
}

/** Notes an import (in the caller's transaction), so the bundled files are imported on first start only. */
export async function recordBoundaryImport(em: EntityManager, level: 'ADM0' | 'ADM2', source: string, features: number): Promise<void> {
  await em.execute('insert into boundary_import (level, source, features) values (?, ?, ?)', [level, source.slice(0, 500), features]);
}

/**
 * Loads municipality polygons from a geoBoundaries ADM2 GeoJSON: each feature's `shapeName` is matched
 * to a municipality's boundary shape name (or its names in three languages). All matched boundaries are
 * written in one transaction with a row in `boundary_import`, or none when `dryRun`. Municipalities the
 * file does not name keep the boundary they had.
 */
export async function importBoundaries(em: EntityManager, geojson: unknown, options: { dryRun?: boolean; source?: string } = {}): Promise<BoundaryImportReport> {
  const collection = geojson as { type?: string; features?: unknown[] };
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error('The file is not a GeoJSON FeatureCollection.');
  }
  const municipalities = await em.find(Municipality, {});
  const byName = new Map<string, Municipality>();
  for (const m of municipalities) {
    for (const name of [m.boundaryShapeName, m.names.sq, m.names.sr, m.names.en]) if (name) byName.set(foldName(name), m);
  }
  const report: BoundaryImportReport = { matched: [], unmatchedFeatures: [], municipalitiesWithoutBoundary: [], written: false };
  const boundaries = new Map<Municipality, MultiPolygon>();
  collection.features.forEach((feature, index) => {
    const f = feature as { properties?: { shapeName?: unknown }; geometry?: unknown };
    const shapeName = typeof f?.properties?.shapeName === 'string' ? f.properties.shapeName : null;
    if (!shapeName) return void report.unmatchedFeatures.push({ index, shapeName, reason: 'no properties.shapeName' });
    const municipality = byName.get(foldName(shapeName));
    if (!municipality) return void report.unmatchedFeatures.push({ index, shapeName, reason: 'no municipality has this name' });
    if (boundaries.has(municipality)) return void report.unmatchedFeatures.push({ index, shapeName, reason: `a second feature for ${municipality.code}` });
    const geometry = toMultiPolygon(f.geometry);
    if (typeof geometry === 'string') return void report.unmatchedFeatures.push({ index, shapeName, reason: geometry });
    boundaries.set(municipality, geometry);
    report.matched.push({ shapeName, municipality: municipality.code });
  });
  report.municipalitiesWithoutBoundary = municipalities.filter((m) => !boundaries.has(m)).map((m) => m.code).sort();
  if (!options.dryRun && boundaries.size) {
    await em.transactional(async (tx) => {
      for (const [municipality, geometry] of boundaries) {
        await tx.nativeUpdate(Municipality, { id: municipality.id }, { boundary: geometry });
      }
      await recordBoundaryImport(tx, 'ADM2', options.source ?? 'file', boundaries.size);
    });
    report.written = true;
  }
  return report;
}
