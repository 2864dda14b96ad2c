import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { FieldsByTypeName } from 'graphql-parse-resolve-info';
import { ProjectionRegistry, type Row } from '../core/projection';
import { readQuery } from '../core/read';
import { Language } from '../core/localized-text';
import { UserInputError } from '../core/errors';
import { requireUuid } from '../core/ids';
import { LangArg } from '../core/language-arg';
import { pageSize } from '../core/pagination';
import { FundingMix, Organization } from './organization.entity';
import { OrganizationFilter, OrganizationOrder } from './organization.inputs';
import { OrganizationSearch } from './organization-search';
import { redirectedOrganizationId } from './organization-redirect';
import { checkCells, inCells, MapCellInput, MAX_CELLS, mapPointSet, MapPointSet, nearCells } from './map-point-set';
import { MapPoint, OrganizationConnection, Verification } from './organization.types';
import type { OrganizationsContext } from './organization.loaders';
import { NameAndDescriptionResolver } from '../core/localized-resolvers';

const MAX_MAP_POINTS = 100_000;

@Resolver(() => Organization)
export class OrganizationResolver extends NameAndDescriptionResolver(() => Organization) {
  @Query(() => Organization, {
    description: 'One organization by id; null when it does not exist. The id of a merged organization gives the record it was merged into (its `id` tells).',
    nullable: true,
  })
  async organization(@Arg('id', () => ID, { description: 'The organization\'s id.' }) id: string, @Ctx() ctx: OrganizationsContext, @Info() info: GraphQLResolveInfo): Promise<Organization | null> {
    const uuid = requireUuid(id);
    const selection = ProjectionRegistry.selection(info);
    const found = await compiledOrganization(ctx, selection, uuid);
    if (found) return found;
    const kept = await redirectedOrganizationId(ctx.em, uuid);
    return kept ? compiledOrganization(ctx, selection, kept) : null;
  }

  @Query(() => OrganizationConnection, { description: 'Organizations matching the filter, a page (at most 100) at a time.' })
  async organizations(
    @Ctx() ctx: OrganizationsContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page); unset: the first page.', nullable: true }) after?: string,
    @Arg('filter', () => OrganizationFilter, { description: 'Which organizations; filters combine with AND, values inside a list with OR.', nullable: true }) filter?: OrganizationFilter,
    @Arg('orderBy', () => OrganizationOrder, { description: 'Order of the page (default NAME; DISTANCE needs filter.near).', nullable: true }) orderBy?: OrganizationOrder,
    @Arg('lang', () => Language, { nullable: true, defaultValue: Language.SQ, description: 'Language of the names NAME orders by (Albanian where missing).' })
    lang?: Language,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<OrganizationConnection> {
    const size = pageSize(first);
    const search = new OrganizationSearch(ctx.em, await ctx.catalog());
    const node = (alias: string) =>
      ctx.projections.memo(info!, `page:${alias}`, () =>
        ctx.projections.compile('Organization', ProjectionRegistry.under(ProjectionRegistry.selection(info!), 'OrganizationConnection', ['edges', 'node']), alias),
      );
    const page = await search.page({ filter, first: size, after, orderBy, lang: lang ?? Language.SQ, node });
    return Object.assign(new OrganizationConnection(), {
      page,
      edges: page.rows.map((row) => ({ cursor: row.cursor, node: row.organization, distanceKm: row.distanceKm })),
      pageInfo: page.pageInfo,
    });
  }

