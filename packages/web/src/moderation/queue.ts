// The moderators' queue as the URL holds it (kind, search words, order), so that a view can be
// shared and the back button works. Pure functions, unit-tested.

export const QUEUE_KINDS = ['PENDING_CLAIM', 'NEW_ORGANIZATION', 'CHANGED_ORGANIZATION', 'CHANGED_LICENCE'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];
export type QueueOrder = 'OLDEST_FIRST' | 'NEWEST_FIRST';

export interface QueueState {
  /** One kind of work, or every kind (null). */
  kind: QueueKind | null;
  /** Words of the organization's name. */
  q: string;
  order: QueueOrder;
}

export function parseQueueQuery(search: string): QueueState {
  const p = new URLSearchParams(search);
  const kind = p.get('kind');
  return {
    kind: (QUEUE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as QueueKind) : null,
    q: (p.get('q') ?? '').slice(0, 200),
    order: p.get('order') === 'NEWEST_FIRST' ? 'NEWEST_FIRST' : 'OLDEST_FIRST',
  };
}

export function queueHref(s: QueueState): string {
  const p = new URLSearchParams();
  if (s.kind) p.set('kind', s.kind);
  if (s.q.trim()) p.set('q', s.q.trim());
  if (s.order !== 'OLDEST_FIRST') p.set('order', s.order);
  const q = p.toString();
  return `/moderation${q ? `?${q}` : ''}`;
}

/** The API's arguments for a view of the queue. */
export function queueVariables(s: QueueState) {
  return { kinds: s.kind ? [s.kind] : null, search: s.q.trim() || null, order: s.order };
}

/**
 * After a decision the decided item leaves the list: the item now at the same position is the next
 * one (or, at the end, the one before); null when the list is empty.
 */
export function nextFocus(length: number, decidedIndex: number): number | null {
  if (length === 0) return null;
  return Math.min(decidedIndex, length - 1);
}
