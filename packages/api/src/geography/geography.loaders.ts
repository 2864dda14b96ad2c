import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { pgArray } from '../core/sql';

/** Municipality boundaries (large GeoJSON, kept out of the catalog): only for the municipalities asked for. */
export function createGeographyLoaders(em: EntityManager) {
  return {
    municipalityBoundary: new DataLoader<string, unknown>(async (municipalityIds) => {
      const rows: { id: string; boundary: unknown }[] = await em.execute('select id, boundary from municipality where id = any(?::uuid[])', [
        pgArray(municipalityIds),
      ]);
      const map = new Map(rows.map((r) => [r.id, r.boundary]));
      return municipalityIds.map((id) => map.get(id) ?? null);
    }),
  };
}

export type GeographyLoaders = ReturnType<typeof createGeographyLoaders>;
