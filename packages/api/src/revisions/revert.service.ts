import { authorize, requireSignedIn } from '../access/policy';
import { type EditContext, loadForWrite, applyAndRecord } from './editing.service';
import { EDITABLE_SPECS, type EditableType, type EntitySpec, type FieldContext, isPatchable, snapshot } from './entity-specs';
import { findById } from '../core/ids';
import { fail, UserErrorCode, type WriteResult, writeTransaction } from '../core/user-errors';
import { Location } from '../locations/location.entity';
import { Revision, RevisionAction } from './revision.entity';
import { sameValue } from './revision.service';
import { refreshCoverageAfter } from './write-steps';

const REVERTABLE_ACTIONS = new Set<RevisionAction>([RevisionAction.UPDATE, RevisionAction.REVERT]);

/**
 * Reverting applies a revision's old values as a new update (recorded as a REVERT revision).
 *
 * The rule: only the editable fields of the revision are reverted (verification and confirmation
 * are decisions, not edits), and only if each of them still holds the value that revision wrote.
 * If a later write changed any of them, reverting would silently undo that later change too, so
 * the revert fails with STALE_VERSION and names the fields; later changes to other fields are kept.
 * Creations and deletions are not reverted: delete or re-create the record instead.
 */
export function revertRevision(ctx: EditContext, revisionId: string, reason?: string | null): Promise<WriteResult<Revision>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const revision = await findById(tx, Revision, revisionId);
    if (!revision) fail(UserErrorCode.NOT_FOUND, `No revision has the id "${String(revisionId).slice(0, 60)}".`, ['revisionId']);
    const spec = (EDITABLE_SPECS as Record<string, EntitySpec<any>>)[revision.entityType as EditableType];
    if (!spec) fail(UserErrorCode.INVALID_INPUT, `Revisions of ${revision.entityType} cannot be reverted; only organizations, services, sites and licences.`, ['revisionId']);
    const actor = authorize(ctx.actor, 'organization.revert', revision.organizationId ?? undefined);
    if (!REVERTABLE_ACTIONS.has(revision.action)) {
      fail(UserErrorCode.INVALID_INPUT, `A ${revision.action} revision cannot be reverted; only updates (and reverts) can.`, ['revisionId']);
    }
    const changes = revision.changes.filter((c) => isPatchable(spec, c.field));
    if (!changes.length) fail(UserErrorCode.INVALID_INPUT, 'This revision changed no editable field: there is nothing to revert.', ['revisionId']);
    const entity = await loadForWrite(tx, spec, revision.entityId, ['revisionId']);
    const fieldContext: FieldContext = { tx, catalog: ctx.catalog };
    await spec.prepare?.(entity, fieldContext);
    const current = snapshot(spec, entity, fieldContext);
    const changedSince = changes.filter((c) => !sameValue(current[c.field], c.new)).map((c) => c.field);
    if (changedSince.length) {
      fail(
        UserErrorCode.STALE_VERSION,
        `Since this revision, ${changedSince.join(', ')} ${changedSince.length > 1 ? 'were' : 'was'} changed again; revert the later revision first or edit by hand.`,
        ['revisionId'],
      );
    }
    const patch: Record<string, unknown> = Object.fromEntries(changes.map((c) => [c.field, c.old]));
    if (Array.isArray(patch.locations)) {
      // Sites deleted since then cannot be linked again.
      const ids = patch.locations as string[];
      const existing = ids.length ? await tx.find(Location, { id: { $in: ids } }, { fields: ['id'] }) : [];
      patch.locations = existing.map((l) => l.id).sort();
    }
    const text = reason?.trim().slice(0, 1000);
    const reverted = await applyAndRecord(tx, spec, entity, patch, fieldContext, {
      authorId: actor.user.id,
      action: RevisionAction.REVERT,
      reason: `Revert of revision ${revision.id}${text ? `: ${text}` : ''}`,
    });
    if (revision.organizationId) await refreshCoverageAfter(tx, spec, revision.organizationId);
    return reverted!;
  });
}
