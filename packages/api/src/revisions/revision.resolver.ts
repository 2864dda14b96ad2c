import { Arg, Args, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { UserView, userView } from '../users/user.types';
import { DeniedError, UserInputError } from '../core/errors';
import { requireUuid } from '../core/ids';
import { CountedConnectionType, EdgeType, entityPage, type EntityOrder } from '../core/connection';
import { PageArgs } from '../core/pagination';
import { JSONScalar } from '../core/scalars';
import { editContext } from './edit-context';
import { Revision, RevisionAction } from './revision.entity';
import { revertRevision } from './revert.service';
import { can, requireAllowed } from '../access/policy';
import type { ActorContext } from '../access/actor-context';
import { WritePayload } from '../core/payload';
import { absorbedOrganizationIds, redirectedOrganizationId } from '../organizations/organization-redirect';

@ObjectType('FieldChange', { description: 'One changed field: its old and new value (null for "did not exist").' })
export class FieldChangeView {
  @Field(() => String, { description: 'Name of the changed field (as in the GraphQL type).' }) field!: string;
  @Field(() => JSONScalar, { description: 'Value before the change (JSON; null when it was empty).', nullable: true }) old!: unknown;
  @Field(() => JSONScalar, { description: 'Value after the change (JSON; null when cleared).', nullable: true }) new!: unknown;
}

@ObjectType('Revision', { description: 'An entry of the audit log: who changed which fields of which record, when.' })
export class RevisionView {
  @Field(() => ID, { description: 'Globally unique id of the revision.' }) id!: string;
  @Field(() => Date, { description: 'When the change was made (UTC).' }) createdAt!: Date;
  @Field(() => String, { description: 'Organization, Service, Location, Licence, Membership, OrganizationClaim, Invitation or User.' }) entityType!: string;
  @Field(() => ID, { description: 'Id of the changed record.' }) entityId!: string;
  @Field(() => ID, { description: 'The organization the record belongs to; null for records outside one (users).', nullable: true }) organizationId!: string | null;
  @Field(() => RevisionAction, { description: 'What kind of change.' }) action!: RevisionAction;
  @Field(() => [FieldChangeView], { description: 'The fields changed, with old and new values.' }) changes!: FieldChangeView[];
  @Field(() => String, { description: 'Why, when the author gave a reason (verification, revert, claim decision).', nullable: true }) reason!: string | null;
  @Field(() => UserView, { nullable: true, description: 'The author (display name only); null for system writes and deleted users.' }) author!: UserView | null;
}

@ObjectType({ description: 'One revision of a page, with its cursor.' })
export class RevisionEdge extends EdgeType(() => RevisionView) {}

@ObjectType({ description: 'A page of revisions, newest first (Relay cursor connection).' })
export class RevisionConnection extends CountedConnectionType(RevisionEdge) {}

@ObjectType({ description: 'Result of revertRevision: the new REVERT revision, or userErrors.' })
export class RevertPayload extends WritePayload('revision', () => RevisionView, 'The new REVERT revision') {}

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
const NEWEST: EntityOrder<Revision> = {
  name: 'newest',
  property: 'createdAt',
  direction: 'desc',
  cursorValue: (r) => r.createdAt.toISOString(),
  parse: (value) => {
    const at = new Date(value ?? '');
    if (Number.isNaN(at.getTime())) throw new UserInputError('"after" is not a valid cursor.', 'after');
    return at;
  },
};

function revisionPage(ctx: ActorContext, where: Record<string, unknown>, page: PageArgs): Promise<RevisionConnection> {
  return entityPage(ctx.em, Revision, where, page, NEWEST, revisionView, ['author']);
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
    @Arg('entityType', () => String, { description: 'The record\'s type (Organization, Service, Location, Licence, …).' }) entityType: string,
    @Arg('entityId', () => ID, { description: 'The record\'s id.' }) entityId: string,
    @Ctx() ctx: ActorContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<RevisionConnection> {
    if (!(await mayReadHistoryOf(ctx, entityType))) {
      throw new DeniedError('FORBIDDEN', `The history of ${entityType} records is not public.`);
    }
    return revisionPage(ctx, { entityType, entityId: requireUuid(entityId, 'entityId') }, page);
  }

  @Query(() => RevisionConnection, {
    description: 'The public history of an organization: its profile, services, sites, licences and members, newest first, with that of the organizations merged into it.',
  })
  async organizationHistory(
    @Arg('organizationId', () => ID, { description: 'The organization\'s id.' }) organizationId: string,
    @Ctx() ctx: ActorContext,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<RevisionConnection> {
    // A merged id stands for the record it was merged into, whose history includes every record merged into it.
    const requested = requireUuid(organizationId, 'organizationId');
    const id = (await redirectedOrganizationId(ctx.em, requested)) ?? requested;
    const ids = [id, ...(await absorbedOrganizationIds(ctx.em, id))];
    return revisionPage(ctx, { organizationId: { $in: ids }, entityType: { $in: PUBLIC_TYPES } }, page);
  }

  @Query(() => RevisionConnection, { description: 'Moderators and administrators: the whole audit log, newest first, optionally of one entity type.' })
  async auditLog(
    @Ctx() ctx: ActorContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('entityType', () => String, { description: 'Only revisions of this entity type (Organization, Service, Location, Licence, Membership, OrganizationClaim, Invitation, User).', nullable: true }) entityType?: string,
  ): Promise<RevisionConnection> {
    const actor = requireAllowed(await ctx.actor(), 'auditLog.read');
    const hidden = actor.role === 'ADMIN' ? [] : ADMIN_ONLY_TYPES;
    const where: Record<string, unknown> = {};
    if (entityType) where.entityType = hidden.includes(entityType) ? { $in: [] } : entityType;
    else if (hidden.length) where.entityType = { $nin: hidden };
    return revisionPage(ctx, where, page);
  }

  @Mutation(() => RevertPayload, {
    description:
      'Moderators, or owners for their organization: applies the old values of an update revision as a new REVERT revision. ' +
      'Fails with STALE_VERSION when any of those fields changed again since.',
  })
  async revertRevision(
    @Arg('revisionId', () => ID, { description: 'The revision to undo.' }) revisionId: string,
    @Ctx() ctx: ActorContext,
    @Arg('reason', () => String, { description: 'Why the change is reverted (kept in the new revision).', nullable: true }) reason?: string,
  ): Promise<RevertPayload> {
    const result = await revertRevision(await editContext(ctx), revisionId, reason);
    return RevertPayload.ofView(result, async (revision) => revisionView(await ctx.em.populate(revision, ['author'])));
  }
}
