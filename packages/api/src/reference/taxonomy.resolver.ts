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

  @FieldResolver(() => String, { description: 'Name in the language asked for (Albanian when missing).' })
  name(@Root() category: ServiceCategory, @LangArg() lang: Language): string {
    return localized(category.names, lang)!;
  }

  @FieldResolver(() => ServiceCategory, { description: 'The category above this one; null for a top-level category.', nullable: true })
  async parent(@Root() category: ServiceCategory, @Ctx() ctx: CatalogContext): Promise<ServiceCategory | null> {
    return (await ctx.catalog()).parentOf(category);
  }

  @FieldResolver(() => [ServiceCategory], { description: 'The categories directly below this one.' })
  async children(@Root() category: ServiceCategory, @Ctx() ctx: CatalogContext): Promise<ServiceCategory[]> {
    return (await ctx.catalog()).childrenOf(category);
  }
}

@Resolver(() => TargetGroup)
export class TargetGroupResolver {
  @Query(() => [TargetGroup], { description: 'Every target group (women and girls, elderly, persons with disabilities, …).' })
  async targetGroups(@Ctx() ctx: CatalogContext): Promise<TargetGroup[]> {
    return (await ctx.catalog()).targetGroups;
  }

  @FieldResolver(() => String, { description: 'Name in the language asked for (Albanian when missing).' })
  name(@Root() group: TargetGroup, @LangArg() lang: Language): string {
    return localized(group.names, lang)!;
  }
}
