import type { EntityManager } from '@mikro-orm/postgresql';
import type { Snapshot } from './revision.service';
import { LocalizedText, OptionalLocalizedText } from '../core/localized-text';
import { Municipality } from '../geography/municipality.entity';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import { Service } from '../services/service.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';

/** What reading and writing fields needs besides the entity: the transaction, the catalog, related ids. */
export interface FieldContext {
  tx: EntityManager;
  catalog: ReferenceCatalog;
  /** Service only: the ids of the locations where it is delivered. */
  locationIds?: string[];
}

interface FieldDef<E> {
  get: (entity: E, ctx: FieldContext) => unknown;
  /** Absent for fields that only the system sets (verification): they are audited but never patched or reverted. */
  set?: (entity: E, value: any, ctx: FieldContext) => void | Promise<void>;
}

/**
 * The audited, editable shape of an entity type: the same field names are used by the patches that
 * mutations apply, by the snapshots the revision service diffs, and by revert, which applies the
 * old values of a revision as a patch.
 */
export interface EntitySpec<E extends { id: string; version: number }> {
  entityType: string;
  entityClass: new () => E;
  /** A human name for messages. */
  label: string;
  populate: string[];
  organizationIdOf: (entity: E) => string;
  fields: Record<string, FieldDef<E>>;
  prepare?: (entity: E, ctx: FieldContext) => Promise<void>;
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const nul = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function localizedFields<E>(prefix: string, get: (e: E) => LocalizedText | OptionalLocalizedText, make: (e: E) => LocalizedText | OptionalLocalizedText) {
  const fields: Record<string, FieldDef<E>> = {};
  for (const lang of ['sq', 'sr', 'en'] as const) {
    fields[`${prefix}.${lang}`] = {
      get: (e) => nul(get(e)?.[lang]),
      set: (e, v) => {
        make(e)[lang] = v;
      },
    };
  }
  return fields;
}

function scalar<E, K extends keyof E>(key: K): FieldDef<E> {
  return { get: (e) => nul(e[key]), set: (e, v) => void (e[key] = v) };
}

/** The names and descriptions of organizations and services, created on first write. */
const namesOf = <E extends { names: LocalizedText }>(e: E) => (e.names ??= new LocalizedText());
const descriptionsOf = <E extends { descriptions: OptionalLocalizedText }>(e: E) => (e.descriptions ??= new OptionalLocalizedText());

function codesOf(ids: string[], byId: Map<string, { code: string }>): string[] {
  return ids.map((id) => byId.get(id)?.code ?? id).sort();
}

export const organizationSpec: EntitySpec<Organization> = {
  entityType: 'Organization',
  entityClass: Organization,
  label: 'organization',
  populate: [],
  organizationIdOf: (o) => o.id,
  fields: {
    ...localizedFields<Organization>('names', (o) => o.names, namesOf),
    acronym: scalar('acronym'),
    ...localizedFields<Organization>('descriptions', (o) => o.descriptions, descriptionsOf),
    legalForm: scalar('legalForm'),
    registrationNumber: scalar('registrationNumber'),
    registrationDate: scalar('registrationDate'),
    publicBenefit: scalar('publicBenefit'),
    website: scalar('website'),
    email: scalar('email'),
    phone: scalar('phone'),
    socialLinks: { get: (o) => [...(o.socialLinks ?? [])], set: (o, v) => void (o.socialLinks = v ?? []) },
    yearFounded: scalar('yearFounded'),
    staffCount: scalar('staffCount'),
    volunteerCount: scalar('volunteerCount'),
    budgetBand: scalar('budgetBand'),
    'fundingMix.publicSources': scalar('fundingPublicPct'),
    'fundingMix.foreignDonors': scalar('fundingForeignPct'),
    'fundingMix.ownRevenue': scalar('fundingOwnPct'),
    'fundingMix.other': scalar('fundingOtherPct'),
    status: scalar('status'),
    verificationStatus: { get: (o) => o.verificationStatus },
    verifiedAt: { get: (o) => iso(o.verifiedAt) },
    verifiedBy: { get: (o) => o.verifiedBy?.id ?? null },
    lastConfirmedAt: { get: (o) => iso(o.lastConfirmedAt) },
  },
};

/** Changing any of these means the verified identity of the organization may no longer hold. */
export const REGISTRATION_FIELDS = ['names.sq', 'names.sr', 'names.en', 'registrationNumber', 'registrationDate', 'legalForm'];

export const serviceSpec: EntitySpec<Service> = {
  entityType: 'Service',
  entityClass: Service,
  label: 'service',
  populate: ['categories', 'targetGroups', 'serviceArea'],
  organizationIdOf: (s) => s.organization.id,
  prepare: async (service, ctx) => {
    ctx.locationIds = (await ctx.tx.find(ServiceAtLocation, { service: service.id }, { fields: ['location'] })).map((l) => l.location.id).sort();
  },
  fields: {
    ...localizedFields<Service>('names', (s) => s.names, namesOf),
    ...localizedFields<Service>('descriptions', (s) => s.descriptions, descriptionsOf),
    categories: {
      get: (s, { catalog }) => codesOf(s.categories.getIdentifiers() as string[], catalog.categoriesById),
      set: (s, codes: string[], { tx, catalog }) => s.categories.set(codes.map((c) => tx.getReference(ServiceCategory, catalog.categoriesByCode.get(c)!.id))),
    },
    targetGroups: {
      get: (s, { catalog }) => codesOf(s.targetGroups.getIdentifiers() as string[], catalog.targetGroupsById),
      set: (s, codes: string[], { tx, catalog }) => s.targetGroups.set(codes.map((c) => tx.getReference(TargetGroup, catalog.targetGroupsByCode.get(c)!.id))),
    },
    serviceArea: {
      get: (s, { catalog }) => codesOf(s.serviceArea.getIdentifiers() as string[], catalog.municipalitiesById),
      set: (s, codes: string[], { tx, catalog }) =>
        s.serviceArea.set(codes.map((c) => tx.getReference(Municipality, catalog.municipalitiesByCode.get(c)!.id))),
    },
    languages: { get: (s) => [...(s.languages ?? [])], set: (s, v) => void (s.languages = v ?? []) },
    eligibility: scalar('eligibility'),
    fee: scalar('fee'),
    capacity: scalar('capacityPerYear'),
    residentialPlaces: scalar('residentialPlaces'),
    status: scalar('status'),
    locations: {
      get: (_s, ctx) => [...(ctx.locationIds ?? [])],
      set: async (s, ids: string[], ctx) => {
        const wanted = new Set(ids);
        // A new service has no links yet; asking would flush it half-built.
        const links = ctx.locationIds?.length ? await ctx.tx.find(ServiceAtLocation, { service: s.id }) : [];
        for (const link of links) if (!wanted.has(link.location.id)) ctx.tx.remove(link);
        const have = new Set(links.map((l) => l.location.id));
        for (const id of wanted) if (!have.has(id)) ctx.tx.persist(ctx.tx.create(ServiceAtLocation, { service: s, location: ctx.tx.getReference(Location, id) }));
        ctx.locationIds = [...wanted].sort();
      },
    },
  },
};

export const locationSpec: EntitySpec<Location> = {
  entityType: 'Location',
  entityClass: Location,
  label: 'site',
  populate: [],
  organizationIdOf: (l) => l.organization.id,
  fields: {
    name: scalar('name'),
    address: scalar('address'),
    municipality: {
      get: (l, { catalog }) => (l.municipality ? (catalog.municipalitiesById.get(l.municipality.id)?.code ?? null) : null),
      set: (l, code: string, { tx, catalog }) => void (l.municipality = tx.getReference(Municipality, catalog.municipalitiesByCode.get(code)!.id)),
    },
    lat: scalar('lat'),
    lng: scalar('lng'),
    accessibility: scalar('accessibility'),
    openingHours: scalar('openingHours'),
  },
};

/** Changing any of these means the licence must be verified again. */
export const LICENCE_FIELDS = ['authority', 'number', 'categories', 'validFrom', 'validUntil', 'documentReference'];

export const licenceSpec: EntitySpec<Licence> = {
  entityType: 'Licence',
  entityClass: Licence,
  label: 'licence',
  populate: ['categories'],
  organizationIdOf: (l) => l.organization.id,
  fields: {
    authority: scalar('issuingAuthority'),
    number: scalar('number'),
    categories: {
      get: (l, { catalog }) => codesOf(l.categories.getIdentifiers() as string[], catalog.categoriesById),
      set: (l, codes: string[], { tx, catalog }) => l.categories.set(codes.map((c) => tx.getReference(ServiceCategory, catalog.categoriesByCode.get(c)!.id))),
    },
    validFrom: scalar('validFrom'),
    validUntil: scalar('validUntil'),
    documentReference: scalar('documentReference'),
    verificationStatus: { get: (l) => l.verificationStatus },
    verifiedAt: { get: (l) => iso(l.verifiedAt) },
  },
};

export const EDITABLE_SPECS = { Organization: organizationSpec, Service: serviceSpec, Location: locationSpec, Licence: licenceSpec } as const;
export type EditableType = keyof typeof EDITABLE_SPECS;

export function snapshot<E extends { id: string; version: number }>(spec: EntitySpec<E>, entity: E, ctx: FieldContext): Snapshot {
  return Object.fromEntries(Object.entries(spec.fields).map(([field, def]) => [field, def.get(entity, ctx)]));
}

/** Sets the given fields (as named in the spec); fields the spec does not let anyone set are refused. */
export async function applyPatch<E extends { id: string; version: number }>(spec: EntitySpec<E>, entity: E, patch: Snapshot, ctx: FieldContext): Promise<void> {
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const def = spec.fields[field];
    if (!def?.set) throw new Error(`${spec.entityType}.${field} cannot be patched`);
    await def.set(entity, value, ctx);
  }
}

export function isPatchable(spec: EntitySpec<any>, field: string): boolean {
  return Boolean(spec.fields[field]?.set);
}
