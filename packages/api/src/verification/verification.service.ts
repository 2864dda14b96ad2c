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
import { pgArray } from '../core/sql';
import { isUuid } from '../core/ids';

/**
 * Approving verifies the organization and its licences (each its own revision). Rejecting needs a
 * reason, leaves the organization unverified and takes it off the queue until it is edited again;
 * the reason is kept in the revision.
 */
export function verifyOrganization(ctx: EditContext, id: string, version: number, approve: boolean, reason?: string | null): Promise<WriteResult<Organization>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'organization.verify');
    // Concurrent decisions queue on the row lock; each then sees what the one before committed: an
    // approval moved the version, a rejection (which may change no field) left a VERIFY revision
    // newer than the last edit. Either way exactly one decision wins.
    if (isUuid(id)) await tx.execute('select 1 from organization where id = ? for update', [id.toLowerCase()]);
    const organization = await loadForWrite(tx, organizationSpec, id, ['id']);
    checkVersion(organizationSpec, organization, version);
    const [{ decided }] = await tx.execute<{ decided: boolean }[]>(
      `select exists (select 1 from revision r join organization o on o.id = r.entity_id
                       where r.entity_id = ? and r.action = 'VERIFY' and r.created_at >= o.updated_at) as decided`,
      [organization.id],
    );
    if (decided) fail(UserErrorCode.STALE_VERSION, 'This organization was decided by someone else since its last edit: reload it.', ['version']);
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

export enum QueueItemKind {
  /** Never verified. */
  NEW_ORGANIZATION = 'NEW_ORGANIZATION',
  /** Verified before; its registration fields or licences changed since, which unverified it. */
  CHANGED_ORGANIZATION = 'CHANGED_ORGANIZATION',
  PENDING_CLAIM = 'PENDING_CLAIM',
  CHANGED_LICENCE = 'CHANGED_LICENCE',
}

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
     and not exists (select 1 from revision r where r.entity_id = o.id and r.action = 'VERIFY' and r.created_at >= o.updated_at)
  union all
  select 'PENDING_CLAIM', c.id, c.organization_id, c.created_at from organization_claim c where c.status = 'PENDING'
  union all
  select 'CHANGED_LICENCE', l.id, l.organization_id, l.updated_at
    from licence l join organization o on o.id = l.organization_id
   where l.verification_status = 'UNVERIFIED' and o.verification_status = 'VERIFIED'`;

const QUEUE_ORDER = 'oldest';

/** Restricts the queue to some kinds of work (a moderator deciding claims need not page past new organizations). */
function kindCondition(kinds: QueueItemKind[] | null | undefined): { sql: string; params: unknown[] } {
  return kinds?.length ? { sql: 'q.kind = any(?::text[])', params: [pgArray(kinds)] } : { sql: 'true', params: [] };
}

export async function verificationQueuePage(
  em: EntityManager,
  first: number,
  after?: string | null,
  kinds?: QueueItemKind[] | null,
): Promise<KeysetPage<QueueRow>> {
  const kind = kindCondition(kinds);
  const params: unknown[] = [...kind.params];
  let where = `where ${kind.sql}`;
  if (after) {
    const position = decodeCursor(after, QUEUE_ORDER);
    where += ' and (q.since, q.item_id) > (?::timestamptz, ?::uuid)';
    params.push(position.value, position.id);
  }
  const rows: { kind: QueueItemKind; item_id: string; organization_id: string; since: Date }[] = await em.execute(
    `select * from (select kind, item_id, organization_id, date_trunc('milliseconds', since) as since from (${QUEUE_SQL}) u) q ${where} order by q.since, q.item_id limit ?`,
    [...params, first + 1],
  );
  const items = rows.map((r) => ({ kind: r.kind, itemId: r.item_id, organizationId: r.organization_id, since: new Date(r.since) }));
  return keysetPage(items, first, after, (r) => ({ order: QUEUE_ORDER, value: r.since.toISOString(), id: r.itemId }));
}

export async function verificationQueueCount(em: EntityManager, kinds?: QueueItemKind[] | null): Promise<number> {
  const kind = kindCondition(kinds);
  const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from (${QUEUE_SQL}) q where ${kind.sql}`, kind.params);
  return row.n;
}
