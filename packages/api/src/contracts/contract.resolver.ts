import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { type Language, localized } from '../db/localized-text';
import { Municipality } from '../geography/municipality.entity';
import type { GraphQLContext } from '../graphql/context';
import { LangArg } from '../graphql/language-arg';
import { Organization } from '../organizations/organization.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { Contract } from './contract.entity';
import { PublicAuthority } from './public-authority.entity';

@Resolver(() => Contract)
export class ContractResolver {
  @FieldResolver(() => PublicAuthority)
  async authority(@Root() contract: Contract, @Ctx() ctx: GraphQLContext): Promise<PublicAuthority> {
    return (await ctx.catalog()).authoritiesById.get(contract.authority.id)!;
  }

  @FieldResolver(() => Organization)
  async provider(@Root() contract: Contract, @Ctx() ctx: GraphQLContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(contract.provider.id))!;
  }

  @FieldResolver(() => [ServiceCategory])
  async categories(@Root() contract: Contract, @Ctx() ctx: GraphQLContext): Promise<ServiceCategory[]> {
    const [ids, catalog] = await Promise.all([ctx.loaders.contractCategoryIds.load(contract.id), ctx.catalog()]);
    return ids.map((id) => catalog.categoriesById.get(id)!).filter(Boolean).sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Amount in the contract\'s currency.' })
  amount(@Root() contract: Contract): number | null {
    return contract.amount === null || contract.amount === undefined ? null : Number(contract.amount);
  }
}

@Resolver(() => PublicAuthority)
export class PublicAuthorityResolver {
  @FieldResolver(() => String)
  name(@Root() authority: PublicAuthority, @LangArg() lang: Language): string {
    return localized(authority.names, lang)!;
  }

  @FieldResolver(() => Municipality, { nullable: true })
  async municipality(@Root() authority: PublicAuthority, @Ctx() ctx: GraphQLContext): Promise<Municipality | null> {
    return authority.municipality ? ((await ctx.catalog()).municipalitiesById.get(authority.municipality.id) ?? null) : null;
  }
}
