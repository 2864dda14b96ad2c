import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '../core/scalars';
import { OrganizationStatus } from './organization.enums';
import { defineEnum, type EnumValue } from '../core/enums';

@InputType({ description: 'Sites within radiusKm of a point; edges then carry distanceKm.' })
export class NearInput {
  @Field(() => Float, { description: 'Latitude of the centre in decimal degrees (WGS 84).' }) lat!: number;
  @Field(() => Float, { description: 'Longitude of the centre in decimal degrees (WGS 84).' }) lng!: number;
  @Field(() => Float, { description: 'Radius in kilometres (more than 0, at most 500).' }) radiusKm!: number;
}

@InputType({ description: 'A box in WGS84 degrees.' })
export class BBoxInput {
  @Field(() => Float, { description: 'Southern edge, latitude in decimal degrees (WGS 84).' }) minLat!: number;
  @Field(() => Float, { description: 'Western edge, longitude in decimal degrees (WGS 84).' }) minLng!: number;
  @Field(() => Float, { description: 'Northern edge, latitude in decimal degrees (WGS 84).' }) maxLat!: number;
  @Field(() => Float, { description: 'Eastern edge, longitude in decimal degrees (WGS 84).' }) maxLng!: number;
}

@InputType({ description: 'Holds a licence valid on a date (default today) covering the category, an ancestor of it or a category below it.' })
export class LicensedForInput {
  @Field(() => ID, { description: 'Service category code the licence must cover (the category itself or its parent).' }) category!: string;
  @Field(() => DateScalar, { description: 'Date the licence must be valid on (YYYY-MM-DD); default today in Kosovo.', nullable: true }) on?: string | null;
}

@InputType({
  description:
    'Contractable for a category in a municipality on a date (default today): active and verified, with an active service in the category (or below it) that serves the municipality or is delivered at a site there, and a licence valid on the date covering that service\'s category or its parent.',
})
export class ContractableInput {
  @Field(() => ID, { description: 'Service category code: the organization must offer it (or a category below it) and hold a licence for it.' }) category!: string;
  @Field(() => ID, { description: 'Municipality code: the service must serve it (service area) or be delivered at a site there.' }) municipality!: string;
  @Field(() => DateScalar, { description: 'Date the licence must be valid on (YYYY-MM-DD); default today in Kosovo (Europe/Belgrade time).', nullable: true }) on?: string | null;
}

@InputType({
  description:
    'Contractable for a category within a radius of a point on a date (default today): as ContractableInput, with the qualifying service delivered at a site within the radius instead of serving a municipality.',
})
export class ContractableNearInput {
  @Field(() => ID, { description: 'Service category code: the organization must offer it (or a category below it) and hold a licence for it.' }) category!: string;
  @Field(() => NearInput, { description: 'The point and radius (km): the service must be delivered at a site within radiusKm of it.' }) near!: NearInput;
  @Field(() => DateScalar, { description: 'Date the licence must be valid on (YYYY-MM-DD); default today in Kosovo.', nullable: true }) on?: string | null;
}

@InputType({ description: 'Filters combine with AND; the values inside one list combine with OR.' })
export class OrganizationFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Words to find in the names (sq, sr, en) and acronym; case- and diacritics-insensitive; every word must match.',
  })
  text?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Category codes; a parent category matches its children. An active service must be in one.' })
  categories?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Target group codes. With categories, the same active service must match both.' })
  targetGroups?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Region codes: a site in the region, or an active service whose area includes a municipality of it.' })
  regions?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Municipality codes: a site there, or an active service whose area includes it.' })
  municipalities?: string[] | null;

  @Field(() => NearInput, { description: 'A site within radiusKm (great-circle km) of the point; edges then carry distanceKm and orderBy DISTANCE sorts by it.', nullable: true }) near?: NearInput | null;
  @Field(() => BBoxInput, { nullable: true, description: 'A site inside the box.' }) bbox?: BBoxInput | null;
  @Field(() => LicensedForInput, { description: 'Only organizations with a licence valid on the date covering the category (or its parent).', nullable: true }) licensedFor?: LicensedForInput | null;
  @Field(() => ContractableInput, { description: 'Only organizations a public authority can lawfully contract for a category in a municipality: ACTIVE and VERIFIED, with an ACTIVE service in the category (or below it) that serves the municipality (service area) or is delivered at a site there, and a licence valid on the date that covers that service\'s category or its parent.', nullable: true }) contractableFor?: ContractableInput | null;
  @Field(() => ContractableNearInput, { description: 'Like contractableFor, with the service delivered at a site within radiusKm (great-circle km) of a point instead of in a municipality.', nullable: true }) contractableNear?: ContractableNearInput | null;
  @Field(() => Boolean, { description: 'true: only verified organizations; false: only unverified ones; unset: both.', nullable: true }) verified?: boolean | null;
  @Field(() => [OrganizationStatus], { description: 'Only organizations in one of these statuses (default: every status).', nullable: true }) status?: OrganizationStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Include fictional demo records (default true; every demo record says isDemo).' })
  includeDemo?: boolean | null;
}

export type OrganizationOrder = EnumValue<typeof OrganizationOrder>;
export const OrganizationOrder = defineEnum('OrganizationOrder', 'NAME (default), DISTANCE (needs filter.near; the default with it), UPDATED_AT (newest first).', {
  NAME: 'By Albanian name, A to Z.',
  DISTANCE: 'Nearest first (needs filter.near); distance from the point to the organization\'s nearest matching site.',
  UPDATED_AT: 'Most recently changed first.',
});
