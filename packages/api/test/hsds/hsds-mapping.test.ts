import { describe, expect, it } from 'vitest';
import { HsdsMapper } from '../../src/hsds/hsds-mapping';
import { DEMO_NOTE, metadataEntries, SYSTEM_AUTHOR } from '../../src/hsds/hsds-metadata';
import { derivedId, uuidV5 } from '../../src/hsds/hsds-ids';
import { changeValue, HsdsOrganizationParser } from '../../src/hsds/hsds-parse';
import { parseDateTime, parseHsdsQuery } from '../../src/hsds/hsds-params';
import type { OrganizationBundle } from '../../src/hsds/hsds-records';
import { categoryTermId, HsdsVocabulary, TAXONOMIES } from '../../src/hsds/hsds-vocabulary';
import { ReferenceCatalog } from '../../src/reference/reference-catalog';

/** The mapping without a database: a small hand-made reference catalog. */
const names = (sq: string, en: string) => ({ sq, sr: null, en });
const region = { id: 'b0000000-0000-4000-8000-000000000001', code: 'prishtine', names: names('Prishtinë', 'Prishtina') };
const municipality = (id: string, code: string, sq: string, lat: number, lng: number) => ({
  id,
  code,
  names: names(sq, sq),
  region: { id: region.id },
  seatLat: lat,
  seatLng: lng,
});
const prishtine = municipality('c0000000-0000-4000-8000-000000000001', 'prishtine', 'Prishtinë', 42.667, 21.167);
const obiliq = municipality('c0000000-0000-4000-8000-000000000002', 'obiliq', 'Obiliq', 42.69, 21.078);
const parent = { id: 'd0000000-0000-4000-8000-000000000001', code: 'counselling', names: names('Këshillim', 'Counselling'), parent: null, position: 0 };
const child = { id: 'd0000000-0000-4000-8000-000000000002', code: 'counselling.family', names: names('Këshillim familjar', 'Family counselling'), parent: { id: parent.id }, position: 1 };
const youth = { id: 'e0000000-0000-4000-8000-000000000001', code: 'youth', names: names('Të rinj', 'Youth'), position: 0 };
const catalog = new ReferenceCatalog([region] as any, [prishtine, obiliq] as any, [parent, child] as any, [youth] as any, []);
const vocabulary = new HsdsVocabulary(catalog);
const mapper = new HsdsMapper(vocabulary);

const ORG = 'a0000000-0000-4000-8000-000000000001';
const SERVICE = 'a0000000-0000-4000-8000-000000000002';
const LOCATION = 'a0000000-0000-4000-8000-000000000003';
const SAL = 'a0000000-0000-4000-8000-000000000004';
const t = (iso: string) => new Date(iso);

function bundle(): OrganizationBundle {
  return {
    organization: {
      id: ORG,
      createdAt: t('2025-01-02T03:04:05.678Z'),
      updatedAt: t('2026-01-01T00:00:00Z'),
      names: { sq: 'Qendra', sr: 'Centar', en: null },
      acronym: 'QK',
      descriptions: { sq: 'Përshkrim', sr: null, en: 'Description' },
      legalForm: 'FOUNDATION',
      registrationNumber: '5112345-6',
      registrationDate: '2004-05-06',
      publicBenefit: true,
      website: 'https://example.org',
      email: 'info@example.org',
      phone: '+383 38 000 000',
      yearFounded: 2004,
      staffCount: 3,
      volunteerCount: null,
      budgetBand: 'UNDER_10K',
      fundingPublicPct: 60,
      fundingForeignPct: null,
      fundingOwnPct: 40,
      fundingOtherPct: null,
      status: 'INACTIVE',
      isDemo: true,
    },
    services: [
      {
        id: SERVICE,
        organizationId: ORG,
        createdAt: t('2025-01-02T03:04:05.678Z'),
        updatedAt: t('2026-02-03T04:05:06.789Z'),
        names: { sq: 'Këshillim', sr: null, en: 'Counselling' },
        descriptions: { sq: null, sr: null, en: null },
        languages: ['sq', 'en'],
        eligibility: 'Të gjithë',
        fee: 'SLIDING_SCALE',
        capacityPerYear: 200,
        residentialPlaces: null,
        status: 'ACTIVE',
        isDemo: true,
        categoryIds: [child.id],
        targetGroupIds: [youth.id],
        areaMunicipalityIds: [prishtine.id, obiliq.id],
      },
    ],
    locations: [
      {
        id: LOCATION,
        organizationId: ORG,
        createdAt: t('2025-01-02T03:04:05.678Z'),
        updatedAt: t('2025-01-02T03:04:05.678Z'),
        name: 'Zyra',
        address: null,
        municipalityId: prishtine.id,
        lat: 42.66,
        lng: 21.16,
        accessibility: null,
        openingHours: '08–16',
        isDemo: true,
      },
    ],
    serviceAtLocations: [{ id: SAL, serviceId: SERVICE, locationId: LOCATION, createdAt: t('2025-01-02T03:04:05.678Z'), updatedAt: t('2025-01-02T03:04:05.678Z') }],
    revisions: [
      {
        id: 'f0000000-0000-4000-8000-000000000001',
        createdAt: t('2025-06-01T00:00:00Z'),
        entityType: 'Organization',
        entityId: ORG,
        action: 'UPDATE',
        changes: [
          { field: 'names', old: { sq: 'Q' }, new: { sq: 'Qendra' } },
          { field: 'email', old: null, new: 'info@example.org' },
        ],
        authorName: 'Ana',
        reason: null,
      },
    ],
  };
}

