import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType } from '../core/connection';
import { Language } from '../core/localized-text';
import { DateTimeScalar } from '../core/scalars';
import { Organization } from './organization.entity';
import { VerificationStatus } from './organization.enums';
import type { OrganizationPage } from './organization-search';

@ObjectType({ description: 'Whether and when a moderator verified a record.' })
export class Verification {
  @Field(() => VerificationStatus, { description: 'VERIFIED or UNVERIFIED.' }) status!: VerificationStatus;
  @Field(() => DateTimeScalar, { description: 'When a moderator last verified the record (UTC); null when unverified.', nullable: true }) verifiedAt!: Date | null;
  /** Who verified it (resolved to a display name by accounts/viewer.resolver.ts). */
  verifiedById?: string | null;
}

@ObjectType({ description: 'One organization of a page, with its cursor (and its distance under a near filter).' })
export class OrganizationEdge extends EdgeType(() => Organization) {
  @Field(() => Float, { nullable: true, description: 'Kilometres from filter.near to the nearest site; set when filtering by near.' })
  distanceKm!: number | null;
}

@ObjectType({ description: 'A page of organizations (Relay cursor connection).' })
export class OrganizationConnection extends ConnectionType(OrganizationEdge) {
  /** Counted only when a client asks for totalCount. */
  page!: OrganizationPage;
}

@ObjectType({ description: 'One site of a matching organization, for drawing the map.' })
export class MapPoint {
  @Field(() => ID, { description: 'The site\'s id.' }) locationId!: string;
  @Field(() => ID, { description: 'The organization\'s id.' }) organizationId!: string;
  @Field(() => String, { description: 'The organization\'s name in the requested language (in Albanian when it has none in that language).' }) name!: string;
  @Field(() => Language, { description: 'The language `name` is in: the one asked for, or Albanian where the organization has no name in it (so that a client can mark it).' }) nameLanguage!: Language;
  @Field(() => Float, { description: 'Latitude of the site in decimal degrees (WGS 84).' }) lat!: number;
  @Field(() => Float, { description: 'Longitude of the site in decimal degrees (WGS 84).' }) lng!: number;
  @Field(() => ID, { description: 'Code of the municipality the site lies in.' }) municipalityCode!: string;
  @Field(() => [ID], { description: 'Categories of the organization\'s active services.' }) categoryCodes!: string[];
  @Field(() => Boolean, { description: 'Whether the organization is verified.' }) verified!: boolean;
  @Field(() => Boolean, { description: 'True for a site of a fictional demo organization.' }) isDemo!: boolean;
}
