import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Language, localized, OptionalLocalizedText } from '../core/localized-text';
import { UserInputError } from '../core/errors';
import { requireUuid } from '../core/ids';
import { LangArg } from '../core/language-arg';
import { pageSize } from '../core/pagination';
import { FundingMix, Organization } from './organization.entity';
import { OrganizationFilter, OrganizationOrder } from './organization.inputs';
import { OrganizationSearch } from './organization-search';
import { MapPoint, OrganizationConnection, Verification } from './organization.types';
import type { OrganizationsContext } from './organization.loaders';

const MAX_MAP_POINTS = 100_000;

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, { nullable: true })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationsContext): Promise<Organization | null> {
    return ctx.loaders.organization.load(requireUuid(id));
  }

  @Query(() => OrganizationConnection, { description: 'Organizations matching the filter, a page (at most 100) at a time.' })
  async organizations(
    @Ctx() ctx: OrganizationsContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: default 20, at most 100.' }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true }) orderBy?: OrganizationOrder,
    @Arg('lang', () => Language, { nullable: true, defaultValue: Language.SQ, description: 'Language of the names NAME orders by (Albanian where missing).' })
    lang?: Language,
  ): Promise<OrganizationConnection> {
    const size = pageSize(first);
    const search = new OrganizationSearch(ctx.em, await ctx.catalog());
    const page = await search.page({ filter, first: size, after, orderBy, lang: lang ?? Language.SQ });
    for (const row of page.rows) ctx.loaders.organization.prime(row.organization.id, row.organization);
    return Object.assign(new OrganizationConnection(), {
      page,
      edges: page.rows.map((row) => ({ cursor: row.cursor, node: row.organization, distanceKm: row.distanceKm })),
      pageInfo: page.pageInfo,
    });
  }

  @Query(() => [MapPoint], { description: 'Every site of the matching organizations in one response, for the map (at most 100,000).' })
  async mapPoints(
    @Ctx() ctx: OrganizationsContext,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter,
    @LangArg() lang: Language = Language.SQ,
    @Arg('limit', () => Int, { defaultValue: 50_000 }) limit: number = 50_000,
  ): Promise<MapPoint[]> {
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_MAP_POINTS) {
      throw new UserInputError(`"limit" must be from 0 to ${MAX_MAP_POINTS}; got ${limit}.`, 'limit');
    }
    return new OrganizationSearch(ctx.em, await ctx.catalog()).mapPoints(filter, lang, limit);
  }

  @FieldResolver(() => String)
  name(@Root() organization: Organization, @LangArg() lang: Language): string {
    return localized(organization.names, lang)!;
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() organization: Organization, @LangArg() lang: Language): string | null {
    return localized(organization.descriptions, lang);
  }

  @FieldResolver(() => OptionalLocalizedText)
  descriptions(@Root() organization: Organization): OptionalLocalizedText {
    return organization.descriptions;
  }

  @FieldResolver(() => Verification)
  verification(@Root() organization: Organization): Verification {
    return { status: organization.verificationStatus, verifiedAt: organization.verifiedAt ?? null, verifiedById: organization.verifiedBy?.id ?? null };
  }

  @FieldResolver(() => FundingMix)
  fundingMix(@Root() o: Organization): FundingMix {
    return { publicSources: o.fundingPublicPct, foreignDonors: o.fundingForeignPct, ownRevenue: o.fundingOwnPct, other: o.fundingOtherPct };
  }
}

@Resolver(() => OrganizationConnection)
export class OrganizationConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many organizations match the filter.' })
  totalCount(@Root() connection: OrganizationConnection): Promise<number> {
    return connection.page.totalCount();
  }
}
