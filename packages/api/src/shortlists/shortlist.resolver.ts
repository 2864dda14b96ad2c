import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { authorize } from '../access/policy';
import { UserError, UserErrorsException } from '../core/user-errors';
import { Organization } from '../organizations/organization.entity';
import { Shortlist, ShortlistEntry } from './shortlist.entity';
import { CreateShortlistInput, UpdateShortlistInput } from './shortlist.inputs';
import * as shortlists from './shortlist.service';
import type { ActorContext } from '../access/actor-context';
import type { WithLoaders } from '../core/context';
import type { OrganizationLoaders } from '../organizations/organization.loaders';
import { WritePayload } from '../core/payload';
import { InputArg } from '../core/input-arg';

type ShortlistsContext = ActorContext & WithLoaders<OrganizationLoaders>;

@ObjectType({ description: 'Result of createShortlist or updateShortlist: the shortlist as written, or userErrors.' })
export class ShortlistPayload extends WritePayload('shortlist', () => Shortlist, 'The shortlist as written') {}

@Resolver(() => Shortlist)
export class ShortlistResolver {
  @Query(() => [Shortlist], { description: 'The signed-in officer\'s shortlists, newest first (empty when signed out).' })
  async myShortlists(@Ctx() ctx: ShortlistsContext): Promise<Shortlist[]> {
    const actor = await ctx.actor();
    if (!actor) return [];
    return ctx.em.find(Shortlist, { owner: actor.user.id }, { populate: ['entries'], orderBy: { updatedAt: 'desc', entries: { position: 'asc' } } });
  }

  @Query(() => Shortlist, { nullable: true, description: 'One of your shortlists.' })
  async shortlist(@Arg('id', () => ID, { description: 'The shortlist\'s id (only the owner\'s shortlists are found).' }) id: string, @Ctx() ctx: ShortlistsContext): Promise<Shortlist | null> {
    try {
      const actor = authorize(await ctx.actor(), 'shortlist.write');
      return await shortlists.loadOwnShortlist(ctx.em, actor, id);
    } catch (error) {
      if (error instanceof UserErrorsException) return null;
      throw error;
    }
  }

  @Mutation(() => ShortlistPayload, { description: 'Officers and administrators: a named shortlist of organizations, with notes.' })
  async createShortlist(@InputArg(() => CreateShortlistInput) input: CreateShortlistInput, @Ctx() ctx: ShortlistsContext): Promise<ShortlistPayload> {
    return ShortlistPayload.of(await shortlists.createShortlist(ctx.em, await ctx.actor(), input));
  }

  @Mutation(() => ShortlistPayload, { description: 'Rename, annotate, or change the organizations of your shortlist.' })
  async updateShortlist(@InputArg(() => UpdateShortlistInput) input: UpdateShortlistInput, @Ctx() ctx: ShortlistsContext): Promise<ShortlistPayload> {
    return ShortlistPayload.of(await shortlists.updateShortlist(ctx.em, await ctx.actor(), input));
  }

  @FieldResolver(() => [ShortlistEntry], { description: 'The shortlisted organizations, in the officer\'s order.' })
  entries(@Root() list: Shortlist): ShortlistEntry[] {
    return [...list.entries.getItems()].sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => String, { description: 'Download as CSV (your session cookie or bearer token is needed).' })
  csvUrl(@Root() list: Shortlist): string {
    return `/export/shortlists/${list.id}.csv`;
  }
}

@Resolver(() => ShortlistEntry)
export class ShortlistEntryResolver {
  @FieldResolver(() => Organization, { description: 'The shortlisted organization.' })
  async organization(@Root() entry: ShortlistEntry, @Ctx() ctx: ShortlistsContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(entry.organization.id))!;
  }
}
