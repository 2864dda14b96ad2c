import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../users/user.entity';
import { type FieldChange, Revision, RevisionAction } from './revision.entity';

/** An entity's audited fields as plain JSON values (dates as ISO strings, references as ids or codes). */
export type Snapshot = Record<string, unknown>;

/** Order-insensitive for object keys, so {a, b} equals {b, a}; arrays keep their order (callers sort sets). */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** The fields whose value differs, in a stable order. `null` stands for "did not exist" (create, delete). */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = before?.[field] ?? null;
    const next = after?.[field] ?? null;
    if (!sameValue(old, next)) changes.push({ field, old, new: next });
  }
  return changes;
}

export interface RevisionInput {
  entityType: string;
  entityId: string;
  organizationId: string | null;
  authorId: string | null;
  action: RevisionAction;
  before: Snapshot | null;
  after: Snapshot | null;
  reason?: string | null;
  /** Decisions (a rejection, a confirmation) are recorded even when no field changed. */
  recordWithoutChanges?: boolean;
}

/**
 * The one way writes reach the audit log: the changed fields are derived by diffing the entity's
 * snapshots before and after the write, and the revision is persisted in the caller's transaction,
 * so it commits or rolls back with the change itself. Returns null when nothing changed.
 */
export function recordRevision(tx: EntityManager, input: RevisionInput): Revision | null {
  const changes = diffSnapshots(input.before, input.after);
  if (!changes.length && !input.recordWithoutChanges) return null;
  const revision = tx.create(Revision, {
    entityType: input.entityType,
    entityId: input.entityId,
    organizationId: input.organizationId,
    author: input.authorId ? tx.getReference(User, input.authorId) : null,
    action: input.action,
    changes,
    reason: input.reason ?? null,
    createdAt: new Date(),
  });
  tx.persist(revision);
  return revision;
}
