import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { type Language, localized } from '../core/localized-text';
import { LangArg } from '../core/language-arg';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import type { CatalogContext } from './catalog-context';

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver {
  @Query(() => [ServiceCategory], { description: 'Every category, flat, in taxonomy order; parent and children give the tree.' })
  async serviceCategories(@Ctx() ctx: CatalogContext): Promise<ServiceCategory[]> {
    return (await ctx.catalog()).categories;
  }

  @FieldResolver(() => String)
  name(@Root() category: ServiceCategory, @LangArg() lang: Language): string {
    return localized(category.names, lang)!;
  }

  @FieldResolver(() => ServiceCategory, { nullable: true })
  async parent(@Root() category: ServiceCategory, @Ctx() ctx: CatalogContext): Promise<ServiceCategory | null> {
    return (await ctx.catalog()).parentOf(category);
  }

  @FieldResolver(() => [ServiceCategory])
  async children(@Root() category: ServiceCategory, @Ctx() ctx: CatalogContext): Promise<ServiceCategory[]> {
    return (await ctx.catalog()).childrenOf(category);
  }
}

@Resolver(() => TargetGroup)
export class TargetGroupResolver {
  @Query(() => [TargetGroup])
  async targetGroups(@Ctx() ctx: CatalogContext): Promise<TargetGroup[]> {
    return (await ctx.catalog()).targetGroups;
  }

  @FieldResolver(() => String)
  name(@Root() group: TargetGroup, @LangArg() lang: Language): string {
    return localized(group.names, lang)!;
  }
}
