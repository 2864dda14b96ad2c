import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../core/scalars';
import { defineEnum, type EnumValue } from '../core/enums';

/** The conditions of the contractable rule (DESIGN section 2), in the order an officer reads them. */
export type ContractabilityCondition = EnumValue<typeof ContractabilityCondition>;
export const ContractabilityCondition = defineEnum('ContractabilityCondition', 'One condition of the contractable rule (DESIGN section 2).', {
  ACTIVE: 'The organization\'s status is ACTIVE.',
  VERIFIED: 'The organization\'s profile is verified by a moderator.',
  SERVICE: 'It has an active service in the category or a category below it.',
  AREA:
    'Such a service serves the place: its service area includes the municipality or it is delivered at a site there; for a point, it is delivered at a site within the radius.',
  LICENCE:
    'A licence valid on the date (valid from on or before it, valid until empty or on or after it) covers that service\'s category or its parent. Checked against the services that serve the place when there are any, else against the services in the category, else against the category itself.',
});

/** Why a condition holds or fails, as a code a client can put in its own words. */
export type ContractabilityReason = EnumValue<typeof ContractabilityReason>;
export const ContractabilityReason = defineEnum('ContractabilityReason', 'Why a condition of the contractable rule holds or fails.', {
  IS_ACTIVE: 'ACTIVE holds.',
  NOT_ACTIVE: 'ACTIVE fails: the status is INACTIVE or CLOSED (the message says which).',
  IS_VERIFIED: 'VERIFIED holds (see `verifiedAt`).',
  NOT_VERIFIED: 'VERIFIED fails: the profile is unverified.',
  SERVICE_IN_CATEGORY: 'SERVICE holds: `serviceName` is an active service in the category.',
  NO_SERVICE_IN_CATEGORY: 'SERVICE fails: no active service in the category or below it.',
  SERVES_PLACE: 'AREA holds: `serviceName` serves the municipality (or is delivered within the radius).',
  NOT_SERVING_PLACE: 'AREA fails: no active service in the category serves the place.',
  LICENCE_VALID: 'LICENCE holds: `licenceNumber` is valid on the date and covers the category.',
  LICENCE_NOT_VALID_ON_DATE: 'LICENCE fails: `licenceNumber` covers the category but is not valid on the date (see its validity).',
  LICENCE_OTHER_CATEGORY: 'LICENCE fails: `licenceNumber` is valid on the date but covers none of the categories concerned.',
  NO_LICENCE: 'LICENCE fails: no licence is valid on the date, and none covers the category.',
});

@ObjectType({ description: 'One condition of the contractable rule for one organization: whether it holds, and why.' })
export class ContractabilityCheck {
  @Field(() => ContractabilityCondition, { description: 'The condition.' })
  condition!: ContractabilityCondition;

  @Field(() => Boolean, { description: 'Whether it holds.' })
  holds!: boolean;

  @Field(() => ContractabilityReason, { description: 'Why it holds or fails, as a code.' })
  reason!: ContractabilityReason;

  @Field(() => String, { description: 'Why, in English, naming the service, place or licence concerned (for exports and API users; clients translate `reason`).' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'The service concerned (its Albanian name), for SERVICE and AREA when they hold.' })
  serviceName?: string | null;

  @Field(() => String, { nullable: true, description: 'The licence concerned (its number), for LICENCE when one is on record.' })
  licenceNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of validity of the licence concerned.' })
  licenceValidFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of validity of the licence concerned (null: open-ended).' })
  licenceValidUntil?: string | null;
}

@ObjectType({
  description:
    'Whether an organization is contractable for a category in a place on a date (DESIGN section 2), condition by condition: the rule the contractableFor and contractableNear filters apply.',
})
export class Contractability {
  @Field(() => Boolean, { description: 'Every condition holds: exactly the organizations the contractableFor / contractableNear filter keeps.' })
  contractable!: boolean;

  @Field(() => DateScalar, { description: 'The date the licence is checked on (default today in Kosovo).' })
  on!: string;

  @Field(() => [ContractabilityCheck], { description: 'The five conditions, in the order ACTIVE, VERIFIED, SERVICE, AREA, LICENCE.' })
  checks!: ContractabilityCheck[];

  @Field(() => [ContractabilityCondition], { description: 'The conditions that fail (empty when contractable).' })
  failing!: ContractabilityCondition[];
}
