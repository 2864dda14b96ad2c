import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { JSONScalar } from '../core/scalars';
import { GeoPoint, geoPoint } from '../geography/geo-point.type';
import { Municipality } from '../geography/municipality.entity';
import { Region } from '../geography/region.entity';
import type { WithLoaders } from '../core/context';
import type { GeographyLoaders } from '../geography/geography.loaders';
import type { CatalogContext } from './catalog-context';
import { checkDecimals, DECIMALS_DESCRIPTION } from './country.resolver';
import { roundGeometry } from '../geography/country.type';
import { NameResolver } from '../core/localized-resolvers';
import { VocabularyResolver } from './vocabulary-resolver';

type GeographyContext = CatalogContext & WithLoaders<GeographyLoaders>;

@Resolver(() => Region)
export class RegionResolver extends VocabularyResolver(() => Region, 'regions', 'The seven regions.', (catalog) => catalog.regions) {
  @FieldResolver(() => [Municipality], { description: 'The region\'s municipalities.' })
  async municipalities(@Root() region: Region, @Ctx() ctx: GeographyContext): Promise<Municipality[]> {
    return (await ctx.catalog()).municipalitiesOf(region);
  }
}

@Resolver(() => Municipality)
export class MunicipalityResolver extends NameResolver(() => Municipality) {
  @Query(() => [Municipality], { description: 'The 38 municipalities, or those of one region.' })
  async municipalities(@Ctx() ctx: GeographyContext, @Arg('region', () => ID, { description: 'Region code: only the municipalities of this region.', nullable: true }) regionCode?: string): Promise<Municipality[]> {
    const catalog = await ctx.catalog();
    if (!regionCode) return catalog.municipalities;
    return catalog.municipalitiesOf(catalog.region(regionCode, 'region'));
  }

  @FieldResolver(() => Region, { description: 'The region the municipality belongs to.' })
  async region(@Root() municipality: Municipality, @Ctx() ctx: GeographyContext): Promise<Region> {
    return (await ctx.catalog()).regionOf(municipality);
  }

  @FieldResolver(() => GeoPoint, { description: 'The seat of the municipality.' })
  seat(@Root() municipality: Municipality): GeoPoint {
    return geoPoint(municipality.seatLat, municipality.seatLng);
  }

  @FieldResolver(() => JSONScalar, {
    nullable: true,
    description:
      'The municipality’s polygon as a GeoJSON MultiPolygon in WGS84 longitude/latitude degrees (the bundled geoBoundaries ADM2 polygons unless an operator replaced them); null when none is imported.',
  })
  async boundary(
    @Root() municipality: Municipality,
    @Ctx() ctx: GeographyContext,
    @Arg('decimals', () => Int, { nullable: true, description: DECIMALS_DESCRIPTION }) decimals?: number,
  ): Promise<unknown> {
    checkDecimals(decimals);
    return roundGeometry(await ctx.loaders.municipalityBoundary.load(municipality.id), decimals);
  }
}
