import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize } from '../access/policy';
import { isUuid } from '../core/ids';
import { fail, UserErrorCode, type WriteResult, writeTransaction } from '../core/user-errors';
import { refreshCoverage } from '../coverage/coverage-summary';
import type { Organization } from '../organizations/organization.entity';
import { redirectedOrganizationId } from '../organizations/organization-redirect';
import { applyAndRecord, type EditContext, loadForWrite } from '../revisions/editing.service';
import { type FieldContext, isPatchable, organizationSpec, snapshot } from '../revisions/entity-specs';
import { type Revision, RevisionAction } from '../revisions/revision.entity';
import { recordRevision, sameValue, type Snapshot } from '../revisions/revision.service';
import { type DroppedRows, type MovedRows, moveRows, moveRowsBack } from './merge-moves';
import { defineEnum, type EnumValue } from '../core/enums';

/** Which record's value the kept record takes for a field. */
export type MergeSource = EnumValue<typeof MergeSource>;
export const MergeSource = defineEnum('MergeSource', 'Which of the two records gives a field its value in the merged result.', {
  KEPT: 'The kept record keeps its own value (the default for every field not chosen).',
  MERGED: 'The kept record takes the value of the record merged into it.',
});

export interface MergeChoice {
  field: string;
  source: MergeSource;
}

export interface MergeRequest {
  keptId: string;
  keptVersion: number;
  mergedId: string;
  mergedVersion: number;
  fields?: MergeChoice[] | null;
  reason?: string | null;
}

/** A row of organization_merge: what a merge did, so that it can be undone exactly. */
export interface MergeRecord {
  id: string;
  createdAt: Date;
  keptId: string;
  mergedId: string;
  authorId: string | null;
  mergedRow: Record<string, unknown>;
  keptBefore: Snapshot;
  keptAfter: Snapshot;
  moved: MovedRows;
  dropped: DroppedRows;
  undoneAt: Date | null;
}

const MERGE_COLUMNS = `id, created_at as "createdAt", kept_id as "keptId", merged_id as "mergedId", author_id as "authorId", merged_row as "mergedRow",
  kept_before as "keptBefore", kept_after as "keptAfter", moved, dropped, undone_at as "undoneAt"`;

/** The fields a moderator chooses between: the editable ones (verification and confirmation are decisions, and stay the kept record's). */
export const MERGEABLE_FIELDS = Object.keys(organizationSpec.fields).filter((field) => isPatchable(organizationSpec, field));

function checkRequest(request: MergeRequest): { keptId: string; mergedId: string; patchFields: string[] } {
  if (!isUuid(request.keptId)) fail(UserErrorCode.NOT_FOUND, `No organization has the id "${String(request.keptId).slice(0, 60)}".`, ['input', 'keptId']);
  if (!isUuid(request.mergedId)) fail(UserErrorCode.NOT_FOUND, `No organization has the id "${String(request.mergedId).slice(0, 60)}".`, ['input', 'mergedId']);
  const keptId = request.keptId.toLowerCase();
  const mergedId = request.mergedId.toLowerCase();
  if (keptId === mergedId) fail(UserErrorCode.INVALID_INPUT, 'Choose two different organizations: a record cannot be merged into itself.', ['input', 'mergedId']);
  const seen = new Set<string>();
  (request.fields ?? []).forEach((choice, i) => {
    if (!MERGEABLE_FIELDS.includes(choice.field)) {
      fail(UserErrorCode.INVALID_INPUT, `"${String(choice.field).slice(0, 60)}" is not a field a merge chooses; choose among ${MERGEABLE_FIELDS.join(', ')}.`, ['input', 'fields', String(i), 'field']);
    }
    if (seen.has(choice.field)) fail(UserErrorCode.INVALID_INPUT, `"${choice.field}" is chosen twice.`, ['input', 'fields', String(i), 'field']);
    seen.add(choice.field);
  });
  const reason = request.reason?.trim() ?? '';
  if (reason.length > 1000) fail(UserErrorCode.INVALID_INPUT, 'The reason may have at most 1,000 characters.', ['input', 'reason']);
  const patchFields = (request.fields ?? []).filter((c) => c.source === MergeSource.MERGED).map((c) => c.field);
  return { keptId, mergedId, patchFields };
}

/**
 * Locks both organizations in one fixed order (by id, whichever is kept), so that concurrent merges
 * of the same pair, either way round, queue on the same first lock rather than deadlock; then checks
 * both versions (compare-and-set: of concurrent merges exactly one wins, the others find a record
 * gone or a version moved).
 */
