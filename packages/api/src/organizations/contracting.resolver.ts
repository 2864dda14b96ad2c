import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, Float, ID, Info, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ConnectionType, EdgeType } from '../core/connection';
import { Language } from '../core/localized-text';
import { pageSize } from '../core/pagination';
import { ProjectionRegistry } from '../core/projection';
import { DateScalar } from '../core/scalars';
import { contractingPage } from './contracting-search';
import { Contractability } from './contractability.types';
import { Organization } from './organization.entity';
import { NearInput } from './organization.inputs';
import type { OrganizationsContext } from './organization.loaders';

@ObjectType({ description: 'One provider of the officer\'s ranked list, with the contractable rule checked condition by condition.' })
export class ContractingEdge extends EdgeType(() => Organization) {
  @Field(() => Float, { nullable: true, description: 'Kilometres from the point to the provider\'s nearest site within the radius; set when searching near a point.' })
  distanceKm!: number | null;

  @Field(() => Int, { nullable: true, description: 'Beneficiaries per year over the provider\'s active services in the category (null when none states it).' })
  capacity!: number | null;

  @Field(() => Int, { nullable: true, description: 'Residential places over the provider\'s active services in the category (null when none states it).' })
  residentialPlaces!: number | null;

  @Field(() => Contractability, { description: 'The contractable rule for this provider: its verdict, and each condition with whether it holds and why.' })
  contractability!: Contractability;
}

@ObjectType({ description: 'The officer\'s ranked list: contractable first, then nearest (by a point), largest capacity, name.' })
export class ContractingConnection extends ConnectionType(ContractingEdge) {
  @Field(() => Int, { description: 'How many providers offer the category in the place (contractable or not).' })
  totalCount!: number;

  @Field(() => Int, { description: 'How many of them are contractable.' })
  contractableCount!: number;
}

@Resolver()
export class ContractingResolver {
  @Query(() => ContractingConnection, {
    description:
      'Find contractable providers (DESIGN section 1): every organization with a service in the category in the municipality (or at a site within the radius of a point), ranked contractable first, each with the contractable rule checked condition by condition. Give exactly one of municipality and near.',
  })
  async contractingSearch(
    @Ctx() ctx: OrganizationsContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('category', () => ID, { description: 'Service category code; a parent category includes the categories below it.' }) category: string,
    @Arg('municipality', () => ID, { nullable: true, description: 'Municipality code the service must serve (its area or a site there).' }) municipality?: string | null,
    @Arg('near', () => NearInput, { nullable: true, description: 'Instead of a municipality: a site within radiusKm of the point.' }) near?: NearInput | null,
    @Arg('on', () => DateScalar, { nullable: true, description: 'Date the licence must be valid on (YYYY-MM-DD; default today in Kosovo).' }) on?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
    @Arg('lang', () => Language, { nullable: true, defaultValue: Language.SQ, description: 'Language of the names the list sorts by (Albanian where missing).' }) lang?: Language,
  ): Promise<ContractingConnection> {
    const nodes = ProjectionRegistry.under(ProjectionRegistry.selection(info), 'ContractingConnection', ['edges', 'node']);
    const page = await contractingPage(ctx.em, await ctx.catalog(), {
      category,
      municipality,
      near,
      on,
      first: pageSize(first),
      after,
      lang: lang ?? Language.SQ,
      node: (alias) => ctx.projections.compile('Organization', nodes, alias),
    });
    return {
      edges: page.rows.map((r) => ({ cursor: r.cursor, node: r.organization, distanceKm: r.distanceKm, capacity: r.capacity, residentialPlaces: r.residentialPlaces, contractability: r.contractability })),
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
      contractableCount: page.contractableCount,
    };
  }
}
