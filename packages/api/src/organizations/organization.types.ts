import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../core/connection';
import { DateTimeScalar } from '../core/scalars';
import { Organization } from './organization.entity';
import { VerificationStatus } from './organization.enums';
import type { OrganizationPage } from './organization-search';

@ObjectType()
export class Verification {
  @Field(() => VerificationStatus) status!: VerificationStatus;
  @Field(() => DateTimeScalar, { nullable: true }) verifiedAt!: Date | null;
  /** Who verified it (resolved to a display name by accounts/viewer.resolver.ts). */
  verifiedById?: string | null;
}

@ObjectType()
export class OrganizationEdge extends EdgeType(() => Organization) {
  @Field(() => Float, { nullable: true, description: 'Kilometres from filter.near to the nearest site; set when filtering by near.' })
  distanceKm!: number | null;
}

@ObjectType()
export class OrganizationConnection extends ConnectionType(OrganizationEdge) {
  /** Counted only when a client asks for totalCount. */
  page!: OrganizationPage;
}

@ObjectType({ description: 'One site of a matching organization, for drawing the map.' })
export class MapPoint {
  @Field(() => ID) locationId!: string;
  @Field(() => ID) organizationId!: string;
  @Field(() => String, { description: 'The organization\'s name in the requested language.' }) name!: string;
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
  @Field(() => ID) municipalityCode!: string;
  @Field(() => [ID], { description: 'Categories of the organization\'s active services.' }) categoryCodes!: string[];
  @Field(() => Boolean) verified!: boolean;
  @Field(() => Boolean) isDemo!: boolean;
}
