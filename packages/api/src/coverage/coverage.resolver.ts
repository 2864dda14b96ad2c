import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { CoverageService } from './coverage.service';
import { CoverageFilter, CoverageReport } from './coverage.types';
import type { CatalogContext } from '../reference/catalog-context';

@Resolver()
export class CoverageResolver {
  @Query(() => CoverageReport, { description: 'Providers, sites, providers per 10,000 inhabitants and the nearest site, per municipality and category; and the gaps.' })
  async coverage(@Ctx() ctx: CatalogContext, @Arg('filter', () => CoverageFilter, { description: 'Which municipalities and categories, and which services count.', nullable: true }) filter?: CoverageFilter): Promise<CoverageReport> {
    return new CoverageService(ctx.em, await ctx.catalog()).report(filter);
  }
}
