import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import type { CatalogContext } from './catalog-context';
import { VocabularyResolver } from './vocabulary-resolver';

@Resolver(() => ServiceCategory)
export class ServiceCategoryResolver extends VocabularyResolver(() => ServiceCategory, 'serviceCategories', 'Every category, flat, in taxonomy order; parent and children give the tree.', (catalog) => catalog.categories) {
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
export class TargetGroupResolver extends VocabularyResolver(() => TargetGroup, 'targetGroups', 'Every target group (women and girls, elderly, persons with disabilities, …).', (catalog) => catalog.targetGroups) {}