  @Query(() => [MapPoint], { description: 'Every site of the matching organizations in one response, for the map (at most 100,000).' })
  async mapPoints(
    @Ctx() ctx: OrganizationsContext,
    @Arg('filter', () => OrganizationFilter, { description: 'Which organizations\' sites (the same filter as organizations).', nullable: true }) filter?: OrganizationFilter,
    @LangArg() lang: Language = Language.SQ,
    @Arg('limit', () => Int, { description: 'At most this many points (0 to 100,000; default 50,000).', defaultValue: 50_000 }) limit: number = 50_000,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<MapPoint[]> {
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MAP_POINTS) {
      throw new UserInputError(`"limit" must be from 0 to ${MAX_MAP_POINTS}; got ${limit}.`, 'limit');
    }
    const fields = new Set(Object.values(ProjectionRegistry.selection(info!).MapPoint ?? {}).map((tree) => tree.name));
    return new OrganizationSearch(ctx.em, await ctx.catalog()).mapPoints(filter, lang, limit, (field) => fields.has(field));
  }

  @Query(() => MapPointSet, {
    description:
      'Every site of the matching organizations as a compact point set for the map: grid coordinates and flags, no ids or names (about 4 bytes a site compressed; mapSitesAt gives the rest for the sites a map shows one by one).',
  })
  async mapPointSet(
    @Ctx() ctx: OrganizationsContext,
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'Which organizations’ sites (those sites that make an organization match).' }) filter?: OrganizationFilter,
    @Arg('limit', () => Int, { defaultValue: MAX_MAP_POINTS, description: `At most this many sites (0 to ${MAX_MAP_POINTS}).` }) limit: number = MAX_MAP_POINTS,
  ): Promise<MapPointSet> {
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MAP_POINTS) throw new UserInputError(`"limit" must be from 0 to ${MAX_MAP_POINTS}; got ${limit}.`, 'limit');
    return mapPointSet(ctx.em, await ctx.catalog(), filter, limit);
  }

  @Query(() => [MapPoint], { description: `The matching sites in the given cells of the mapPointSet grid (at most ${MAX_CELLS} cells), with their ids and names.` })
  async mapSitesAt(
    @Ctx() ctx: OrganizationsContext,
    @Arg('cells', () => [MapCellInput], { description: 'Grid cells, as mapPointSet placed the sites.' }) cells: MapCellInput[],
    @Arg('filter', () => OrganizationFilter, { nullable: true, description: 'The same filter as the mapPointSet the cells come from.' }) filter?: OrganizationFilter,
    @LangArg() lang: Language = Language.SQ,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<MapPoint[]> {
    checkCells(cells);
    const fields = new Set(Object.values(ProjectionRegistry.selection(info!).MapPoint ?? {}).map((tree) => tree.name));
    const near = await new OrganizationSearch(ctx.em, await ctx.catalog()).mapPoints(filter, lang, MAX_MAP_POINTS, (field) => fields.has(field), nearCells(cells));
    return inCells(near, cells);
  }

  @FieldResolver(() => Verification, { description: 'Whether and when a moderator verified the record.' })
  verification(@Root() organization: Row<Organization>): Verification {
    return { status: organization.verificationStatus, verifiedAt: organization.verifiedAt ?? null, verifiedById: organization.verifiedBy?.id ?? null };
  }

  @FieldResolver(() => FundingMix, { description: 'Shares of the budget by source, in percent.' })
  fundingMix(@Root() o: Row<Organization>): FundingMix {
    return { publicSources: o.fundingPublicPct, foreignDonors: o.fundingForeignPct, ownRevenue: o.fundingOwnPct, other: o.fundingOtherPct };
  }
}

/** One organization with what the selection asks for, in one statement (core/projection.ts); null when there is none. */
export async function compiledOrganization(ctx: OrganizationsContext, selection: FieldsByTypeName, id: string, options: { typename?: boolean } = {}): Promise<Organization | null> {
  const json = ctx.projections.compile('Organization', [selection], 'o', options);
  const rows: { node: Organization }[] = await readQuery(ctx.em, `select ${json} as node from organization o where o.id = ?`, [id]);
  return rows[0]?.node ?? null;
}

@Resolver(() => OrganizationConnection)
export class OrganizationConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many organizations match the filter.' })
  totalCount(@Root() connection: OrganizationConnection): Promise<number> {
    return connection.page.totalCount();
  }
}
