import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/policy';
import { authorize, requireSignedIn } from '../access/policy';
import { type Revision, RevisionAction } from './revision.entity';
import { recordRevision, type Snapshot, sameValue } from './revision.service';
import { isUuid } from '../core/ids';
import { fail, staleVersion, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import { checkPointInMunicipality } from '../geography/point-in-municipality';
import { Licence } from '../licences/licence.entity';
import { Location } from '../locations/location.entity';
import { Organization } from '../organizations/organization.entity';
import { VerificationStatus } from '../organizations/organization.enums';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import { Service } from '../services/service.entity';
import type {
  CreateLicenceInput,
  CreateLocationInput,
  CreateServiceInput,
  LicenceFieldsInput,
  LocationFieldsInput,
  OrganizationFieldsInput,
  ServiceFieldsInput,
  UpdateLicenceInput,
  UpdateLocationInput,
  UpdateOrganizationInput,
  UpdateServiceInput,
} from './editing.inputs';
import {
  applyPatch,
  type EntitySpec,
  type FieldContext,
  LICENCE_FIELDS,
  licenceSpec,
  locationSpec,
  organizationSpec,
  REGISTRATION_FIELDS,
  serviceSpec,
  snapshot,
} from './entity-specs';
import { LIMITS, Validator } from '../core/validation';

export interface EditContext {
  em: EntityManager;
  catalog: ReferenceCatalog;
  actor: Actor | null;
}

type Versioned = { id: string; version: number; updatedAt: Date; organization?: { id: string } };

/** Loads an entity for a write, or fails with NOT_FOUND (a malformed id is not found either). */
export async function loadForWrite<E extends Versioned>(tx: EntityManager, spec: EntitySpec<E>, id: string, field: string[] = ['input', 'id']): Promise<E> {
  const entity = isUuid(id) ? await tx.findOne(spec.entityClass as any, { id: id.toLowerCase() }, { populate: spec.populate as any }) : null;
  if (!entity) fail(UserErrorCode.NOT_FOUND, `No ${spec.label} has the id "${String(id).slice(0, 60)}".`, field);
  return entity as E;
}

export async function loadOrganization(tx: EntityManager, id: string, field: string[] = ['input', 'organizationId']): Promise<Organization> {
  return loadForWrite(tx, organizationSpec, id, field);
}

export function checkVersion(spec: EntitySpec<any>, entity: Versioned, given: number): void {
  if (entity.version !== given) staleVersion(spec.label, given, entity.version);
}

/**
 * Applies a patch, runs the entity's consequences (verification resets), and records one revision
 * of the fields that really changed. When nothing changed nothing is written, not even the version.
 */
export async function applyAndRecord<E extends Versioned>(
  tx: EntityManager,
  spec: EntitySpec<E>,
  entity: E,
  patch: Snapshot,
  fieldContext: FieldContext,
  audit: AuditInfo,
): Promise<Revision | null> {
  return recordChange(tx, spec, entity, fieldContext, audit, async () => {
    await applyPatch(spec, entity, patch, fieldContext);
  });
}

export interface AuditInfo {
  authorId: string | null;
  action: RevisionAction;
  reason?: string | null;
  isNew?: boolean;
  recordWithoutChanges?: boolean;
}

/** Snapshots the entity around `change`, resets verification when needed, and records the difference as one revision. */
export async function recordChange<E extends Versioned>(
  tx: EntityManager,
  spec: EntitySpec<E>,
  entity: E,
  fieldContext: FieldContext,
  audit: AuditInfo,
  change: () => void | Promise<void>,
): Promise<Revision | null> {
  if (!audit.isNew) await spec.prepare?.(entity, fieldContext);
  const before = audit.isNew ? null : snapshot(spec, entity, fieldContext);
  await change();
  if (before) resetVerificationIfNeeded(spec, entity as any, before, snapshot(spec, entity, fieldContext));
  const after = snapshot(spec, entity, fieldContext);
  if (audit.isNew) tx.persist(entity);
  // Only collections may have changed: touching updatedAt makes the row dirty so its version moves too.
  else if (!sameValue(before, after)) entity.updatedAt = new Date();
  return recordRevision(tx, {
    entityType: spec.entityType,
    entityId: entity.id,
    organizationId: spec.organizationIdOf(entity),
    authorId: audit.authorId,
    action: audit.isNew ? RevisionAction.CREATE : audit.action,
    before,
    after,
    reason: audit.reason,
    recordWithoutChanges: audit.recordWithoutChanges,
  });
}

/**
 * A verified organization whose registration fields change, or a verified licence whose licence
 * fields change, is unverified again: the moderator verified other facts.
 */
function resetVerificationIfNeeded(spec: EntitySpec<any>, entity: Organization | Licence, before: Snapshot, after: Snapshot): void {
  const fields = spec === organizationSpec ? REGISTRATION_FIELDS : spec === licenceSpec ? LICENCE_FIELDS : null;
  if (!fields || entity.verificationStatus !== VerificationStatus.VERIFIED) return;
  if (fields.every((f) => sameValue(before[f], after[f]))) return;
  entity.verificationStatus = VerificationStatus.UNVERIFIED;
  entity.verifiedAt = null;
  if (entity instanceof Organization) entity.verifiedBy = null;
}

/**
 * "Contractable" trusts a verified organization's licences, so a licence that is added or whose
 * licence fields change unverifies its organization too (one more revision, of the organization):
 * an editor cannot widen what the organization is licensed for without a moderator looking.
 */
async function unverifyOrganizationForLicence(tx: EntityManager, ctx: EditContext, organization: Organization, licence: Licence, revision: Revision | null, authorId: string): Promise<void> {
  const licenceChanged = revision?.changes.some((c) => LICENCE_FIELDS.includes(c.field));
  if (!licenceChanged || organization.verificationStatus !== VerificationStatus.VERIFIED) return;
  await recordChange(
    tx,
    organizationSpec,
    organization,
    { tx, catalog: ctx.catalog },
    { authorId, action: RevisionAction.UPDATE, reason: `Licence ${licence.number} ${revision!.action === RevisionAction.CREATE ? 'added' : 'changed'}: to be verified again` },
    () => {
      organization.verificationStatus = VerificationStatus.UNVERIFIED;
      organization.verifiedAt = null;
      organization.verifiedBy = null;
    },
  );
}

function abortIfInvalid(v: Validator): void {
  if (!v.ok) throw new UserErrorsException(v.errors);
}

function localizedPatch(v: Validator, prefix: string, value: { sq?: string | null; sr?: string | null; en?: string | null } | null | undefined, max: number, required: boolean): Snapshot {
  if (value === undefined && !required) return {};
  if (!value) {
    if (required) v.error(`${prefix}.sq`, 'The Albanian (sq) text is required.');
    return value === null && !required ? { [`${prefix}.sq`]: null, [`${prefix}.sr`]: null, [`${prefix}.en`]: null } : {};
  }
  return {
    [`${prefix}.sq`]: v.text(`${prefix}.sq`, value.sq ?? null, max, { required }),
    [`${prefix}.sr`]: v.text(`${prefix}.sr`, value.sr ?? null, max),
    [`${prefix}.en`]: v.text(`${prefix}.en`, value.en ?? null, max),
  };
}

function requiredEnum<T>(v: Validator, field: string, value: T | null | undefined): T | undefined {
  if (value === null) return v.error(field, 'This field cannot be emptied.');
  return value;
}

export function organizationPatch(input: OrganizationFieldsInput, v: Validator, creating: boolean): Snapshot {
  const thisYear = new Date().getUTCFullYear();
  const patch: Snapshot = {
    ...localizedPatch(v, 'names', input.names, LIMITS.name, creating),
    acronym: v.text('acronym', input.acronym, 40),
    ...localizedPatch(v, 'descriptions', input.descriptions, LIMITS.description, false),
    legalForm: requiredEnum(v, 'legalForm', input.legalForm),
    registrationNumber: v.text('registrationNumber', input.registrationNumber, 100),
    registrationDate: v.date('registrationDate', input.registrationDate),
    publicBenefit: input.publicBenefit === null ? false : input.publicBenefit,
    website: v.url('website', input.website),
    email: v.email('email', input.email),
    phone: v.phone('phone', input.phone),
    yearFounded: v.int('yearFounded', input.yearFounded, 1900, thisYear),
    staffCount: v.int('staffCount', input.staffCount, 0, 100_000),
    volunteerCount: v.int('volunteerCount', input.volunteerCount, 0, 100_000),
    budgetBand: input.budgetBand,
    status: requiredEnum(v, 'status', input.status),
  };
  if (input.socialLinks !== undefined) {
    const links = input.socialLinks ?? [];
    if (links.length > LIMITS.socialLinks) v.error('socialLinks', `At most ${LIMITS.socialLinks} links.`);
    patch.socialLinks = links.map((link, i) => v.url(`socialLinks.${i}`, link)).filter((l): l is string => Boolean(l));
  }
  if (input.registrationDate && patch.registrationDate && (patch.registrationDate as string) > new Date().toISOString().slice(0, 10)) {
    v.error('registrationDate', 'The registration date cannot be in the future.');
  }
  if (input.fundingMix !== undefined) {
    const mix = input.fundingMix ?? {};
    const shares = {
      'fundingMix.publicSources': v.int('fundingMix.publicSources', mix.publicSources ?? null, 0, 100),
      'fundingMix.foreignDonors': v.int('fundingMix.foreignDonors', mix.foreignDonors ?? null, 0, 100),
      'fundingMix.ownRevenue': v.int('fundingMix.ownRevenue', mix.ownRevenue ?? null, 0, 100),
      'fundingMix.other': v.int('fundingMix.other', mix.other ?? null, 0, 100),
    };
    const given = Object.values(shares).filter((s): s is number => typeof s === 'number');
    const sum = given.reduce((a, b) => a + b, 0);
    if (v.ok && given.length && sum !== 100) v.error('fundingMix', `The funding shares must add up to 100 percent; they add up to ${sum}.`);
    Object.assign(patch, shares);
  }
  return patch;
}

function editor(ctx: EditContext, organizationId: string): Actor {
  return authorize(ctx.actor, 'organization.edit', organizationId);
}

export async function createOrganizationRecord(tx: EntityManager, ctx: EditContext, input: OrganizationFieldsInput, actor: Actor): Promise<Organization> {
  const v = new Validator();
  const patch = organizationPatch(input, v, true);
  abortIfInvalid(v);
  const organization = new Organization();
  await applyAndRecord(tx, organizationSpec, organization, patch, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.CREATE, isNew: true });
  return organization;
}

