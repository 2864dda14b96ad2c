import type { EntityManager } from '@mikro-orm/postgresql';
import type { Licence } from '../licences/licence.entity';
import { Organization } from '../organizations/organization.entity';
import { VerificationStatus } from '../organizations/organization.enums';
import type { EditContext, Versioned } from './edit-context';
import { applyPatch, type EntitySpec, type FieldContext, LICENCE_FIELDS, licenceSpec, organizationSpec, REGISTRATION_FIELDS, snapshot } from './entity-specs';
import { type Revision, RevisionAction } from './revision.entity';
import { recordRevision, type Snapshot, sameValue } from './revision.service';

export interface AuditInfo {
  authorId: string | null;
  action: RevisionAction;
  reason?: string | null;
  isNew?: boolean;
  recordWithoutChanges?: boolean;
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

/** Removes an entity and records its last state as a DELETE revision. */
export async function removeWithRevision<E extends Versioned>(tx: EntityManager, ctx: EditContext, spec: EntitySpec<E>, entity: E, authorId: string): Promise<void> {
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
