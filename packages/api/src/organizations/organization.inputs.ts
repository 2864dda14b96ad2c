import { Field, Float, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../core/scalars';
import { OrganizationStatus } from './organization.enums';

@InputType({ description: 'Sites within radiusKm of a point; edges then carry distanceKm.' })
export class NearInput {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
  @Field(() => Float, { description: 'Radius in kilometres (more than 0, at most 500).' }) radiusKm!: number;
}

@InputType({ description: 'A box in WGS84 degrees.' })
export class BBoxInput {
  @Field(() => Float) minLat!: number;
  @Field(() => Float) minLng!: number;
  @Field(() => Float) maxLat!: number;
  @Field(() => Float) maxLng!: number;
}

@InputType({ description: 'Holds a licence valid on a date (default today) covering the category, an ancestor of it or a category below it.' })
export class LicensedForInput {
  @Field(() => ID) category!: string;
  @Field(() => DateScalar, { nullable: true }) on?: string | null;
}

@InputType({
  description:
    'Contractable for a category in a municipality on a date (default today): active and verified, with an active service in the category (or below it) that serves the municipality or is delivered at a site there, and a licence valid on the date covering that service\'s category or its parent.',
})
export class ContractableInput {
  @Field(() => ID) category!: string;
  @Field(() => ID) municipality!: string;
  @Field(() => DateScalar, { nullable: true }) on?: string | null;
}

@InputType({
  description:
    'Contractable for a category within a radius of a point on a date (default today): as ContractableInput, with the qualifying service delivered at a site within the radius instead of serving a municipality.',
})
export class ContractableNearInput {
  @Field(() => ID) category!: string;
  @Field(() => NearInput) near!: NearInput;
  @Field(() => DateScalar, { nullable: true }) on?: string | null;
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

  @Field(() => NearInput, { nullable: true }) near?: NearInput | null;
  @Field(() => BBoxInput, { nullable: true, description: 'A site inside the box.' }) bbox?: BBoxInput | null;
  @Field(() => LicensedForInput, { nullable: true }) licensedFor?: LicensedForInput | null;
  @Field(() => ContractableInput, { nullable: true }) contractableFor?: ContractableInput | null;
  @Field(() => ContractableNearInput, { nullable: true }) contractableNear?: ContractableNearInput | null;
  @Field(() => Boolean, { nullable: true }) verified?: boolean | null;
  @Field(() => [OrganizationStatus], { nullable: true }) status?: OrganizationStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Include fictional demo records (default true; every demo record says isDemo).' })
  includeDemo?: boolean | null;
}

export enum OrganizationOrder {
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(OrganizationOrder, {
  name: 'OrganizationOrder',
  description: 'NAME (default), DISTANCE (needs filter.near; the default with it), UPDATED_AT (newest first).',
});
