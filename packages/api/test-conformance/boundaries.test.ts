import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { importBoundaries, type MultiPolygon } from '../src/geography/boundaries-import';
import { BUNDLED_ADM0, BUNDLED_ADM2, bundledBoundariesDir } from '../src/geography/bundled-boundaries';
import { checkPointInMunicipality, pointInMultiPolygon } from '../src/geography/point-in-municipality';
import { generateDemoData } from '../src/demo/demo-generator';
import { referenceDataDir } from '../src/reference/reference-data.seeder';
import { Municipality } from '../src/geography/municipality.entity';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';
import { boundariesDir } from './support/standards';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe('geoBoundaries ADM2 import', () => {
  it('matches all 38 municipalities, and every seat lies inside its own polygon', async () => {
    const file = JSON.parse(fs.readFileSync(path.join(boundariesDir(), 'geoBoundaries-XKX-ADM2_simplified.geojson'), 'utf8'));
    const report = await importBoundaries(db.orm.em.fork(), file);
    expect(report.unmatchedFeatures).toEqual([]);
    expect(report.matched).toHaveLength(38);
    expect(report.municipalitiesWithoutBoundary).toEqual([]);
    const municipalities = await db.orm.em.fork().find(Municipality, {}, { populate: ['boundary'] });
    expect(municipalities.filter((m) => m.boundary)).toHaveLength(38);
    const outside = municipalities.filter((m) => !checkPointInMunicipality(m.seatLat, m.seatLng, m).ok).map((m) => m.code);
    // Seats are town centres or polygon centroids: all must fall in their own municipality.
    expect(outside).toEqual([]);
  });
});

describe('the project’s copy of the boundaries and the seats', () => {
  it('carries the reference geoBoundaries files unchanged, with their attribution and licence beside them', () => {
    for (const file of [BUNDLED_ADM0, BUNDLED_ADM2]) {
      expect(fs.readFileSync(path.join(bundledBoundariesDir, file)).equals(fs.readFileSync(path.join(boundariesDir(), file))), file).toBe(true);
    }
    for (const note of ['README.md', 'LICENSE']) expect(fs.readFileSync(path.join(bundledBoundariesDir, note), 'utf8')).toMatch(/geoBoundaries; © OpenStreetMap contributors/);
  });

  it('has the reference seats (Fushë Kosovë corrected to 42.636, 21.096)', () => {
    const read = (file: string) => parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const seats = (rows: Record<string, string>[]) => Object.fromEntries(rows.map((r) => [r.code, [Number(r.seat_lat), Number(r.seat_lng)]]));
    const ours = seats(read(path.join(referenceDataDir, 'municipalities.csv')));
    expect(ours).toEqual(seats(read(path.join(boundariesDir(), '..', 'municipalities.csv'))));
    expect(ours['fushe-kosove']).toEqual([42.636, 21.096]);
  });
});

describe('demo data with the bundled boundaries (as on a first start)', () => {
  let withBoundaries: TestDatabase;
  beforeAll(async () => {
    withBoundaries = await createTestDatabase({ boundaries: true });
    await generateDemoData(withBoundaries.orm.em.fork(), { organizations: 300, seed: 20241 });
  });
  afterAll(() => withBoundaries?.close());

  it('places every demo site inside the polygon of the municipality it names (checked in JS and in PostgreSQL)', async () => {
    const em = withBoundaries.orm.em.fork();
    const municipalities = await em.find(Municipality, {}, { populate: ['boundary'] });
    const byId = new Map(municipalities.map((m) => [m.id, m]));
    const sites = await em.execute<{ lat: number; lng: number; municipality_id: string }[]>('select lat, lng, municipality_id from location where is_demo');
    expect(sites.length).toBeGreaterThan(300);
    const outside = sites.filter((s) => !pointInMultiPolygon(s.lng, s.lat, byId.get(s.municipality_id)!.boundary as MultiPolygon));
    expect(outside).toEqual([]);
    const [{ n }] = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from location l where l.is_demo and not exists (
         select 1 from municipality_ring o where o.municipality_id = l.municipality_id and o.ring_index = 0 and o.shape @> point(l.lng, l.lat)
           and not exists (select 1 from municipality_ring h where h.municipality_id = o.municipality_id and h.polygon_index = o.polygon_index and h.ring_index > 0 and h.shape @> point(l.lng, l.lat)))`,
    );
    expect(n).toBe(0);
  });
});
