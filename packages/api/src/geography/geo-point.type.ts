import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A point in WGS84 degrees.' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in decimal degrees (WGS 84).' }) lat!: number;
  @Field(() => Float, { description: 'Longitude in decimal degrees (WGS 84).' }) lng!: number;
}

export function geoPoint(lat: number, lng: number): GeoPoint {
  return Object.assign(new GeoPoint(), { lat, lng });
}