async function lockPair(tx: EntityManager, keptId: string, mergedId: string, request: MergeRequest): Promise<void> {
  const rows = await tx.execute<{ id: string; version: number }[]>(
    'select id, version from organization where id = any(?::uuid[]) order by id for update',
    [`{${keptId},${mergedId}}`],
  );
  const versions = new Map(rows.map((r) => [r.id, r.version]));
  const sides = [
    { id: mergedId, field: 'mergedId', label: 'The organization to merge', given: request.mergedVersion },
    { id: keptId, field: 'keptId', label: 'The organization to keep', given: request.keptVersion },
  ];
  for (const side of sides) {
    if (versions.has(side.id)) continue;
    const into = await redirectedOrganizationId(tx, side.id);
    if (!into) fail(UserErrorCode.NOT_FOUND, `No organization has the id "${side.id}".`, ['input', side.field]);
    const hint = side.field === 'keptId' ? ': a merged record cannot keep others; merge into that one instead' : '';
    fail(UserErrorCode.INVALID_INPUT, `${side.label} was already merged into ${into}${hint}.`, ['input', side.field]);
  }
  for (const side of sides) {
    const current = versions.get(side.id)!;
    if (current !== side.given) {
      fail(UserErrorCode.STALE_VERSION, `${side.label} was changed since you loaded it (your version ${side.given}, now ${current}). Reload both and merge again.`, [
        'input',
        side.field.replace('Id', 'Version'),
      ]);
    }
  }
}

const moveSummary = (moved: MovedRows) =>
  Object.entries(moved)
    .filter(([, ids]) => ids.length)
    .map(([table, ids]) => `${ids.length} ${table}`)
    .join(', ') || 'nothing';

/** Adds the link between the two records to the revision a merge or an unmerge writes on the kept one. */
function noteLink(revision: Revision | null, change: { field: string; old: unknown; new: unknown }): void {
  revision?.changes.push(change);
}

/**
 * Merges a duplicate into the kept record, in one transaction: the kept record takes the chosen
 * fields; everything of the merged one moves (merge-moves.ts); the merged row is removed, which takes
 * it out of search, the map, coverage, exports and HSDS and frees its unique keys (its registration
 * number, if the kept record takes it); its id becomes a redirect (the organization_merge row);
 * revisions are written on both records; the coverage summary is refreshed.
 */
export function mergeOrganizations(ctx: EditContext, request: MergeRequest): Promise<WriteResult<{ kept: Organization; merge: MergeRecord }>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'organization.merge');
    const { keptId, mergedId, patchFields } = checkRequest(request);
    await lockPair(tx, keptId, mergedId, request);
    const fieldContext: FieldContext = { tx, catalog: ctx.catalog };
    const kept = await loadForWrite(tx, organizationSpec, keptId, ['input', 'keptId']);
    const merged = await loadForWrite(tx, organizationSpec, mergedId, ['input', 'mergedId']);
    const mergedBefore = snapshot(organizationSpec, merged, fieldContext);
    const keptBefore = snapshot(organizationSpec, kept, fieldContext);
    const [{ row: mergedRow }] = await tx.execute<{ row: Record<string, unknown> }[]>(`select to_jsonb(o) - 'search_text' as row from organization o where o.id = ?`, [mergedId]);
    const { moved, dropped } = await moveRows(tx, keptId, mergedId);
    // Removed before the kept record takes its values, so that a unique key (the registration number) is free.
    await tx.execute('delete from organization where id = ?', [mergedId]);
    tx.getUnitOfWork().unsetIdentity(merged);
    const note = request.reason?.trim();
    const reason = `Merged "${merged.names.sq}" (${mergedId}) into "${kept.names.sq}" (${keptId}); moved ${moveSummary(moved)}${note ? `: ${note}` : ''}`;
    const patch = Object.fromEntries(patchFields.map((field) => [field, mergedBefore[field]]));
    const audit = { authorId: actor.user.id, action: RevisionAction.MERGE, reason, recordWithoutChanges: true };
    noteLink(await applyAndRecord(tx, organizationSpec, kept, patch, fieldContext, audit), { field: 'mergedFrom', old: null, new: mergedId });
    // The kept version always moves, even when no field changed: a concurrent merge on it is then stale.
    kept.updatedAt = new Date();
    await tx.flush();
    recordRevision(tx, {
      entityType: organizationSpec.entityType,
      entityId: mergedId,
      organizationId: mergedId,
      authorId: actor.user.id,
      action: RevisionAction.MERGE,
      before: mergedBefore,
      after: { mergedInto: keptId },
      reason,
    });
    const merge: MergeRecord = {
      id: randomUUID(),
      createdAt: new Date(),
      keptId,
      mergedId,
      authorId: actor.user.id,
      mergedRow,
      keptBefore,
      keptAfter: snapshot(organizationSpec, kept, fieldContext),
      moved,
      dropped,
      undoneAt: null,
    };
    await tx.execute(
      `insert into organization_merge (id, created_at, kept_id, merged_id, author_id, merged_row, kept_before, kept_after, moved, dropped)
       values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb)`,
      [merge.id, merge.createdAt, keptId, mergedId, actor.user.id, ...[mergedRow, keptBefore, merge.keptAfter, moved, dropped].map((v) => JSON.stringify(v))],
    );
    await tx.flush();
    await refreshCoverage(tx, [keptId, mergedId]);
    return { kept, merge };
  });
}

