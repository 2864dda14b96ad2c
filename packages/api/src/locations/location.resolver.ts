import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GeoPoint, geoPoint } from '../geography/geo-point.type';
import { Municipality } from '../geography/municipality.entity';
import type { GraphQLContext } from '../graphql/context';
import { Organization } from '../organizations/organization.entity';
import { Location } from './location.entity';

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => GeoPoint)
  point(@Root() location: Location): GeoPoint {
    return geoPoint(location.lat, location.lng);
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() location: Location, @Ctx() ctx: GraphQLContext): Promise<Municipality> {
    return (await ctx.catalog()).municipalitiesById.get(location.municipality.id)!;
  }

  @FieldResolver(() => Organization)
  async organization(@Root() location: Location, @Ctx() ctx: GraphQLContext): Promise<Organization> {
    return (await ctx.loaders.organization.load(location.organization.id))!;
  }
}