export function updateOrganization(ctx: EditContext, input: UpdateOrganizationInput): Promise<WriteResult<Organization>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const organization = await loadForWrite(tx, organizationSpec, input.id);
    const actor = editor(ctx, organization.id);
    checkVersion(organizationSpec, organization, input.version);
    const v = new Validator();
    const patch = organizationPatch(input, v, false);
    abortIfInvalid(v);
    await applyAndRecord(tx, organizationSpec, organization, patch, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.UPDATE });
    return organization;
  });
}

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

async function servicePatch(tx: EntityManager, ctx: EditContext, input: ServiceFieldsInput, organizationId: string, v: Validator, creating: boolean): Promise<Snapshot> {
  const { catalog } = ctx;
  const patch: Snapshot = {
    ...localizedPatch(v, 'names', input.names, LIMITS.name, creating),
    ...localizedPatch(v, 'descriptions', input.descriptions, LIMITS.description, false),
    categories: v.codes('categories', input.categories, (c) => catalog.categoriesByCode.has(c), 'service category', { required: creating || input.categories !== undefined }),
    targetGroups: v.codes('targetGroups', input.targetGroups, (c) => catalog.targetGroupsByCode.has(c), 'target group'),
    serviceArea: v.codes('serviceArea', input.serviceArea, (c) => catalog.municipalitiesByCode.has(c), 'municipality'),
    eligibility: v.text('eligibility', input.eligibility, LIMITS.shortText),
    fee: input.fee,
    capacity: v.int('capacity', input.capacity, 0, LIMITS.count),
    residentialPlaces: v.int('residentialPlaces', input.residentialPlaces, 0, LIMITS.count),
    status: requiredEnum(v, 'status', input.status),
  };
  if (input.languages !== undefined) {
    const languages = [...new Set(input.languages ?? [])];
    const bad = languages.filter((l) => !LANGUAGE_CODE.test(l));
    if (bad.length || languages.length > 20) v.error('languages', `Languages are ISO 639 codes in lower case (sq, sr, en, tr, rom); got ${bad.slice(0, 3).join(', ')}.`);
    patch.languages = languages;
  }
  if (input.locationIds !== undefined) {
    const ids = [...new Set(input.locationIds ?? [])];
    const valid = ids.filter(isUuid).map((id) => id.toLowerCase());
    const found = valid.length ? await tx.find(Location, { id: { $in: valid }, organization: organizationId }, { fields: ['id'] }) : [];
    if (found.length !== ids.length) v.error('locationIds', 'Every location must be a site of the same organization.');
    patch.locations = found.map((l) => l.id).sort();
  }
  return patch;
}

