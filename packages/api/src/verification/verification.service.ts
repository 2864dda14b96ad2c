import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../users/user.entity';
import { authorize, requireSignedIn } from '../access/policy';
import { RevisionAction } from '../revisions/revision.entity';
import { checkVersion, type EditContext, loadForWrite, recordChange } from '../revisions/editing.service';
import { licenceSpec, organizationSpec } from '../revisions/entity-specs';
import { type KeysetPage, keysetPage } from '../core/connection';
import { decodeCursor } from '../core/pagination';
import { fail, UserErrorCode, type WriteResult, writeTransaction } from '../core/user-errors';
import { Licence } from '../licences/licence.entity';
import type { Organization } from '../organizations/organization.entity';
import { VerificationStatus } from '../organizations/organization.enums';
import { and, pgArray, type Sql, sql } from '../core/sql';
import { textConditions } from '../organizations/filter-values';
import { defineEnum, type EnumValue } from '../core/enums';

/**
 * Approving verifies the organization and its licences (each its own revision). Rejecting needs a
 * reason, leaves the organization unverified and takes it off the queue until it is edited again;
 * the reason is kept in the revision.
 */
export function verifyOrganization(ctx: EditContext, id: string, version: number, approve: boolean, reason?: string | null): Promise<WriteResult<Organization>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'organization.verify');
    const organization = await loadForWrite(tx, organizationSpec, id, ['id']);
    checkVersion(organizationSpec, organization, version);
    const note = reason?.trim() || null;
    if (note && note.length > 2000) fail(UserErrorCode.INVALID_INPUT, 'The reason may have at most 2,000 characters.', ['reason']);
    if (!approve && !note) fail(UserErrorCode.INVALID_INPUT, 'Give a reason when rejecting, so the organization knows what to fix.', ['reason']);
    const now = new Date();
    const fieldContext = { tx, catalog: ctx.catalog };
    const audit = { authorId: actor.user.id, action: RevisionAction.VERIFY, reason: approve ? note : `Rejected: ${note}`, recordWithoutChanges: true };
    await recordChange(tx, organizationSpec, organization, fieldContext, audit, () => {
      organization.verificationStatus = approve ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED;
      organization.verifiedAt = approve ? now : null;
      organization.verifiedBy = approve ? tx.getReference(User, actor.user.id) : null;
      // A decision always moves the version, even a rejection that changes no field: concurrent
      // decisions on one version then race on it, and exactly one wins (the others: STALE_VERSION).
      organization.updatedAt = now;
    });
    if (approve) {
      const licences = await tx.find(Licence, { organization: organization.id, verificationStatus: VerificationStatus.UNVERIFIED }, { populate: ['categories'] });
      for (const licence of licences) {
        await recordChange(tx, licenceSpec, licence, fieldContext, { authorId: actor.user.id, action: RevisionAction.VERIFY, reason: note }, () => {
          licence.verificationStatus = VerificationStatus.VERIFIED;
          licence.verifiedAt = now;
        });
      }
    }
    return organization;
  });
}

/** "Still current": the members confirm the record without changing it. */
export function confirmOrganizationCurrent(ctx: EditContext, id: string, version: number): Promise<WriteResult<Organization>> {
  return writeTransaction(ctx.em, async (tx) => {
    requireSignedIn(ctx.actor);
    const organization = await loadForWrite(tx, organizationSpec, id, ['id']);
    const actor = authorize(ctx.actor, 'organization.confirmCurrent', organization.id);
    checkVersion(organizationSpec, organization, version);
    await recordChange(tx, organizationSpec, organization, { tx, catalog: ctx.catalog }, { authorId: actor.user.id, action: RevisionAction.CONFIRM }, () => {
      organization.lastConfirmedAt = new Date();
    });
    return organization;
  });
}

export type QueueItemKind = EnumValue<typeof QueueItemKind>;
export const QueueItemKind = defineEnum('VerificationQueueItemKind', 'What a verification-queue item asks a moderator to check.', {
  NEW_ORGANIZATION: 'An organization never verified.',
  CHANGED_ORGANIZATION: 'Verified before; a change of its registration fields or licences unverified it.',
  PENDING_CLAIM: 'A claim to decide.',
  CHANGED_LICENCE: 'An unverified licence of an organization that is still verified (e.g. imported).',
});

export interface QueueRow {
  kind: QueueItemKind;
  itemId: string;
  organizationId: string;
  since: Date;
}

/**
 * The moderators' work, oldest first: unverified organizations not rejected since their last edit
 * (new ones, and those a change of registration fields or licences unverified), pending claims, and
 * unverified licences of organizations that are still verified (e.g. imported).
 */
