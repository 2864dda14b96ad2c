import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBoundaries } from '../src/geography/boundaries-import';
import { checkPointInMunicipality } from '../src/geography/point-in-municipality';
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