export function createService(ctx: EditContext, input: CreateServiceInput): Promise<WriteResult<Service>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const organization = await loadOrganization(tx, input.organizationId);
    const actor = editor(ctx, organization.id);
    const v = new Validator();
    const patch = await servicePatch(tx, ctx, input, organization.id, v, true);
    abortIfInvalid(v);
    const service = new Service();
    service.organization = organization;
    service.isDemo = organization.isDemo;
    const fieldContext: FieldContext = { tx, catalog: ctx.catalog, locationIds: [] };
    tx.persist(service);
    await applyAndRecord(tx, serviceSpec, service, patch, fieldContext, { authorId: actor.user.id, action: RevisionAction.CREATE, isNew: true });
    return service;
  });
}

export function updateService(ctx: EditContext, input: UpdateServiceInput): Promise<WriteResult<Service>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const service = await loadForWrite(tx, serviceSpec, input.id);
    const actor = editor(ctx, service.organization.id);
    checkVersion(serviceSpec, service, input.version);
    const v = new Validator();
    const patch = await servicePatch(tx, ctx, input, service.organization.id, v, false);
    abortIfInvalid(v);
    await applyAndRecord(tx, serviceSpec, service, patch, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.UPDATE });
    return service;
  });
}

/** Removes an entity and records its last state as a DELETE revision. */
async function removeWithRevision<E extends Versioned>(tx: EntityManager, ctx: EditContext, spec: EntitySpec<E>, entity: E, authorId: string): Promise<void> {
  const fieldContext: FieldContext = { tx, catalog: ctx.catalog };
  await spec.prepare?.(entity, fieldContext);
  recordRevision(tx, {
    entityType: spec.entityType,
    entityId: entity.id,
    organizationId: spec.organizationIdOf(entity),
    authorId,
    action: RevisionAction.DELETE,
    before: snapshot(spec, entity, fieldContext),
    after: null,
  });
  tx.remove(entity);
}