const QUEUE_SQL = `
  select case when exists (select 1 from revision p where p.entity_type = 'Organization' and p.entity_id = o.id
                            and p.changes @> '[{"field": "verificationStatus", "old": "VERIFIED"}]'::jsonb)
              then 'CHANGED_ORGANIZATION' else 'NEW_ORGANIZATION' end as kind,
         o.id as item_id, o.id as organization_id, o.updated_at as since
    from organization o
   where o.verification_status = 'UNVERIFIED'
     -- not decided since its last edit: its latest revision is not a decision (a decision moves the
     -- version, and with it updated_at, so the time of the last edit cannot tell)
     and (select r.action from revision r where r.entity_type = 'Organization' and r.entity_id = o.id
           order by r.created_at desc, r.id desc limit 1) is distinct from 'VERIFY'
  union all
  select 'PENDING_CLAIM', c.id, c.organization_id, c.created_at from organization_claim c where c.status = 'PENDING'
  union all
  select 'CHANGED_LICENCE', l.id, l.organization_id, l.updated_at
    from licence l join organization o on o.id = l.organization_id
   where l.verification_status = 'UNVERIFIED' and o.verification_status = 'VERIFIED'`;

/** Which end of the queue comes first: the oldest work (the default) or the newest. */
export type QueueOrder = EnumValue<typeof QueueOrder>;
export const QueueOrder = defineEnum('VerificationQueueOrder', 'Which end of the moderators\' queue comes first.', {
  OLDEST_FIRST: 'The work waiting longest first (the default).',
  NEWEST_FIRST: 'The newest work first: a claim made a moment ago is on the first page.',
});

export interface QueueQuery {
  /** Only these kinds of work (a moderator deciding claims need not page past new organizations). */
  kinds?: QueueItemKind[] | null;
  /** Words of the organization's name or acronym (diacritics-insensitive, every word must match). */
  search?: string | null;
  order?: QueueOrder | null;
}

/** The queue's rows joined to their organization (alias o), with the search's conditions. */
function queueSource(query: QueueQuery, withKinds: boolean): Sql {
  const conditions: Sql[] = [];
  if (withKinds && query.kinds?.length) conditions.push(sql('q.kind = any(?::text[])', pgArray(query.kinds)));
  if (query.search?.trim()) conditions.push(...textConditions(query.search, 'search'));
  const where = and(conditions);
  return sql(
    `(select q.kind, q.item_id, q.organization_id, date_trunc('milliseconds', q.since) as since from (${QUEUE_SQL}) q` +
      ` join organization o on o.id = q.organization_id where ${where.text})`,
    ...where.params,
  );
}

export async function verificationQueuePage(em: EntityManager, first: number, after: string | null | undefined, query: QueueQuery = {}): Promise<KeysetPage<QueueRow>> {
  const newest = query.order === QueueOrder.NEWEST_FIRST;
  const order = newest ? 'newest' : 'oldest';
  const source = queueSource(query, true);
  const params: unknown[] = [...source.params];
  let where = 'true';
  if (after) {
    const position = decodeCursor(after, order);
    where = `(q.since, q.item_id) ${newest ? '<' : '>'} (?::timestamptz, ?::uuid)`;
    params.push(position.value, position.id);
  }
  const direction = newest ? 'desc' : 'asc';
  const rows: { kind: QueueItemKind; item_id: string; organization_id: string; since: Date }[] = await em.execute(
    `select * from ${source.text} q where ${where} order by q.since ${direction}, q.item_id ${direction} limit ?`,
    [...params, first + 1],
  );
  const items = rows.map((r) => ({ kind: r.kind, itemId: r.item_id, organizationId: r.organization_id, since: new Date(r.since) }));
  return keysetPage(items, first, after, (r) => ({ order, value: r.since.toISOString(), id: r.itemId }));
}

export async function verificationQueueCount(em: EntityManager, query: QueueQuery = {}): Promise<number> {
  const source = queueSource(query, true);
  const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from ${source.text} q`, source.params);
  return row.n;
}

/** How many items of each kind match the search (whatever kinds are asked for): the counts beside the kind filters. */
export async function verificationQueueCountsByKind(em: EntityManager, query: QueueQuery = {}): Promise<{ kind: QueueItemKind; count: number }[]> {
  const source = queueSource(query, false);
  const rows = await em.execute<{ kind: QueueItemKind; n: number }[]>(`select q.kind, count(*)::int as n from ${source.text} q group by q.kind`, source.params);
  const byKind = new Map(rows.map((r) => [r.kind, r.n]));
  return Object.values(QueueItemKind).map((kind) => ({ kind, count: byKind.get(kind) ?? 0 }));
}
