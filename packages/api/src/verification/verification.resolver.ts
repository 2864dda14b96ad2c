import { Arg, Args, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { RecordVersionArgs } from '../core/record-version';
import { ClaimView } from '../accounts/account.types';
import { OrganizationClaim } from '../accounts/organization-claim.entity';
import { claimView } from '../accounts/membership.resolver';
import { can, requireAllowed } from '../access/policy';
import { OrganizationPayload } from '../revisions/editing.payloads';
import { CountedConnectionType, EdgeType, edgesOf } from '../core/connection';
import { pageSize } from '../core/pagination';
import { editContext } from '../revisions/edit-context';
import { Licence } from '../licences/licence.entity';
import { Organization } from '../organizations/organization.entity';
import {
  confirmOrganizationCurrent,
  QueueItemKind,
  QueueOrder,
  verificationQueueCount,
  verificationQueueCountsByKind,
  verificationQueuePage,
  verifyOrganization,
} from './verification.service';
import type { ActorContext } from '../access/actor-context';
import type { WithLoaders } from '../core/context';
import type { OrganizationLoaders } from '../organizations/organization.loaders';

type VerificationContext = ActorContext & WithLoaders<OrganizationLoaders>;

@ObjectType({ description: 'Work for moderators: a new organization, a pending claim, or a licence changed since verification.' })
export class VerificationQueueItem {
  @Field(() => QueueItemKind, { description: 'What there is to decide.' }) kind!: QueueItemKind;
  @Field(() => Date, { description: 'Since when it waits.' }) since!: Date;
  @Field(() => Organization, { description: 'The organization concerned.' }) organization!: Organization;
  @Field(() => ClaimView, { nullable: true, description: 'The claim, for PENDING_CLAIM.' }) claim!: ClaimView | null;
  @Field(() => Licence, { nullable: true, description: 'The licence, for CHANGED_LICENCE.' }) licence!: Licence | null;
}

@ObjectType({ description: 'How many items of one kind are in the queue for the search (whatever kinds the page shows).' })
export class VerificationQueueKindCount {
  @Field(() => QueueItemKind, { description: 'The kind of work.' }) kind!: QueueItemKind;
  @Field(() => Int, { description: 'Items of that kind matching the search.' }) count!: number;
}

@ObjectType({ description: 'An item of the verification queue, with its cursor.' })
export class VerificationQueueEdge extends EdgeType(() => VerificationQueueItem) {}

@ObjectType({ description: 'A page of the verification queue.' })
export class VerificationQueueConnection extends CountedConnectionType(VerificationQueueEdge) {
  @Field(() => [VerificationQueueKindCount], { description: 'Items per kind matching the search, every kind listed (0 when none), to show beside the kind filters.' })
  countsByKind!: VerificationQueueKindCount[];
}

@Resolver()
export class VerificationResolver {
  @Query(() => VerificationQueueConnection, { description: 'Moderators and administrators: the verification queue (oldest first unless `order` says otherwise).' })
  async verificationQueue(
    @Ctx() ctx: VerificationContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page (of the same order).' }) after?: string,
    @Arg('kinds', () => [QueueItemKind], { nullable: true, description: 'Only these kinds of work (default all).' }) kinds?: QueueItemKind[],
    @Arg('search', () => String, { nullable: true, description: 'Words of the organization\'s name (sq, sr, en) or acronym; case- and diacritics-insensitive, every word must match; at most 200 characters.' })
    search?: string,
    @Arg('order', () => QueueOrder, { nullable: true, defaultValue: QueueOrder.OLDEST_FIRST, description: 'Oldest (default) or newest first.' }) order?: QueueOrder,
  ): Promise<VerificationQueueConnection> {
    requireAllowed(await ctx.actor(), 'verificationQueue.read');
    const size = pageSize(first);
    const query = { kinds, search, order };
    const [page, totalCount, countsByKind] = await Promise.all([
      verificationQueuePage(ctx.em, size, after, query),
      verificationQueueCount(ctx.em, query),
      verificationQueueCountsByKind(ctx.em, query),
    ]);
    const claimIds = page.rows.filter((r) => r.kind === QueueItemKind.PENDING_CLAIM).map((r) => r.itemId);
    const licenceIds = page.rows.filter((r) => r.kind === QueueItemKind.CHANGED_LICENCE).map((r) => r.itemId);
    const [claims, licences] = await Promise.all([
      claimIds.length ? ctx.em.find(OrganizationClaim, { id: { $in: claimIds } }, { populate: ['claimant'] }) : [],
      licenceIds.length ? ctx.em.find(Licence, { id: { $in: licenceIds } }) : [],
    ]);
    const claimById = new Map(claims.map((c) => [c.id, c]));
    const licenceById = new Map(licences.map((l) => [l.id, l]));
    const nodes = await Promise.all(
      page.rows.map(async (row) =>
        Object.assign(new VerificationQueueItem(), {
          kind: row.kind,
          since: row.since,
          organization: await ctx.loaders.organization.load(row.organizationId),
          claim: claimById.has(row.itemId) ? await claimView(ctx, claimById.get(row.itemId)!) : null,
          licence: licenceById.get(row.itemId) ?? null,
        }),
      ),
    );
    return { edges: edgesOf(page.rows, (_row, i) => nodes[i]), pageInfo: page.pageInfo, totalCount, countsByKind };
  }

  @Mutation(() => OrganizationPayload, { description: 'Moderators: approve (verified, with date and verifier, and its licences) or reject with a reason.' })
  async verifyOrganization(
    @Arg('id', () => ID, { description: 'The organization\'s id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read: a stale one changes nothing and returns a STALE_VERSION userError.' }) version: number,
    @Arg('approve', () => Boolean, { description: 'true verifies the organization (and its licences), false withdraws verification.' }) approve: boolean,
    @Ctx() ctx: VerificationContext,
    @Arg('reason', () => String, { description: 'Why; kept in the VERIFY revision.', nullable: true }) reason?: string,
  ): Promise<OrganizationPayload> {
    return OrganizationPayload.of(await verifyOrganization(await editContext(ctx), id, version, approve, reason));
  }

  @Mutation(() => OrganizationPayload, { description: 'Members: confirm the record is still current (sets lastConfirmedAt).' })
  async confirmOrganizationCurrent(@Args(() => RecordVersionArgs) { id, version }: RecordVersionArgs, @Ctx() ctx: VerificationContext): Promise<OrganizationPayload> {
    return OrganizationPayload.of(await confirmOrganizationCurrent(await editContext(ctx), id, version));
  }
}
