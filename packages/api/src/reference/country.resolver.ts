import { Arg, Ctx, Float, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { loadConfig } from '../core/config';
import { UserInputError } from '../core/errors';
import { localizedText } from '../core/localized-text';
import { JSONScalar } from '../core/scalars';
import { loadCountry } from '../geography/country-outline';
import { Country, roundGeometry } from '../geography/country.type';
import { Municipality } from '../geography/municipality.entity';
import { municipalityAt } from '../geography/municipality-at';
import type { CatalogContext } from './catalog-context';
import { NameResolver } from '../core/localized-resolvers';

export const DECIMALS_DESCRIPTION =
  'Round every coordinate to this many decimal places (0 to 7; 4 is about 11 m, enough for any map of the country). Omitted: the coordinates as stored.';

export function checkDecimals(decimals: number | null | undefined): void {
  if (decimals != null && (!Number.isInteger(decimals) || decimals < 0 || decimals > 7)) throw new UserInputError('decimals must be an integer from 0 to 7.', 'decimals');
}

@Resolver(() => Country)
export class CountryResolver extends NameResolver(() => Country) {
  @Query(() => Country, { description: 'The country civimap maps (Kosovo): its names and outline.' })
  async country(@Ctx() ctx: CatalogContext): Promise<Country> {
    const row = await loadCountry(ctx.em);
    return Object.assign(new Country(), {
      code: row?.code ?? 'XK',
      names: localizedText(row?.names.sq ?? 'Kosova', row?.names.sr ?? 'Kosovo', row?.names.en ?? 'Kosovo'),
      outlineGeometry: row?.outline ?? null,
    });
  }

  @FieldResolver(() => JSONScalar, {
    nullable: true,
    description:
      'The country outline as a GeoJSON MultiPolygon in WGS84 longitude/latitude degrees (the bundled geoBoundaries ADM0 outline unless an operator replaced it); null when none is imported.',
  })
  outline(@Root() country: Country, @Arg('decimals', () => Int, { nullable: true, description: DECIMALS_DESCRIPTION }) decimals?: number): unknown {
    checkDecimals(decimals);
    return roundGeometry(country.outlineGeometry, decimals);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The credit to show on a map that draws the outline or the municipality polygons (e.g. "geoBoundaries; © OpenStreetMap contributors"); null without an outline.',
  })
  attribution(@Root() country: Country): string | null {
    return country.outlineGeometry ? loadConfig().boundaryAttribution : null;
  }
}

@Resolver()
export class MunicipalityAtResolver {
  @Query(() => Municipality, {
    nullable: true,
    description:
      'The municipality a point lies in, by the same rule that validates a site: inside its imported polygon (or within 2 km of its edge), or, when no polygons are imported, the nearest seat within 25 km. Null outside Kosovo or when no municipality matches.',
  })
  async municipalityAt(
    @Ctx() ctx: CatalogContext,
    @Arg('lat', () => Float, { description: 'Latitude in WGS84 degrees.' }) lat: number,
    @Arg('lng', () => Float, { description: 'Longitude in WGS84 degrees.' }) lng: number,
  ): Promise<Municipality | null> {
    const hit = await municipalityAt(ctx.em, lat, lng);
    return hit ? ((await ctx.catalog()).municipalitiesById.get(hit.id) ?? null) : null;
  }
}
