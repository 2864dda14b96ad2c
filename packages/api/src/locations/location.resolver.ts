import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GeoPoint, geoPoint } from '../geography/geo-point.type';
import { Municipality } from '../geography/municipality.entity';
import { Organization } from '../organizations/organization.entity';
import { OrganizationRecordsResolver } from '../organizations/organization-records';
import { Location } from './location.entity';
import type { LocationsContext } from './location.loaders';
import { withCatalog } from '../reference/catalog-context';
import type { Row } from '../core/projection';

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => GeoPoint, { description: 'Position of the site (WGS 84).' })
  point(@Root() location: Row<Location>): GeoPoint {
    return geoPoint(location.lat, location.lng);
  }

  @FieldResolver(() => Municipality, { description: 'The municipality the site lies in.' })
  municipality(@Root() location: Row<Location>, @Ctx() ctx: LocationsContext): Municipality | Promise<Municipality> {
    return withCatalog(ctx, (catalog) => catalog.municipalitiesById.get(location.municipality.id)!);
  }

  @FieldResolver(() => Organization, { description: 'The organization the site belongs to.' })
  async organization(@Root() location: Row<Location>, @Ctx() ctx: LocationsContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(location.organization.id))!;
  }
}

/** Locations of an organization: this module contributes Organization.locations. */
@Resolver(() => Organization)
export class OrganizationLocationsResolver extends OrganizationRecordsResolver('locations', () => Location, 'The organization\'s sites.', (ctx: LocationsContext, id) => ctx.loaders.locationsByOrganization.load(id)) {}
