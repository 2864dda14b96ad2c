import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, UserErrorCode } from '../core/user-errors';

/**
 * Everything that belongs to an organization and moves with a merge, in one table: each row that
 * points at the merged organization is re-pointed at the kept one. Where a table allows one row per
 * organization and something else (a user's membership, a shortlist's entry, a claimant's pending
 * claim, a wave's invitation and response), the kept record's row wins: the merged one's is dropped,
 * and kept whole in the merge record so that undoing the merge puts it back.
 *
 * Revisions do not move (the audit log is never edited): the history of the kept record follows the
 * merges instead (organizations/organization-redirect.ts). The coverage tables are derived and are
 * refreshed. merge.test.ts checks that this list names every foreign key to organization.
 */
export interface MoveSpec {
  /** The name of the count in MergeMoves. */
  kind: MoveKind;
  table: string;
  column: string;
  /** With `column`, a unique key: a merged row whose key the kept record already has is dropped. */
  key?: string[];
  /** The condition of a partial unique key, over an alias. */
  keyWhere?: (alias: string) => string;
}

export type MoveKind =
  | 'services'
  | 'sites'
  | 'licences'
  | 'contracts'
  | 'memberships'
  | 'shortlistEntries'
  | 'claims'
  | 'invitations'
  | 'surveyInvitations'
  | 'surveyResponses'
  | 'surveyNotices';

export const MOVES: readonly MoveSpec[] = [
  { kind: 'services', table: 'service', column: 'organization_id' },
  { kind: 'sites', table: 'location', column: 'organization_id' },
  { kind: 'licences', table: 'licence', column: 'organization_id' },
  { kind: 'contracts', table: 'contract', column: 'provider_id' },
  { kind: 'memberships', table: 'membership', column: 'organization_id', key: ['user_id'] },
  { kind: 'shortlistEntries', table: 'shortlist_entry', column: 'organization_id', key: ['shortlist_id'] },
  { kind: 'claims', table: 'organization_claim', column: 'organization_id', key: ['claimant_id'], keyWhere: (a) => `${a}.status = 'PENDING'` },
  { kind: 'invitations', table: 'invitation', column: 'organization_id' },
  { kind: 'surveyInvitations', table: 'survey_invitation', column: 'organization_id', key: ['wave_id'] },
  { kind: 'surveyResponses', table: 'survey_response', column: 'organization_id', key: ['wave_id'] },
  { kind: 'surveyNotices', table: 'survey_notice', column: 'organization_id' },
];

/** Per table: the ids that moved, and the whole rows that were dropped as duplicates. */
export type MovedRows = Record<string, string[]>;
export type DroppedRows = Record<string, Record<string, unknown>[]>;

function duplicateCondition(spec: MoveSpec): string {
  if (!spec.key) return 'false';
  const same = spec.key.map((c) => `k.${c} = t.${c}`).join(' and ');
  const partial = spec.keyWhere ? ` and ${spec.keyWhere('t')} and ${spec.keyWhere('k')}` : '';
  return `exists (select 1 from ${spec.table} k where k.${spec.column} = ? and ${same}${partial})`;
}

/** Moves every row of the merged organization to the kept one, dropping the duplicates; returns what it did. */
export async function moveRows(tx: EntityManager, keptId: string, mergedId: string): Promise<{ moved: MovedRows; dropped: DroppedRows }> {
  const moved: MovedRows = {};
  const dropped: DroppedRows = {};
  const run = <T>(text: string, params: unknown[]) => tx.execute<T[]>(text, params as any[]);
  for (const spec of MOVES) {
    if (spec.key) {
      const rows = await run<{ row: Record<string, unknown> }>(
        `delete from ${spec.table} t where t.${spec.column} = ? and ${duplicateCondition(spec)} returning to_jsonb(t) as row`,
        [mergedId, keptId],
      );
      dropped[spec.table] = rows.map((r) => r.row);
    }
    const rows = await run<{ id: string }>(`update ${spec.table} set ${spec.column} = ? where ${spec.column} = ? returning id`, [keptId, mergedId]);
    moved[spec.table] = rows.map((r) => r.id).sort();
  }
  return { moved, dropped };
}

/** How many rows of each kind a merge would move (the preview), or moved (a merge record). */
export function movedCounts(moved: MovedRows): Record<MoveKind, number> {
  return Object.fromEntries(MOVES.map((spec) => [spec.kind, moved[spec.table]?.length ?? 0])) as Record<MoveKind, number>;
}

/** The preview's counts: the rows of the merged organization, per kind. */
export async function rowsToMove(em: EntityManager, mergedId: string): Promise<Record<MoveKind, number>> {
  const counts = MOVES.map((spec) => `(select count(*)::int from ${spec.table} where ${spec.column} = ?) as "${spec.kind}"`).join(', ');
  const [row] = await em.execute<Record<MoveKind, number>[]>(`select ${counts}`, MOVES.map(() => mergedId));
  return row;
}

/**
 * Undoing a merge moves back exactly the rows that moved and restores the dropped ones. It refuses
 * (STALE_VERSION) when a moved row was deleted or moved elsewhere since: the merge could no longer
 * be undone exactly, and a moderator has to sort it out by hand. Rows added to the kept record since
 * the merge stay with it; edits of moved rows move back with them.
 */
export async function moveRowsBack(tx: EntityManager, keptId: string, mergedId: string, moved: MovedRows, dropped: DroppedRows): Promise<void> {
  const run = <T>(text: string, params: unknown[]) => tx.execute<T[]>(text, params as any[]);
  const missing: string[] = [];
  for (const spec of MOVES) {
    const ids = moved[spec.table] ?? [];
    if (!ids.length) continue;
    const [{ n }] = await run<{ n: number }>(`select count(*)::int as n from ${spec.table} where id = any(?::uuid[]) and ${spec.column} = ?`, [`{${ids.join(',')}}`, keptId]);
    if (n !== ids.length) missing.push(`${ids.length - n} of ${ids.length} ${spec.kind}`);
  }
  if (missing.length) {
    fail(UserErrorCode.STALE_VERSION, `Since the merge, ${missing.join(', ')} that moved were deleted or moved elsewhere: the merge cannot be undone exactly.`, ['mergedId']);
  }
  for (const spec of MOVES) {
    const ids = moved[spec.table] ?? [];
    if (ids.length) await run(`update ${spec.table} set ${spec.column} = ? where id = any(?::uuid[])`, [mergedId, `{${ids.join(',')}}`]);
    for (const row of dropped[spec.table] ?? []) {
      await run(`insert into ${spec.table} select * from jsonb_populate_record(null::${spec.table}, ?::jsonb)`, [JSON.stringify(row)]);
    }
  }
}
