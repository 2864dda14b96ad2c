import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../core/ids';
import type { WriteResult } from '../core/user-errors';
import { LIMITS, type Validator } from '../core/validation';
import { Location } from '../locations/location.entity';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import type { Service } from '../services/service.entity';
import type { EditContext } from './edit-context';
import type { CreateServiceInput, ServiceFieldsInput, UpdateServiceInput } from './editing.inputs';
import { serviceSpec } from './entity-specs';
import { localizedPatch, requiredEnum } from './field-patches';
import { removeWithRevision } from './record-change';
import type { Snapshot } from './revision.service';
import { createRecord, fieldContext, updateRecord, writeExisting } from './write-steps';

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
  return createRecord(ctx, serviceSpec, input.organizationId, {
    patch: (tx, v, organization) => servicePatch(tx, ctx, input, organization.id, v, true),
    // Persisted before its locations are linked, which create rows that point at it; a new service has no links to look up.
    prepare: (tx, service) => {
      tx.persist(service);
      return { ...fieldContext(tx, ctx), locationIds: [] };
    },
  });
}

export function updateService(ctx: EditContext, input: UpdateServiceInput): Promise<WriteResult<Service>> {
  return updateRecord(ctx, serviceSpec, input, (tx, v, service) => servicePatch(tx, ctx, input, service.organization.id, v, false));
}

export function deleteService(ctx: EditContext, id: string, version: number): Promise<WriteResult<string>> {
  return writeExisting(ctx, serviceSpec, { id, version }, ['id'], async (tx, service, actor) => {
    await removeWithRevision(tx, ctx, serviceSpec, service, actor.user.id);
    await tx.nativeDelete(ServiceAtLocation, { service: service.id });
    return service.id;
  });
}
