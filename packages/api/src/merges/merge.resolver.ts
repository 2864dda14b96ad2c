import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ActorContext } from '../access/actor-context';
import { requireAllowed } from '../access/policy';
import { UserInputError } from '../core/errors';
import { requireUuid } from '../core/ids';
import { Organization } from '../organizations/organization.entity';
import { redirectedOrganizationId } from '../organizations/organization-redirect';
import { editContext } from '../revisions/edit-context';
import { type FieldContext, organizationSpec, snapshot } from '../revisions/entity-specs';
import { sameValue } from '../revisions/revision.service';
import { movedCounts, rowsToMove } from './merge-moves';
import { activeMergesInto, MERGEABLE_FIELDS, type MergeRecord, mergeOrganizations, unmergeOrganization } from './merge.service';
import {
  MergeOrganizationsInput,
  MergeOrganizationsPayload,
  OrganizationMerge,
  OrganizationMergePreview,
  UnmergeOrganizationPayload,
} from './merge.types';

function mergeView(merge: MergeRecord): OrganizationMerge {
  const dropped = Object.fromEntries(Object.entries(merge.dropped).map(([table, rows]) => [table, rows.map((r) => String(r.id))]));
  return Object.assign(new OrganizationMerge(), {
    id: merge.id,
    createdAt: new Date(merge.createdAt),
    keptId: merge.keptId,
    mergedId: merge.mergedId,
    mergedName: String(merge.mergedRow.name_sq ?? ''),
    moved: movedCounts(merge.moved),
    dropped: movedCounts(dropped),
    undoneAt: merge.undoneAt ? new Date(merge.undoneAt) : null,
  });
}

/** An organization to compare, or a clear refusal (a merged id names the record it went into). */
async function comparable(ctx: ActorContext, id: string, arg: string): Promise<Organization> {
  const organization = await ctx.em.findOne(Organization, { id: requireUuid(id, arg) });
  if (organization) return organization;
  const into = await redirectedOrganizationId(ctx.em, id);
  throw new UserInputError(into ? `"${arg}" was already merged into ${into}.` : `No organization has the id "${id}".`, arg);
}

@Resolver()
export class MergeResolver {
  @Query(() => OrganizationMergePreview, { description: 'Moderators and administrators: two organizations side by side before merging the second into the first.' })
  async organizationMergePreview(
    @Arg('keptId', () => ID, { description: 'The organization to keep.' }) keptId: string,
    @Arg('mergedId', () => ID, { description: 'The duplicate to merge into it.' }) mergedId: string,
    @Ctx() ctx: ActorContext,
  ): Promise<OrganizationMergePreview> {
    requireAllowed(await ctx.actor(), 'organization.merge');
    if (requireUuid(keptId, 'keptId') === requireUuid(mergedId, 'mergedId')) throw new UserInputError('Choose two different organizations.', 'mergedId');
    const [kept, merged] = [await comparable(ctx, keptId, 'keptId'), await comparable(ctx, mergedId, 'mergedId')];
    const fieldContext: FieldContext = { tx: ctx.em, catalog: await ctx.catalog() };
    const [a, b] = [snapshot(organizationSpec, kept, fieldContext), snapshot(organizationSpec, merged, fieldContext)];
    const [moves, [{ n }]] = await Promise.all([
      rowsToMove(ctx.em, merged.id),
      ctx.em.execute<{ n: number }[]>('select count(*)::int as n from revision where organization_id = ?', [merged.id]),
    ]);
    return Object.assign(new OrganizationMergePreview(), {
      kept,
      merged,
      fields: MERGEABLE_FIELDS.map((field) => ({ field, kept: a[field], merged: b[field], differs: !sameValue(a[field], b[field]) })),
      moves,
      revisions: n,
    });
  }

  @Query(() => [OrganizationMerge], { description: 'Moderators and administrators: the merges into this organization that stand (each can be undone), newest first.' })
  async organizationMerges(@Arg('organizationId', () => ID, { description: 'The kept organization\'s id.' }) organizationId: string, @Ctx() ctx: ActorContext): Promise<OrganizationMerge[]> {
    requireAllowed(await ctx.actor(), 'organization.merge');
    return (await activeMergesInto(ctx.em, requireUuid(organizationId, 'organizationId'))).map(mergeView);
  }

  @Mutation(() => MergeOrganizationsPayload, {
    description:
      'Moderators and administrators: merge a duplicate into the kept organization in one transaction (fields as chosen; services, sites, licences, contracts, ' +
      'memberships, shortlist entries, claims and survey records move; the duplicate\'s id redirects to the kept one). Undo with unmergeOrganization.',
  })
  async mergeOrganizations(@Arg('input', () => MergeOrganizationsInput, { description: 'The two organizations, their versions and the field choices.' }) input: MergeOrganizationsInput, @Ctx() ctx: ActorContext): Promise<MergeOrganizationsPayload> {
    const r = await mergeOrganizations(await editContext(ctx), input);
    return Object.assign(new MergeOrganizationsPayload(), { organization: r.value?.kept ?? null, merge: r.value && mergeView(r.value.merge), userErrors: r.userErrors });
  }

  @Mutation(() => UnmergeOrganizationPayload, {
    description:
      'Moderators and administrators: undo a merge. The duplicate comes back with exactly what moved; refused (STALE_VERSION) when a moved row was deleted or moved since, ' +
      'or a field the merge set on the kept record changed again; undo later merges of the kept record first.',
  })
  async unmergeOrganization(
    @Arg('mergedId', () => ID, { description: 'The id of the merged duplicate.' }) mergedId: string,
    @Ctx() ctx: ActorContext,
    @Arg('reason', () => String, { nullable: true, description: 'Why (kept in both revisions).' }) reason?: string,
  ): Promise<UnmergeOrganizationPayload> {
    const r = await unmergeOrganization(await editContext(ctx), mergedId, reason);
    return Object.assign(new UnmergeOrganizationPayload(), { organization: r.value?.restored ?? null, kept: r.value?.kept ?? null, userErrors: r.userErrors });
  }
}
