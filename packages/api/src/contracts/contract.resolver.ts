import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root } from 'type-graphql';
import type { Row } from '../core/projection';
import { Municipality } from '../geography/municipality.entity';
import { LangArg } from '../core/language-arg';
import { edgesOf } from '../core/connection';
import { PageArgs, pageSize } from '../core/pagination';
import { Language } from '../core/localized-text';
import { Organization } from '../organizations/organization.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { Contract } from './contract.entity';
import { PublicAuthority } from '../authorities/public-authority.entity';
import { ContractFilter, ContractTotalDimension } from './contract.inputs';
import { ContractService } from './contract.service';
import { ContractConnection, ContractTotal } from './contract.types';
import type { ContractsContext } from './contract.loaders';
import { VocabularyResolver } from '../reference/vocabulary-resolver';

@Resolver(() => Contract)
export class ContractResolver {
  @Query(() => ContractConnection, { description: 'Recorded contracts and grants, newest award first.' })
  async contracts(
    @Ctx() ctx: ContractsContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => ContractFilter, { description: 'Which contracts; filters combine with AND.', nullable: true }) filter?: ContractFilter,
  ): Promise<ContractConnection> {
    const size = pageSize(first);
    const page = await new ContractService(ctx.em, await ctx.catalog()).page(filter, size, after);
    return {
      edges: edgesOf(page.rows, (r) => r.contract),
      pageInfo: page.pageInfo,
      totalCount: page.totalCount,
      totalAmount: page.totalAmount,
    };
  }

  @Query(() => [ContractTotal], { description: 'Number and amount of contracts grouped by authority, category, municipality or year.' })
  async contractTotals(
    @Ctx() ctx: ContractsContext,
    @Arg('by', () => ContractTotalDimension, { description: 'What to group the totals by.' }) by: ContractTotalDimension,
    @Arg('filter', () => ContractFilter, { description: 'Which contracts count.', nullable: true }) filter?: ContractFilter,
    @LangArg() lang: Language = Language.SQ,
  ): Promise<ContractTotal[]> {
    return new ContractService(ctx.em, await ctx.catalog()).totals(filter, by, lang ?? Language.SQ);
  }

  @FieldResolver(() => PublicAuthority, { description: 'The public authority that awarded the contract (the buyer).' })
  async authority(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<PublicAuthority> {
    return (await ctx.catalog()).authoritiesById.get(contract.authority.id)!;
  }

  @FieldResolver(() => Organization, { description: 'The organization that provides the contracted service (the supplier).' })
  async provider(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(contract.provider.id))!;
  }

  @FieldResolver(() => [ServiceCategory], { description: 'Service categories the contract pays for.' })
  async categories(@Root() contract: Contract, @Ctx() ctx: ContractsContext): Promise<ServiceCategory[]> {
    const [ids, catalog] = await Promise.all([ctx.loaders.contractCategoryIds.load(contract.id), ctx.catalog()]);
    return ids.map((id) => catalog.categoriesById.get(id)!).filter(Boolean).sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Amount in the contract\'s currency.' })
  amount(@Root() contract: Contract): number | null {
    return contract.amount === null || contract.amount === undefined ? null : Number(contract.amount);
  }
}

@Resolver(() => PublicAuthority)
export class PublicAuthorityResolver extends VocabularyResolver(() => PublicAuthority, 'publicAuthorities', 'Ministries and municipalities that contract or fund services.', (catalog) => catalog.authorities) {
  @FieldResolver(() => Municipality, { description: 'The municipality, for a municipal authority; null otherwise.', nullable: true })
  async municipality(@Root() authority: PublicAuthority, @Ctx() ctx: ContractsContext): Promise<Municipality | null> {
    return authority.municipality ? ((await ctx.catalog()).municipalitiesById.get(authority.municipality.id) ?? null) : null;
  }
}

/** Contracts of an organization: this module contributes Organization.contracts. */
@Resolver(() => Organization)
export class OrganizationContractsResolver {
  @FieldResolver(() => [Contract], { description: 'Contracts awarded to the organization, by award date, newest first.' })
  contracts(@Root() organization: Row<Organization>, @Ctx() ctx: ContractsContext): Promise<Contract[]> {
    return ctx.loaders.contractsByOrganization.load(organization.id);
  }
}
