import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/policy';
import { authorize, requireSignedIn } from '../access/policy';
import { findById } from '../core/ids';
import { fail, staleVersion, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import { Validator } from '../core/validation';
import { refreshCoverage } from '../coverage/coverage-summary';
import type { Organization } from '../organizations/organization.entity';
import type { EditContext, Versioned } from './edit-context';
import { type EntitySpec, type FieldContext, organizationSpec } from './entity-specs';
import { applyAndRecord } from './record-change';
import { type Revision, RevisionAction } from './revision.entity';
import type { Snapshot } from './revision.service';

/**
 * The steps every editing mutation takes, in the one order they are taken: signed in, the record
 * (or its organization) loaded for write, the actor authorized as its editor, the version checked,
 * the input validated as a whole (every user error at once, nothing written), then applied and
 * recorded as one revision in the same transaction.
 */

/** Loads an entity for a write, or fails with NOT_FOUND (a malformed id is not found either). */
export async function loadForWrite<E extends Versioned>(tx: EntityManager, spec: EntitySpec<E>, id: string, field: string[] = ['input', 'id']): Promise<E> {
  const entity = await findById(tx, spec.entityClass as any, id, { populate: spec.populate as any });
  if (!entity) fail(UserErrorCode.NOT_FOUND, `No ${spec.label} has the id "${String(id).slice(0, 60)}".`, field);
  return entity as E;
}

export async function loadOrganization(tx: EntityManager, id: string, field: string[] = ['input', 'organizationId']): Promise<Organization> {
  return loadForWrite(tx, organizationSpec, id, field);
}

export function checkVersion(spec: EntitySpec<any>, entity: Versioned, given: number): void {
  if (entity.version !== given) staleVersion(spec.label, given, entity.version);
}

export function editor(ctx: EditContext, organizationId: string): Actor {
  return authorize(ctx.actor, 'organization.edit', organizationId);
}

/** Builds a patch with a fresh validator and aborts the transaction with all its user errors when any field is invalid. */
export async function validPatch(build: (v: Validator) => Snapshot | Promise<Snapshot>): Promise<Snapshot> {
  const v = new Validator();
  const patch = await build(v);
  if (!v.ok) throw new UserErrorsException(v.errors);
  return patch;
}

export function fieldContext(tx: EntityManager, ctx: EditContext): FieldContext {
  return { tx, catalog: ctx.catalog };
}

export const updateAudit = (actor: Actor) => ({ authorId: actor.user.id, action: RevisionAction.UPDATE });
export const createAudit = (actor: Actor) => ({ authorId: actor.user.id, action: RevisionAction.CREATE, isNew: true });

/** The records whose writes can change coverage: an organization's status, its services and its sites. */
const COVERAGE_TYPES = new Set(['Organization', 'Service', 'Location']);

/**
 * A write to an organization, service or site brings the coverage summary up to date in the same
 * transaction; the rows are flushed first, since the summary is computed from them in SQL.
 */
export async function refreshCoverageAfter(tx: EntityManager, spec: EntitySpec<any>, organizationId: string): Promise<void> {
  if (!COVERAGE_TYPES.has(spec.entityType)) return;
  await tx.flush();
  await refreshCoverage(tx, [organizationId]);
}

/** A change of an existing record: signed in, loaded (NOT_FOUND at `idField`), its organization's editor, at the given version. */
export function writeExisting<E extends Versioned, R>(
  ctx: EditContext,
  spec: EntitySpec<E>,
  ref: { id: string; version: number },
  idField: string[],
  body: (tx: EntityManager, entity: E, actor: Actor) => Promise<R>,
): Promise<WriteResult<R>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const entity = await loadForWrite(tx, spec, ref.id, idField);
    const actor = editor(ctx, spec.organizationIdOf(entity));
    checkVersion(spec, entity, ref.version);
    const organizationId = spec.organizationIdOf(entity);
    const result = await body(tx, entity, actor);
    await refreshCoverageAfter(tx, spec, organizationId);
    return result;
  });
}

/** An update: the steps of `writeExisting`, then the validated patch applied and recorded; `after` runs its consequences. */
export function updateRecord<E extends Versioned>(
  ctx: EditContext,
  spec: EntitySpec<E>,
  input: { id: string; version: number },
  patchOf: (tx: EntityManager, v: Validator, entity: E) => Snapshot | Promise<Snapshot>,
  after?: (tx: EntityManager, entity: E, revision: Revision | null, actor: Actor) => Promise<void>,
): Promise<WriteResult<E>> {
  return writeExisting(ctx, spec, input, ['input', 'id'], async (tx, entity, actor) => {
    const patch = await validPatch((v) => patchOf(tx, v, entity));
    const revision = await applyAndRecord(tx, spec, entity, patch, fieldContext(tx, ctx), updateAudit(actor));
    await after?.(tx, entity, revision, actor);
    return entity;
  });
}

type OwnedRecord = Versioned & { organization: Organization; isDemo: boolean };

export interface CreateSteps<E extends OwnedRecord> {
  patch: (tx: EntityManager, v: Validator, organization: Organization) => Snapshot | Promise<Snapshot>;
  /** The field context for the new record (and whatever it needs before its fields are set); by default the plain one. */
  prepare?: (tx: EntityManager, entity: E) => FieldContext;
  after?: (tx: EntityManager, entity: E, revision: Revision | null, actor: Actor, organization: Organization) => Promise<void>;
}

/**
 * A record created under an organization: signed in, the organization loaded and the actor its
 * editor, the validated patch applied to a new record (demo data when its organization is) and
 * recorded as its CREATE revision; `after` runs its consequences.
 */
export function createRecord<E extends OwnedRecord>(ctx: EditContext, spec: EntitySpec<E>, organizationId: string, steps: CreateSteps<E>): Promise<WriteResult<E>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const organization = await loadOrganization(tx, organizationId);
    const actor = editor(ctx, organization.id);
    const patch = await validPatch((v) => steps.patch(tx, v, organization));
    const entity = new spec.entityClass();
    entity.organization = organization;
    entity.isDemo = organization.isDemo;
    const context = steps.prepare ? steps.prepare(tx, entity) : fieldContext(tx, ctx);
    const revision = await applyAndRecord(tx, spec, entity, patch, context, createAudit(actor));
    await steps.after?.(tx, entity, revision, actor, organization);
    await refreshCoverageAfter(tx, spec, organization.id);
    return entity;
  });
}