describe('derived ids', () => {
  it('uuidV5 follows RFC 4122 (the DNS example)', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('the same owner and key always give the same id; different keys differ', () => {
    expect(derivedId(ORG, 'address')).toBe(derivedId(ORG.toUpperCase(), 'address'));
    expect(derivedId(ORG, 'address')).not.toBe(derivedId(ORG, 'phone'));
    expect(categoryTermId('youth')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('civimap to HSDS', () => {
  const full = mapper.organizationFull(bundle(), { fullServices: true }) as any;

  it('maps the organization, with the demo note, identifiers, funding and record attributes', () => {
    expect(Object.keys(full)).toEqual(['id', 'name', 'alternate_name', 'description', 'email', 'website', 'year_incorporated', 'legal_status', 'funding', 'phones', 'locations', 'organization_identifiers', 'attributes', 'metadata', 'services']);
    expect(full.description).toBe(`Përshkrim ${DEMO_NOTE}`);
    expect(full.legal_status).toBe('foundation');
    expect(full.funding.map((f: any) => f.source)).toEqual(['Public sources: 60%', 'Own revenue: 40%']);
    expect(full.attributes.map((a: any) => [a.link_type, a.value])).toEqual([
      ['demo', 'true'],
      ['name-sr', 'Centar'],
      ['description-en', 'Description'],
      ['organization-status', 'inactive'],
      ['public-benefit', 'true'],
      ['registration-date', '2004-05-06'],
      ['staff-count', '3'],
      ['budget-band', 'UNDER_10K'],
    ]);
  });

  it('maps services: areas sorted by code, languages, categories and target groups as taxonomy terms', () => {
    const service = full.services[0];
    expect(service.status).toBe('active');
    expect(service.fees_description).toBe('Sliding-scale fee, depending on income.');
    expect(service.service_areas.map((a: any) => a.uri)).toEqual(['urn:civimap:municipality:obiliq', 'urn:civimap:municipality:prishtine']);
    expect(service.languages.map((l: any) => l.name)).toEqual(['Albanian', 'English']);
    const category = service.attributes[0];
    expect(category).toMatchObject({ link_id: SERVICE, link_entity: 'service', link_type: TAXONOMIES.categories.code, taxonomy_term_id: categoryTermId('counselling.family') });
    expect(category.taxonomy_term.parent_id).toBe(categoryTermId('counselling'));
    expect(service.service_at_locations).toEqual([{ id: SAL, service_id: SERVICE, location_id: LOCATION, metadata: [expect.objectContaining({ last_action_type: 'create' })] }]);
  });

  it('maps locations with an address in Kosovo (municipality as city, region as state/province)', () => {
    expect(full.locations[0].addresses[0]).toMatchObject({ address_1: '', city: 'Prishtinë', state_province: 'Prishtinë', country: 'XK', postal_code: '' });
    expect(full.locations[0].schedules[0].description).toBe('08–16');
  });

  it('one metadata entry per changed field; the first carries the revision id', () => {
    expect(full.metadata).toEqual([
      expect.objectContaining({ id: 'f0000000-0000-4000-8000-000000000001', field_name: 'names', previous_value: '{"sq":"Q"}', replacement_value: '{"sq":"Qendra"}', updated_by: 'Ana' }),
      expect.objectContaining({ field_name: 'email', previous_value: '', replacement_value: 'info@example.org', last_action_type: 'update' }),
    ]);
    expect(metadataEntries('service', SERVICE, t('2025-01-01T00:00:00Z'), [])[0]).toMatchObject({ last_action_type: 'create', updated_by: SYSTEM_AUTHOR, last_action_date: '2025-01-01T00:00:00.000Z' });
  });

  it('leaves out what HSDS would refuse: an invalid email or website, empty optional fields', () => {
    const b = bundle();
    b.organization.email = 'not-an-email';
    b.organization.website = 'javascript:alert(1)';
    b.organization.isDemo = false;
    b.organization.descriptions.sq = null;
    const basic = mapper.organizationBasic(b.organization);
    expect(basic).not.toHaveProperty('email');
    expect(basic).not.toHaveProperty('website');
    expect(basic.description).toBe('');
  });
});

describe('HSDS to civimap', () => {
  const parser = new HsdsOrganizationParser(vocabulary, new Map(), () => t('2026-06-01T00:00:00Z'));

  it('reads back exactly what it writes (mapping it again gives the same JSON)', () => {
    const json = JSON.parse(JSON.stringify(mapper.organizationFull(bundle(), { fullServices: true })));
    const { parsed, errors } = parser.parse(json);
    expect(errors).toEqual([]);
    const again = mapper.organizationFull(parsed!.bundle, { fullServices: true });
    expect(JSON.stringify(again)).toBe(JSON.stringify(json));
    expect(parsed!.bundle.organization).toMatchObject({ isDemo: true, status: 'INACTIVE', descriptions: { sq: 'Përshkrim' }, fundingOwnPct: 40, budgetBand: 'UNDER_10K' });
    expect(parsed!.bundle.revisions).toEqual([
      expect.objectContaining({ id: 'f0000000-0000-4000-8000-000000000001', authorName: 'Ana', changes: [expect.objectContaining({ field: 'names' }), expect.objectContaining({ field: 'email', old: null })] }),
    ]);
  });

  it('finds terms by code and municipalities by name when ids are foreign', () => {
    const json: any = JSON.parse(JSON.stringify(mapper.organizationFull(bundle(), { fullServices: true })));
    const category = json.services[0].attributes[0];
    category.taxonomy_term_id = '11111111-1111-4111-8111-111111111111';
    category.taxonomy_term.id = '11111111-1111-4111-8111-111111111111';
    json.services[0].service_areas = [{ id: '22222222-2222-4222-8222-222222222222', name: 'Obiliq' }];
    const { parsed, errors } = parser.parse(json);
    expect(errors).toEqual([]);
    expect(parsed!.bundle.services[0].categoryIds).toEqual([child.id]);
    expect(parsed!.bundle.services[0].areaMunicipalityIds).toEqual([obiliq.id]);
  });
});

describe('change-log values', () => {
  it('canonical JSON objects, lists, numbers and booleans get their type back; other text stays text', () => {
    expect(changeValue('{"sq":"Q"}')).toEqual({ sq: 'Q' });
    expect(changeValue('["a","b"]')).toEqual(['a', 'b']);
    expect(changeValue('120')).toBe(120);
    expect(changeValue('true')).toBe(true);
    expect(changeValue('')).toBeNull();
    for (const text of ['ACTIVE', 'null', '"quoted"', '1e3', '007', '{ "sq": "Q" }', '{not json']) expect(changeValue(text), text).toBe(text);
  });
});

describe('query parameters', () => {
  it('pages default to 50 and are capped at 100', () => {
    expect(parseHsdsQuery({})).toMatchObject({ page: 1, perPage: 50, format: 'json', full: false });
    expect(() => parseHsdsQuery({ per_page: '101' })).toThrow(/per_page must be from 1 to 100/);
  });
  it('modified_after takes ISO dates and date-times, nothing else', () => {
    expect(parseDateTime('2026-01-31')?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(parseDateTime('2026-01-31T12:30:00+01:00')?.toISOString()).toBe('2026-01-31T11:30:00.000Z');
    expect(parseDateTime('2026-01-31T12:30')?.toISOString()).toBe('2026-01-31T12:30:00.000Z');
    for (const bad of ['2026-02-30', '31.01.2026', '2026-13-01', 'now', '']) expect(parseDateTime(bad), bad).toBeNull();
  });
});
