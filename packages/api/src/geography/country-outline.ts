import type { EntityManager } from '@mikro-orm/postgresql';
import { type MultiPolygon, recordBoundaryImport, toMultiPolygon } from './boundaries-import';

/** The one country civimap maps (ISO 3166 user-assigned code XK, as the EU and IMF use). */
export const COUNTRY_CODE = 'XK';

export interface CountryRow {
  code: string;
  names: { sq: string; sr: string | null; en: string | null };
  outline: MultiPolygon | null;
}

/** Whether a GeoJSON FeatureCollection is a country outline (geoBoundaries ADM0) rather than municipalities. */
export function isCountryFile(geojson: unknown): boolean {
  const features = (geojson as { features?: { properties?: { shapeType?: unknown } }[] })?.features;
  return Array.isArray(features) && features.length > 0 && features.every((f) => f?.properties?.shapeType === 'ADM0');
}

/**
 * Stores the outline of a geoBoundaries ADM0 file (its polygons merged into one MultiPolygon) as the
 * country's, recording the import, in one transaction; throws with the reason when the file has none.
 */
export async function importCountryOutline(em: EntityManager, geojson: unknown, options: { dryRun?: boolean; source?: string } = {}): Promise<{ polygons: number; written: boolean }> {
  const collection = geojson as { type?: string; features?: { geometry?: unknown }[] };
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features) || collection.features.length === 0) {
    throw new Error('The file is not a GeoJSON FeatureCollection with features.');
  }
  const coordinates: MultiPolygon['coordinates'] = [];
  collection.features.forEach((feature, index) => {
    const geometry = toMultiPolygon(feature?.geometry);
    if (typeof geometry === 'string') throw new Error(`feature ${index}: ${geometry}`);
    coordinates.push(...geometry.coordinates);
  });
  if (options.dryRun) return { polygons: coordinates.length, written: false };
  await em.transactional(async (tx) => {
    await tx.execute('update country set outline = ?::jsonb, updated_at = now() where code = ?', [JSON.stringify({ type: 'MultiPolygon', coordinates }), COUNTRY_CODE]);
    await recordBoundaryImport(tx, 'ADM0', options.source ?? 'file', collection.features!.length);
  });
  return { polygons: coordinates.length, written: true };
}

export async function loadCountry(em: EntityManager): Promise<CountryRow | null> {
  const [row] = await em.execute<{ code: string; name_sq: string; name_sr: string | null; name_en: string | null; outline: unknown }[]>(
    'select code, name_sq, name_sr, name_en, outline from country where code = ?',
    [COUNTRY_CODE],
  );
  if (!row) return null;
  const outline = (typeof row.outline === 'string' ? JSON.parse(row.outline) : row.outline) as MultiPolygon | null;
  return { code: row.code, names: { sq: row.name_sq, sr: row.name_sr, en: row.name_en }, outline };
}
