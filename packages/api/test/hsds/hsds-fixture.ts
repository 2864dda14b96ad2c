import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../src/core/config';
import { hsdsRouter } from '../../src/hsds/hsds.router';
import { ReferenceCache } from '../../src/reference/reference-catalog';
import { createOrganizations } from '../support/fixtures';

export interface HsdsServer {
  url: string;
  get: (path: string) => Promise<{ status: number; body: any; text: string; contentType: string | null }>;
  close: () => Promise<void>;
}

/** The /hsds router alone on a free port, over the given database. */
export async function startHsdsServer(orm: MikroORM, options: { storeDocumentsAfterExport?: boolean } = {}): Promise<HsdsServer> {
  const app = express();
  const config = loadConfig({ DATABASE_URL: 'postgres://unused', PORT: '0' });
  app.use('/hsds', hsdsRouter({ orm, reference: new ReferenceCache(orm, 0), config, logger: pino({ level: 'silent' }), ...options }));
  const server = http.createServer(app);
  // Conformance tests compile schemas for seconds between requests: past Node's 5 s keep-alive the
  // server closes an idle socket just as fetch reuses it (ECONNRESET). Keep idle sockets longer.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hsds`;
  return {
    url,
    get: async (path: string) => {
      const res = await fetch(`${url}${path}`);
      const text = await res.text();
      let body: any = null;
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
      return { status: res.status, body, text, contentType: res.headers.get('content-type') };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * A registry exercising every mapped field: three organizations (one a demo), services with
 * categories, target groups, areas, languages, fees and capacity, sites with addresses, and a
 * revision by a named user.
 */
export async function createHsdsFixture(em: EntityManager) {
  const [qendra, shpresa, demo] = await createOrganizations(em, [
    {
      sq: 'Qendra për Mbrojtjen e Fëmijëve',
      sr: 'Centar za zaštitu dece',
      en: 'Centre for Child Protection',
      acronym: 'QMF',
      sites: [
        { municipality: 'prishtine', lat: 42.662, lng: 21.165 },
        { municipality: 'ferizaj', lat: 42.37, lng: 21.15 },
      ],
      services: [
        { name: 'Strehim për fëmijë', categories: ['residential.children'], targetGroups: ['children-without-parental-care'], area: ['prishtine', 'obiliq'], atSites: [0] },
        { name: 'Linjë ndihme për fëmijë', categories: ['counselling.helpline'], targetGroups: ['child-victims', 'youth'], area: ['ferizaj'], atSites: [0, 1] },
      ],
    },
    {
      sq: 'Shoqata Shpresa',
      sites: [{ municipality: 'prizren', lat: 42.21, lng: 20.74 }],
      services: [
        { name: 'Qendër ditore për të moshuarit', categories: ['day-care.elderly'], targetGroups: ['elderly'], area: ['prizren'], atSites: [0] },
        { name: 'Kujdes në shtëpi', categories: ['community.home-care'], status: 'INACTIVE' as any, atSites: [] },
      ],
    },
    {
      sq: 'Demo Qendra Ditore',
      isDemo: true,
      sites: [{ municipality: 'gjilan', lat: 42.46, lng: 21.47 }],
      services: [{ name: 'Demo shërbim', categories: ['day-care'], area: ['gjilan'], atSites: [0] }],
    },
  ]);
  await em.execute(`update service set updated_at = '2025-01-01T00:00:00Z'`);
  await em.execute(
    `update organization set description_sq = 'Mbron fëmijët.', description_en = 'Protects children.', registration_number = '5112345-6',
       registration_date = '2004-05-06', website = 'https://qmf.example.org', email = 'info@qmf.example.org', phone = '+383 38 123 456',
       year_founded = 2004, legal_form = 'FOUNDATION', public_benefit = true, staff_count = 12, volunteer_count = 30, budget_band = 'FROM_50K_TO_100K',
       funding_public_pct = 40, funding_foreign_pct = 50, funding_own_pct = 10, created_at = '2025-03-01T08:00:00.123Z', updated_at = '2026-02-01T08:00:00Z'
     where id = ?`,
    [qendra.id],
  );
  await em.execute(`update organization set website = 'not a url', email = 'broken@', updated_at = '2025-06-01T00:00:00Z' where id = ?`, [shpresa.id]);
  await em.execute(`update organization set updated_at = '2025-01-01T00:00:00Z', is_demo = true where id = ?`, [demo.id]);
  await em.execute(`update service set is_demo = true where organization_id = ?`, [demo.id]);
  await em.execute(`update location set is_demo = true where organization_id = ?`, [demo.id]);
  await em.execute(
    `update service set languages = '{sq,sr,en}', eligibility = 'Fëmijët nën 18 vjeç.', fee = 'FREE', capacity_per_year = 120, residential_places = 15,
       description_sq = 'Strehim i sigurt.', name_en = 'Shelter for children', updated_at = '2026-03-01T10:00:00Z'
     where organization_id = ? and name_sq = 'Strehim për fëmijë'`,
    [qendra.id],
  );
  await em.execute(`update service set fee = 'SLIDING_SCALE', updated_at = '2025-05-05T00:00:00Z' where organization_id = ?`, [shpresa.id]);
  await em.execute(`update location set address = 'Rr. Agim Ramadani 15', accessibility = 'Hyrje pa shkallë', opening_hours = 'E hënë–e premte 08:00–16:00' where organization_id = ?`, [qendra.id]);
  const [user] = await em.execute(
    `insert into app_user (id, email, display_name, password_hash, role) values (gen_random_uuid(), 'ana@example.org', 'Ana Krasniqi', 'x', 'EDITOR') returning id`,
  );
  await em.execute(
    `insert into revision (id, created_at, entity_type, entity_id, organization_id, author_id, action, changes) values
       (gen_random_uuid(), '2026-01-10T09:00:00.456Z', 'Organization', ?, ?, ?, 'UPDATE', ?::jsonb),
       (gen_random_uuid(), '2026-01-11T09:00:00Z', 'Organization', ?, ?, null, 'VERIFY', '[]'::jsonb)`,
    [
      qendra.id,
      qendra.id,
      user.id,
      JSON.stringify([
        { field: 'website', old: null, new: 'https://qmf.example.org' },
        { field: 'staffCount', old: 10, new: 12 },
      ]),
      qendra.id,
      qendra.id,
    ],
  );
  // A service's history: values that are objects and lists, three fields in one revision, two revisions in the same millisecond.
  const [shelter] = await em.execute(`select id from service where name_sq = 'Strehim për fëmijë'`);
  await em.execute(
    `insert into revision (id, created_at, entity_type, entity_id, organization_id, author_id, action, changes) values
       ('00000000-0000-4000-8000-0000000000b2', '2026-02-01T10:00:00.123456Z', 'Service', ?, ?, ?, 'UPDATE', ?::jsonb),
       ('00000000-0000-4000-8000-0000000000b1', '2026-02-01T10:00:00.123999Z', 'Service', ?, ?, null, 'CREATE', ?::jsonb)`,
    [
      shelter.id,
      qendra.id,
      user.id,
      JSON.stringify([
        { field: 'names', old: { sq: 'Strehim', sr: null, en: null }, new: { sq: 'Strehim për fëmijë', sr: null, en: 'Shelter for children' } },
        { field: 'categories', old: [], new: ['residential.children'] },
        { field: 'capacityPerYear', old: null, new: 120 },
      ]),
      shelter.id,
      qendra.id,
      JSON.stringify([{ field: 'status', old: null, new: 'ACTIVE' }]),
    ],
  );
  return { qendra, shpresa, demo };
}
