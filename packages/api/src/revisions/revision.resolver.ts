import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { UserView, userView } from '../users/user.types';
import { DeniedError, UserInputError } from '../core/errors';
import { requireUuid } from '../core/ids';
import { CountedConnectionType, EdgeType, edgesOf, keysetPage } from '../core/connection';
import { decodeCursor, pageSize } from '../core/pagination';
import { JSONScalar } from '../core/scalars';
import { UserError } from '../core/user-errors';
import { editContext } from './edit-context';
import { Revision, RevisionAction } from './revision.entity';
import { revertRevision } from './revert.service';
import { registerEnumType } from 'type-graphql';
import { can, requireAllowed } from '../access/policy';
import type { ActorContext } from '../access/actor-context';

registerEnumType(RevisionAction, { name: 'RevisionAction' });

@ObjectType('FieldChange', { description: 'One changed field: its old and new value (null for "did not exist").' })
export class FieldChangeView {
  @Field(() => String) field!: string;
  @Field(() => JSONScalar, { nullable: true }) old!: unknown;
  @Field(() => JSONScalar, { nullable: true }) new!: unknown;
}

@ObjectType('Revision', { description: 'An entry of the audit log: who changed which fields of which record, when.' })
export class RevisionView {
  @Field(() => ID) id!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'Organization, Service, Location, Licence, Membership, OrganizationClaim, Invitation or User.' }) entityType!: string;
  @Field(() => ID) entityId!: string;
  @Field(() => ID, { nullable: true }) organizationId!: string | null;
  @Field(() => RevisionAction) action!: RevisionAction;
  @Field(() => [FieldChangeView]) changes!: FieldChangeView[];
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => UserView, { nullable: true, description: 'The author (display name only); null for system writes and deleted users.' }) author!: UserView | null;
}

@ObjectType()
export class RevisionEdge extends EdgeType(() => RevisionView) {}

@ObjectType()
export class RevisionConnection extends CountedConnectionType(RevisionEdge) {}

@ObjectType()
export class RevertPayload {
  @Field(() => RevisionView, { nullable: true, description: 'The new REVERT revision.' }) revision!: RevisionView | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

const ORDER = 'newest';

export function revisionView(revision: Revision): RevisionView {
  return Object.assign(new RevisionView(), {
    id: revision.id,
    createdAt: revision.createdAt,
    entityType: revision.entityType,
    entityId: revision.entityId,
    organizationId: revision.organizationId ?? null,
    action: revision.action,
    changes: revision.changes.map((c) => Object.assign(new FieldChangeView(), c)),
    reason: revision.reason ?? null,
    author: revision.author && revision.author.displayName !== undefined ? userView(revision.author) : null,
  });
}

/** Newest first; the cursor is (createdAt, id), so revisions written in the same millisecond still page exactly. */
async function revisionPage(ctx: ActorContext, where: Record<string, unknown>, first?: number | null, after?: string | null): Promise<RevisionConnection> {
  const size = pageSize(first);
  const filter: Record<string, unknown> = { ...where };
  if (after) {
    const position = decodeCursor(after, ORDER);
    const at = new Date(position.value ?? '');
    if (Number.isNaN(at.getTime())) throw new UserInputError('"after" is not a valid cursor.', 'after');
    filter.$or = [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: position.id } }];
  }
  const [rows, totalCount] = await Promise.all([
    ctx.em.find(Revision, filter, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: size + 1, populate: ['author'] }),
    ctx.em.count(Revision, where),
  ]);
  const page = keysetPage(rows, size, after, (r) => ({ order: ORDER, value: r.createdAt.toISOString(), id: r.id }));
  return { edges: edgesOf(page.rows, revisionView), pageInfo: page.pageInfo, totalCount };
}

/**
 * The registry's records have a public audit trail. Claims and invitations (who asked, why, how a
 * moderator answered) are for moderators and administrators; users' records for administrators.
 */
const PUBLIC_TYPES = ['Organization', 'Service', 'Location', 'Licence', 'Membership'];
const ADMIN_ONLY_TYPES = ['User'];

async function mayReadHistoryOf(ctx: ActorContext, entityType: string): Promise<boolean> {
  if (PUBLIC_TYPES.includes(entityType)) return true;
  const actor = await ctx.actor();
  return ADMIN_ONLY_TYPES.includes(entityType) ? actor?.role === 'ADMIN' : can(actor, 'auditLog.read');
}

@Resolver()
export class RevisionResolver {
  @Query(() => RevisionConnection, { description: 'The revisions of one record, newest first. Public for registry records.' })
  async revisions(
    @Arg('entityType', () => String) entityType: string,
    @Arg('entityId', () => ID) entityId: string,
    @Ctx() ctx: ActorContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<RevisionConnection> {
    if (!(await mayReadHistoryOf(ctx, entityType))) {
      throw new DeniedError('FORBIDDEN', `The history of ${entityType} records is not public.`);
    }
    return revisionPage(ctx, { entityType, entityId: requireUuid(entityId, 'entityId') }, first, after);
  }

  @Query(() => RevisionConnection, { description: 'The public history of an organization: its profile, services, sites, licences and members, newest first.' })
  organizationHistory(
    @Arg('organizationId', () => ID) organizationId: string,
    @Ctx() ctx: ActorContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<RevisionConnection> {
    return revisionPage(ctx, { organizationId: requireUuid(organizationId, 'organizationId'), entityType: { $in: PUBLIC_TYPES } }, first, after);
  }

  @Query(() => RevisionConnection, { description: 'Moderators and administrators: the whole audit log, newest first, optionally of one entity type.' })
  async auditLog(
    @Ctx() ctx: ActorContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('entityType', () => String, { nullable: true }) entityType?: string,
  ): Promise<RevisionConnection> {
    const actor = requireAllowed(await ctx.actor(), 'auditLog.read');
    const hidden = actor.role === 'ADMIN' ? [] : ADMIN_ONLY_TYPES;
    const where: Record<string, unknown> = {};
    if (entityType) where.entityType = hidden.includes(entityType) ? { $in: [] } : entityType;
    else if (hidden.length) where.entityType = { $nin: hidden };
    return revisionPage(ctx, where, first, after);
  }

  @Mutation(() => RevertPayload, {
    description:
      'Moderators, or owners for their organization: applies the old values of an update revision as a new REVERT revision. ' +
      'Fails with STALE_VERSION when any of those fields changed again since.',
  })
  async revertRevision(
    @Arg('revisionId', () => ID) revisionId: string,
    @Ctx() ctx: ActorContext,
    @Arg('reason', () => String, { nullable: true }) reason?: string,
  ): Promise<RevertPayload> {
    const result = await revertRevision(await editContext(ctx), revisionId, reason);
    if (result.value) await ctx.em.populate(result.value, ['author']);
    return Object.assign(new RevertPayload(), { revision: result.value && revisionView(result.value), userErrors: result.userErrors });
  }
}