/** Puts the merged organization's row back as it was, at a new version. */
async function restoreOrganizationRow(tx: EntityManager, row: Record<string, unknown>): Promise<void> {
  const columns = await tx.execute<{ name: string }[]>(
    `select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = 'organization' and is_generated = 'NEVER' order by ordinal_position`,
  );
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  await tx.execute(`insert into organization (${list}) select ${list} from jsonb_populate_record(null::organization, ?::jsonb)`, [JSON.stringify(row)]);
  await tx.execute('update organization set version = version + 1, updated_at = now() where id = ?', [row.id]);
}

/**
 * Undoes an active merge: the merged organization comes back (its row as it was, a new version),
 * what moved moves back (merge-moves.ts says when that is refused), the dropped duplicates return,
 * and the kept record's fields that the merge set return to their old values. Refused with
 * STALE_VERSION when one of those fields was changed again since (as revertRevision would), and
 * with INVALID_INPUT when the kept record was itself merged since (undo that merge first).
 */
export function unmergeOrganization(ctx: EditContext, mergedId: string, reasonText?: string | null): Promise<WriteResult<{ kept: Organization; restored: Organization }>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'organization.merge');
    const id = isUuid(mergedId) ? mergedId.toLowerCase() : null;
    const [merge] = id
      ? await tx.execute<MergeRecord[]>(`select ${MERGE_COLUMNS} from organization_merge where merged_id = ? and undone_at is null for update`, [id])
      : [];
    if (!merge) fail(UserErrorCode.NOT_FOUND, `No organization with the id "${String(mergedId).slice(0, 60)}" is merged into another.`, ['mergedId']);
    const locked = await tx.execute('select id from organization where id = ? for update', [merge.keptId]);
    if (!locked.length) {
      const into = await redirectedOrganizationId(tx, merge.keptId);
      fail(UserErrorCode.INVALID_INPUT, `The record this one was merged into was merged into ${into} since: undo that merge first.`, ['mergedId']);
    }
    const fieldContext: FieldContext = { tx, catalog: ctx.catalog };
    const kept = await loadForWrite(tx, organizationSpec, merge.keptId, ['mergedId']);
    const current = snapshot(organizationSpec, kept, fieldContext);
    const written = Object.keys(merge.keptAfter).filter((f) => isPatchable(organizationSpec, f) && !sameValue(merge.keptBefore[f], merge.keptAfter[f]));
    const changedSince = written.filter((f) => !sameValue(current[f], merge.keptAfter[f]));
    if (changedSince.length) {
      fail(UserErrorCode.STALE_VERSION, `Since the merge, ${changedSince.join(', ')} of the kept record changed again: edit them back by hand, or keep the merge.`, ['mergedId']);
    }
    const note = reasonText?.trim().slice(0, 1000);
    const reason = `Undid the merge of ${merge.mergedId} into ${merge.keptId}${note ? `: ${note}` : ''}`;
    const patch = Object.fromEntries(written.map((f) => [f, merge.keptBefore[f]]));
    const audit = { authorId: actor.user.id, action: RevisionAction.UNMERGE, reason, recordWithoutChanges: true };
    noteLink(await applyAndRecord(tx, organizationSpec, kept, patch, fieldContext, audit), { field: 'mergedFrom', old: merge.mergedId, new: null });
    kept.updatedAt = new Date();
    // The kept record lets go of the merged one's unique values before that row comes back.
    await tx.flush();
    await restoreOrganizationRow(tx, merge.mergedRow);
    await moveRowsBack(tx, merge.keptId, merge.mergedId, merge.moved, merge.dropped);
    const restored = await loadForWrite(tx, organizationSpec, merge.mergedId, ['mergedId']);
    recordRevision(tx, {
      entityType: organizationSpec.entityType,
      entityId: merge.mergedId,
      organizationId: merge.mergedId,
      authorId: actor.user.id,
      action: RevisionAction.UNMERGE,
      before: { mergedInto: merge.keptId },
      after: snapshot(organizationSpec, restored, fieldContext),
      reason,
    });
    await tx.execute('update organization_merge set undone_at = now(), undone_by_id = ? where id = ?', [actor.user.id, merge.id]);
    await tx.flush();
    await refreshCoverage(tx, [merge.keptId, merge.mergedId]);
    return { kept, restored };
  });
}

/** The active merges into an organization, newest first (what a moderator may undo from its history). */
export async function activeMergesInto(em: EntityManager, keptId: string): Promise<MergeRecord[]> {
  return em.execute<MergeRecord[]>(`select ${MERGE_COLUMNS} from organization_merge where kept_id = ? and undone_at is null order by created_at desc, id desc`, [
    keptId.toLowerCase(),
  ]);
}