export function deleteService(ctx: EditContext, id: string, version: number): Promise<WriteResult<string>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const service = await loadForWrite(tx, serviceSpec, id, ['id']);
    const actor = editor(ctx, service.organization.id);
    if (service.version !== version) staleVersion('service', version, service.version);
    await removeWithRevision(tx, ctx, serviceSpec, service, actor.user.id);
    await tx.nativeDelete(ServiceAtLocation, { service: service.id });
    return service.id;
  });
}

function locationPatch(ctx: EditContext, input: LocationFieldsInput, v: Validator, current: Location | null): Snapshot {
  const creating = !current;
  const patch: Snapshot = {
    name: v.text('name', input.name, LIMITS.name),
    address: v.text('address', input.address, LIMITS.shortText),
    accessibility: v.text('accessibility', input.accessibility, LIMITS.shortText),
    openingHours: v.text('openingHours', input.openingHours, LIMITS.shortText),
  };
  for (const field of ['municipality', 'lat', 'lng'] as const) {
    if (input[field] === null || (creating && input[field] === undefined)) v.error(field, 'Required: a site has a municipality and a point.');
  }
  if (input.municipality && !ctx.catalog.municipalitiesByCode.has(input.municipality)) v.error('municipality', `Unknown municipality code: ${input.municipality}.`);
  patch.municipality = input.municipality ?? undefined;
  patch.lat = v.number('lat', input.lat, -90, 90) ?? undefined;
  patch.lng = v.number('lng', input.lng, -180, 180) ?? undefined;
  return patch;
}

/** The point (new or kept) must lie in Kosovo and in the municipality (new or kept): checked whenever either changes. */
async function checkSitePoint(tx: EntityManager, ctx: EditContext, patch: Snapshot, current: Location | null, v: Validator): Promise<void> {
  if (!v.ok || (current && patch.municipality === undefined && patch.lat === undefined && patch.lng === undefined)) return;
  const code = (patch.municipality as string | undefined) ?? ctx.catalog.municipalitiesById.get(current!.municipality.id)!.code;
  const lat = (patch.lat as number | undefined) ?? current!.lat;
  const lng = (patch.lng as number | undefined) ?? current!.lng;
  const municipality = ctx.catalog.municipalitiesByCode.get(code)!;
  const [row] = await tx.execute<{ boundary: unknown }[]>('select boundary from municipality where id = ?', [municipality.id]);
  const check = checkPointInMunicipality(lat, lng, { code, seatLat: municipality.seatLat, seatLng: municipality.seatLng, boundary: row?.boundary ?? null, names: municipality.names });
  if (!check.ok) v.error(check.code === 'OUTSIDE_KOSOVO' ? 'lat' : 'municipality', check.message);
}

