import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldName, importBoundaries, toMultiPolygon } from '../../src/geography/boundaries-import';
import { createTestApi, type TestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
});
afterAll(() => db?.close());

const square = (lng: number, lat: number, d = 0.05) => [[[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]]];

const FILE = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { shapeName: 'Municipality of Pristina' }, geometry: { type: 'Polygon', coordinates: square(21.16, 42.66) } },
    { type: 'Feature', properties: { shapeName: 'Municipality of Fushe Kosove' }, geometry: { type: 'MultiPolygon', coordinates: [square(21.1, 42.63), square(21.12, 42.7, 0.01)] } },
    { type: 'Feature', properties: { shapeName: 'Atlantis' }, geometry: { type: 'Polygon', coordinates: square(0, 0) } },
    { type: 'Feature', properties: { shapeName: 'Municipality of Prizren' }, geometry: { type: 'Point', coordinates: [20.7, 42.2] } },
    { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(20, 42) } },
  ],
};

describe('boundaries import', () => {
  it('folds names for matching', () => {
    expect(foldName('Municipality of Fushë Kosovë')).toBe(foldName('Fushe   Kosove'));
    expect(foldName('Đakovica')).toBe('dakovica');
  });

  it('refuses geometries that are not polygons or have broken rings', () => {
    expect(toMultiPolygon({ type: 'Point', coordinates: [1, 2] })).toMatch(/not a Polygon/);
    expect(toMultiPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [0, 0]]] })).toMatch(/fewer than 4/);
    expect(toMultiPolygon({ type: 'Polygon', coordinates: [[[0, 0], [1, 100], [1, 0], [0, 0]]] })).toMatch(/outside/);
  });

  it('a dry run reports and writes nothing', async () => {
    const report = await importBoundaries(db.orm.em.fork(), FILE, { dryRun: true });
    expect(report.written).toBe(false);
    expect(report.matched.map((m) => m.municipality).sort()).toEqual(['fushe-kosove', 'prishtine']);
    const [{ n }] = await db.orm.em.fork().execute('select count(*)::int as n from municipality where boundary is not null');
    expect(n).toBe(0);
  });

  it('matches shapeName to municipalities, stores MultiPolygons, reports the rest', async () => {
    const report = await importBoundaries(db.orm.em.fork(), FILE);
    expect(report.written).toBe(true);
    expect(report.unmatchedFeatures.map((u) => [u.index, u.reason])).toEqual([
      [2, 'no municipality has this name'],
      [3, 'geometry type Point is not a Polygon or MultiPolygon'],
      [4, 'no properties.shapeName'],
    ]);
    expect(report.municipalitiesWithoutBoundary).toHaveLength(36);
    const result = await api.query('{ municipalities { code boundary } }');
    const byCode = new Map(result.data.municipalities.map((m: any) => [m.code, m.boundary]));
    expect((byCode.get('prishtine') as any).type).toBe('MultiPolygon');
    expect((byCode.get('fushe-kosove') as any).coordinates).toHaveLength(2);
    expect(byCode.get('prizren')).toBeNull();
  });

  it('refuses a file that is not a FeatureCollection', async () => {
    await expect(importBoundaries(db.orm.em.fork(), { type: 'Feature' })).rejects.toThrow(/not a GeoJSON FeatureCollection/);
  });
});
