import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvTemplate } from '../../src/imports/csv-columns';
import { commitCsvImport, prepareCsvImport } from '../../src/imports/csv-import';
import { loadReferenceCatalog, type ReferenceCatalog } from '../../src/reference/reference-catalog';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let catalog: ReferenceCatalog;

beforeAll(async () => {
  db = await createTestDatabase();
  catalog = await loadReferenceCatalog(db.orm.em.fork());
  const [existing] = await createOrganizations(db.orm.em.fork(), [{ sq: 'Shoqata Ekzistuese', sites: [{ municipality: 'peje', lat: 42.66, lng: 20.29 }] }]);
  await db.orm.em.fork().execute(`update organization set registration_number = '5100000-1' where id = ?`, [existing.id]);
});
afterAll(() => db?.close());

const HEADER = CSV_COLUMNS.map((c) => c.name);
/** A row from named values; unnamed columns stay empty. */
function row(values: Record<string, string>): string {
  return HEADER.map((h) => {
    const v = values[h] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}
const file = (...rows: string[]) => [HEADER.join(','), ...rows].join('\n');
const GOOD = { name_sq: 'Qendra e Re', municipality: 'prishtine', service_name_sq: 'Këshillim', service_categories: 'counselling.family' };

async function counts() {
  const [c] = await db.orm.em.fork().execute(
    `select (select count(*) from organization)::int as organizations, (select count(*) from service)::int as services,
            (select count(*) from location)::int as locations, (select count(*) from licence)::int as licences`,
  );
  return c;
}

// Each broken row carries one kind of mistake; the expected code and column say what the report must name.
const BROKEN: [Record<string, string>, string, string | null][] = [
  [{ ...GOOD, name_sq: '' }, 'REQUIRED', 'name_sq'],
  [{ ...GOOD, name_sq: 'x'.repeat(301) }, 'TOO_LONG', 'name_sq'],
  [{ ...GOOD, legal_form: 'COOPERATIVE' }, 'INVALID_CHOICE', 'legal_form'],
  [{ ...GOOD, registration_date: '2020-02-30' }, 'INVALID_DATE', 'registration_date'],
  [{ ...GOOD, registration_date: '2999-01-01' }, 'IN_FUTURE', 'registration_date'],
  [{ ...GOOD, public_benefit: 'maybe' }, 'INVALID_BOOLEAN', 'public_benefit'],
  [{ ...GOOD, website: 'javascript:alert(1)' }, 'UNSAFE_URL', 'website'],
  [{ ...GOOD, website: 'not a url' }, 'INVALID_URL', 'website'],
  [{ ...GOOD, email: 'info@' }, 'INVALID_EMAIL', 'email'],
  [{ ...GOOD, phone: 'call me' }, 'INVALID_PHONE', 'phone'],
  [{ ...GOOD, year_founded: 'nineteen' }, 'NOT_A_NUMBER', 'year_founded'],
  [{ ...GOOD, year_founded: '1850' }, 'OUT_OF_RANGE', 'year_founded'],
  [{ ...GOOD, staff_count: '-3' }, 'OUT_OF_RANGE', 'staff_count'],
  [{ ...GOOD, status: 'DORMANT' }, 'INVALID_CHOICE', 'status'],
  [{ ...GOOD, municipality: '' }, 'REQUIRED', 'municipality'],
  [{ ...GOOD, municipality: 'Atlantis' }, 'UNKNOWN_MUNICIPALITY', 'municipality'],
  [{ ...GOOD, lat: '42.66' }, 'INCOMPLETE_POINT', 'lng'],
  [{ ...GOOD, lat: 'north', lng: '21.1' }, 'NOT_A_NUMBER', 'lat'],
  [{ ...GOOD, lat: '41.33', lng: '19.82' }, 'OUTSIDE_KOSOVO', 'lat'],
  [{ ...GOOD, lat: '42.21', lng: '20.74' }, 'OUTSIDE_MUNICIPALITY', 'lat'],
  [{ ...GOOD, service_categories: 'counselling.astrology' }, 'UNKNOWN_CODE', 'service_categories'],
  [{ ...GOOD, service_categories: '' }, 'REQUIRED', 'service_categories'],
  [{ ...GOOD, service_target_groups: 'aliens' }, 'UNKNOWN_CODE', 'service_target_groups'],
  [{ ...GOOD, service_area: 'prishtine;gotham' }, 'UNKNOWN_CODE', 'service_area'],
  [{ ...GOOD, service_capacity: '12.5' }, 'NOT_A_NUMBER', 'service_capacity'],
  [{ ...GOOD, service_fee: 'EXPENSIVE' }, 'INVALID_CHOICE', 'service_fee'],
  [{ name_sq: 'Pa Shërbim', municipality: 'prishtine', service_categories: 'counselling' }, 'REQUIRED', 'service_name_sq'],
  [{ ...GOOD, licence_categories: 'counselling', licence_valid_from: '2024-01-01' }, 'REQUIRED', 'licence_number'],
  [{ ...GOOD, licence_number: 'L-1', licence_categories: 'counselling', licence_valid_from: '2024-01-01', licence_valid_until: '2023-01-01' }, 'DATE_ORDER', 'licence_valid_until'],
  [{ ...GOOD, licence_number: 'L-2', licence_categories: 'counselling' }, 'REQUIRED', 'licence_valid_from'],
  [{ ...GOOD, description_sq: 'bad\u0007bell' }, 'CONTROL_CHARACTER', 'description_sq'],
  [{ ...GOOD, name_sq: 'Shoqata Tjetër', registration_number: '5100000-1' }, 'DUPLICATE_REGISTRATION', 'registration_number'],
  [{ ...GOOD, name_sq: 'Shoqata Ekzistuese', municipality: 'Pejë' }, 'DUPLICATE_NAME', 'name_sq'],
];

describe('CSV import', () => {
  it('the template has every documented column and parses back', () => {
    const [header, example] = parse(csvTemplate());
    expect(header).toEqual(HEADER);
    expect(example).toHaveLength(HEADER.length);
  });

  it(`reports ${BROKEN.length} kinds of mistakes per row and column, and a dry run writes nothing`, async () => {
    const before = await counts();
    const text = file(
      row({ ...GOOD, name_sq: 'Qendra Mirë 1', registration_number: 'R-1', lat: '42.66', lng: '21.16', licence_number: 'LIC-1', licence_categories: 'counselling', licence_valid_from: '2024-01-01' }),
      ...BROKEN.map(([values]) => row(values)),
      row({ ...GOOD, name_sq: 'Qendra Mirë 2', municipality: 'Gračanica' }),
      row({ ...GOOD, name_sq: 'qendra mirë 2', municipality: 'gracanice' }),
      `${row({ ...GOOD, name_sq: 'Me Tepër' })},extra,fields`,
    );
    const { report, rows } = await prepareCsvImport(db.orm.em.fork(), catalog, text);
    expect(report.fileErrors).toEqual([]);
    BROKEN.forEach(([, code, column], i) => {
      const reported = report.rows[i + 1];
      expect(reported.line, `line of mistake ${code}`).toBe(i + 3);
      expect(reported.status).not.toBe('valid');
      expect(reported.errors.map((e) => [e.code, e.column]), `row ${reported.line}`).toContainEqual([code, column]);
      expect(reported.errors.every((e) => e.message.length > 10)).toBe(true);
    });
    const kinds = new Set(BROKEN.map(([, code]) => code));
    expect(kinds.size).toBeGreaterThanOrEqual(20);
    const last = report.rows.slice(-3);
    expect(last[0].status).toBe('valid');
    expect(last[1].errors.map((e) => e.code)).toEqual(['DUPLICATE_IN_FILE']);
    expect(last[2].errors.map((e) => e.code)).toContain('TOO_MANY_FIELDS');
    expect(report.summary).toEqual({ total: BROKEN.length + 4, valid: 2, invalid: expect.any(Number), duplicates: 3 });
    expect(rows).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });

  it('file-level problems stop before any row', async () => {
    const missing = await prepareCsvImport(db.orm.em.fork(), catalog, 'name_sr,colour\nx,y\n');
    expect(missing.report.fileErrors.map((e) => e.code).sort()).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN', 'UNKNOWN_COLUMN']);
    expect((await prepareCsvImport(db.orm.em.fork(), catalog, '')).report.fileErrors[0].code).toBe('EMPTY_FILE');
    expect((await prepareCsvImport(db.orm.em.fork(), catalog, 'name_sq,municipality\n"unclosed,x\n')).report.fileErrors[0].code).toBe('MALFORMED_CSV');
  });

  it('commit writes every valid row with its site, service and licence, reporting progress', async () => {
    const before = await counts();
    const text = file(
      ...Array.from({ length: 7 }, (_, i) =>
        row({ ...GOOD, name_sq: `Organizata e Importuar ${i}`, lat: '42.65', lng: '21.15', licence_number: `LIC-${i}`, licence_categories: 'counselling', licence_valid_from: '2024-01-01' }),
      ),
      row({ ...GOOD, name_sq: '' }),
    );
    const prepared = await prepareCsvImport(db.orm.em.fork(), catalog, text);
    expect(prepared.report.summary.valid).toBe(7);
    const progress: number[] = [];
    await commitCsvImport(db.orm.em.fork(), prepared, { batchSize: 3, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual([3, 6, 7]);
    const after = await counts();
    expect(after.organizations - before.organizations).toBe(7);
    expect(after.services - before.services).toBe(7);
    expect(after.locations - before.locations).toBe(7);
    expect(after.licences - before.licences).toBe(7);
    // Imported again, the same rows are now duplicates.
    const again = await prepareCsvImport(db.orm.em.fork(), catalog, text);
    expect(again.report.summary.duplicates).toBe(7);
  });

  it('a failure during commit writes nothing at all', async () => {
    const before = await counts();
    const text = file(...Array.from({ length: 5 }, (_, i) => row({ ...GOOD, name_sq: `Gjysmë ${i}` })));
    const prepared = await prepareCsvImport(db.orm.em.fork(), catalog, text);
    await expect(
      commitCsvImport(db.orm.em.fork(), prepared, {
        batchSize: 2,
        onProgress: (done) => {
          if (done >= 4) throw new Error('operator pulled the plug');
        },
      }),
    ).rejects.toThrow(/pulled the plug/);
    expect(await counts()).toEqual(before);
  });
});