export function createLocation(ctx: EditContext, input: CreateLocationInput): Promise<WriteResult<Location>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const organization = await loadOrganization(tx, input.organizationId);
    const actor = editor(ctx, organization.id);
    const v = new Validator();
    const patch = locationPatch(ctx, input, v, null);
    await checkSitePoint(tx, ctx, patch, null, v);
    abortIfInvalid(v);
    const location = new Location();
    location.organization = organization;
    location.isDemo = organization.isDemo;
    await applyAndRecord(tx, locationSpec, location, patch, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.CREATE, isNew: true });
    return location;
  });
}

export function updateLocation(ctx: EditContext, input: UpdateLocationInput): Promise<WriteResult<Location>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const location = await loadForWrite(tx, locationSpec, input.id);
    const actor = editor(ctx, location.organization.id);
    checkVersion(locationSpec, location, input.version);
    const v = new Validator();
    const patch = locationPatch(ctx, input, v, location);
    await checkSitePoint(tx, ctx, patch, location, v);
    abortIfInvalid(v);
    await applyAndRecord(tx, locationSpec, location, patch, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.UPDATE });
    return location;
  });
}

/** Deleting a site also changes every service delivered there (its locations): each gets its own revision. */
export function deleteLocation(ctx: EditContext, id: string, version: number): Promise<WriteResult<string>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const location = await loadForWrite(tx, locationSpec, id, ['id']);
    const actor = editor(ctx, location.organization.id);
    if (location.version !== version) staleVersion('site', version, location.version);
    const links = await tx.find(ServiceAtLocation, { location: location.id }, { fields: ['service'] });
    for (const serviceId of new Set(links.map((l) => l.service.id))) {
      const service = await loadForWrite(tx, serviceSpec, serviceId);
      const fieldContext: FieldContext = { tx, catalog: ctx.catalog };
      await serviceSpec.prepare!(service, fieldContext);
      const remaining = fieldContext.locationIds!.filter((l) => l !== location.id);
      await applyAndRecord(tx, serviceSpec, service, { locations: remaining }, fieldContext, { authorId: actor.user.id, action: RevisionAction.UPDATE });
    }
    await removeWithRevision(tx, ctx, locationSpec, location, actor.user.id);
    return location.id;
  });
}

function licencePatch(ctx: EditContext, input: LicenceFieldsInput, v: Validator, current: Licence | null): Snapshot {
  const creating = !current;
  const patch: Snapshot = {
    authority: v.text('authority', input.authority, LIMITS.name, { required: creating || input.authority !== undefined }),
    number: v.text('number', input.number, 100, { required: creating || input.number !== undefined }),
    categories: v.codes('categories', input.categories, (c) => ctx.catalog.categoriesByCode.has(c), 'service category', {
      required: creating || input.categories !== undefined,
    }),
    validFrom: v.date('validFrom', input.validFrom, { required: creating || input.validFrom !== undefined }),
    validUntil: v.date('validUntil', input.validUntil),
    documentReference: v.text('documentReference', input.documentReference, LIMITS.shortText),
  };
  const from = (patch.validFrom as string | undefined) ?? current?.validFrom;
  const until = patch.validUntil === undefined ? current?.validUntil : (patch.validUntil as string | null);
  if (v.ok && from && until && until < from) v.error('validUntil', `A licence cannot end (${until}) before it starts (${from}).`);
  return patch;
}

export function createLicence(ctx: EditContext, input: CreateLicenceInput): Promise<WriteResult<Licence>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const organization = await loadOrganization(tx, input.organizationId);
    const actor = editor(ctx, organization.id);
    const v = new Validator();
    const patch = licencePatch(ctx, input, v, null);
    abortIfInvalid(v);
    const licence = new Licence();
    licence.organization = organization;
    licence.isDemo = organization.isDemo;
    const revision = await applyAndRecord(tx, licenceSpec, licence, patch, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.CREATE, isNew: true });
    await unverifyOrganizationForLicence(tx, ctx, organization, licence, revision, actor.user.id);
    return licence;
  });
}

export function updateLicence(ctx: EditContext, input: UpdateLicenceInput): Promise<WriteResult<Licence>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const licence = await loadForWrite(tx, licenceSpec, input.id);
    const actor = editor(ctx, licence.organization.id);
    checkVersion(licenceSpec, licence, input.version);
    const v = new Validator();
    const patch = licencePatch(ctx, input, v, licence);
    abortIfInvalid(v);
    const revision = await applyAndRecord(tx, licenceSpec, licence, patch, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.UPDATE });
    const organization = await loadOrganization(tx, licence.organization.id);
    await unverifyOrganizationForLicence(tx, ctx, organization, licence, revision, actor.user.id);
    return licence;
  });
}
