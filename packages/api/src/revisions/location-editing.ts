import type { EntityManager } from '@mikro-orm/postgresql';
import type { WriteResult } from '../core/user-errors';
import { LIMITS, type Validator } from '../core/validation';
import { checkSiteMunicipality } from '../geography/municipality-at';
import type { Location } from '../locations/location.entity';
import { ServiceAtLocation } from '../services/service-at-location.entity';
import type { EditContext } from './edit-context';
import type { CreateLocationInput, LocationFieldsInput, UpdateLocationInput } from './editing.inputs';
import { type FieldContext, locationSpec, serviceSpec } from './entity-specs';
import { applyAndRecord, removeWithRevision } from './record-change';
import type { Snapshot } from './revision.service';
import { createRecord, loadForWrite, updateAudit, updateRecord, writeExisting } from './write-steps';

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
  // a refusal names the municipality the point is really in
  const check = await checkSiteMunicipality(tx, lat, lng, municipality, (id) => ctx.catalog.municipalitiesById.get(id)?.names.sq);
  if (!check.ok) v.error(check.code === 'OUTSIDE_KOSOVO' ? 'lat' : 'municipality', check.message);
}

/** The patch of a site, its point checked against its municipality. */
async function checkedLocationPatch(tx: EntityManager, ctx: EditContext, input: LocationFieldsInput, v: Validator, current: Location | null): Promise<Snapshot> {
  const patch = locationPatch(ctx, input, v, current);
  await checkSitePoint(tx, ctx, patch, current, v);
  return patch;
}

export function createLocation(ctx: EditContext, input: CreateLocationInput): Promise<WriteResult<Location>> {
  return createRecord(ctx, locationSpec, input.organizationId, { patch: (tx, v) => checkedLocationPatch(tx, ctx, input, v, null) });
}

export function updateLocation(ctx: EditContext, input: UpdateLocationInput): Promise<WriteResult<Location>> {
  return updateRecord(ctx, locationSpec, input, (tx, v, location) => checkedLocationPatch(tx, ctx, input, v, location));
}

/** Deleting a site also changes every service delivered there (its locations): each gets its own revision. */
export function deleteLocation(ctx: EditContext, id: string, version: number): Promise<WriteResult<string>> {
  return writeExisting(ctx, locationSpec, { id, version }, ['id'], async (tx, location, actor) => {
    const links = await tx.find(ServiceAtLocation, { location: location.id }, { fields: ['service'] });
    for (const serviceId of new Set(links.map((l) => l.service.id))) {
      const service = await loadForWrite(tx, serviceSpec, serviceId);
      const fieldContext: FieldContext = { tx, catalog: ctx.catalog };
      await serviceSpec.prepare!(service, fieldContext);
      const remaining = fieldContext.locationIds!.filter((l) => l !== location.id);
      await applyAndRecord(tx, serviceSpec, service, { locations: remaining }, fieldContext, updateAudit(actor));
    }
    await removeWithRevision(tx, ctx, locationSpec, location, actor.user.id);
    return location.id;
  });
}
