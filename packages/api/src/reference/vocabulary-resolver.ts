import { type ClassType, Ctx, Query, Resolver } from 'type-graphql';
import { NameResolver } from '../core/localized-resolvers';
import type { LocalizedText } from '../core/localized-text';
import type { CatalogContext } from './catalog-context';
import type { ReferenceCatalog } from './reference-catalog';

/**
 * A seeded vocabulary's resolver: `name(lang)` and the query that lists every record, in the catalog's
 * order, from the in-memory reference catalog (no statement), e.g. `regions` or `targetGroups`.
 */
export function VocabularyResolver<TRecord extends { names: LocalizedText }>(
  type: () => ClassType<TRecord>,
  query: string,
  description: string,
  list: (catalog: ReferenceCatalog) => TRecord[],
) {
  @Resolver(type)
  abstract class Vocabulary extends NameResolver(type) {
    @Query(() => [type()], { name: query, description })
    async all(@Ctx() ctx: CatalogContext): Promise<TRecord[]> {
      return list(await ctx.catalog());
    }
  }
  return Vocabulary;
}
