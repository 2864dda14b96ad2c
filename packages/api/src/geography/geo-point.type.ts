import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A point in WGS84 degrees.' })
export class GeoPoint {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
}

export function geoPoint(lat: number, lng: number): GeoPoint {
  return Object.assign(new GeoPoint(), { lat, lng });
}
