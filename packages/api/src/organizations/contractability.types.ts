import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../core/scalars';

/** The conditions of the contractable rule (DESIGN section 2), in the order an officer reads them. */
export enum ContractabilityCondition {
  ACTIVE = 'ACTIVE',
  VERIFIED = 'VERIFIED',
  SERVICE = 'SERVICE',
  AREA = 'AREA',
  LICENCE = 'LICENCE',
}
registerEnumType(ContractabilityCondition, {
  name: 'ContractabilityCondition',
  description: 'One condition of the contractable rule (DESIGN section 2).',
  valuesConfig: {
    ACTIVE: { description: 'The organization\'s status is ACTIVE.' },
    VERIFIED: { description: 'The organization\'s profile is verified by a moderator.' },
    SERVICE: { description: 'It has an active service in the category or a category below it.' },
    AREA: {
      description:
        'Such a service serves the place: its service area includes the municipality or it is delivered at a site there; for a point, it is delivered at a site within the radius.',
    },
    LICENCE: {
      description:
        'A licence valid on the date (valid from on or before it, valid until empty or on or after it) covers that service\'s category or its parent. Checked against the services that serve the place when there are any, else against the services in the category, else against the category itself.',
    },
  },
});

/** Why a condition holds or fails, as a code a client can put in its own words. */
export enum ContractabilityReason {
  IS_ACTIVE = 'IS_ACTIVE',
  NOT_ACTIVE = 'NOT_ACTIVE',
  IS_VERIFIED = 'IS_VERIFIED',
  NOT_VERIFIED = 'NOT_VERIFIED',
  SERVICE_IN_CATEGORY = 'SERVICE_IN_CATEGORY',
  NO_SERVICE_IN_CATEGORY = 'NO_SERVICE_IN_CATEGORY',
  SERVES_PLACE = 'SERVES_PLACE',
  NOT_SERVING_PLACE = 'NOT_SERVING_PLACE',
  LICENCE_VALID = 'LICENCE_VALID',
  LICENCE_NOT_VALID_ON_DATE = 'LICENCE_NOT_VALID_ON_DATE',
  LICENCE_OTHER_CATEGORY = 'LICENCE_OTHER_CATEGORY',
  NO_LICENCE = 'NO_LICENCE',
}
registerEnumType(ContractabilityReason, {
  name: 'ContractabilityReason',
  description: 'Why a condition of the contractable rule holds or fails.',
  valuesConfig: {
    IS_ACTIVE: { description: 'ACTIVE holds.' },
    NOT_ACTIVE: { description: 'ACTIVE fails: the status is INACTIVE or CLOSED (the message says which).' },
    IS_VERIFIED: { description: 'VERIFIED holds (see `verifiedAt`).' },
    NOT_VERIFIED: { description: 'VERIFIED fails: the profile is unverified.' },
    SERVICE_IN_CATEGORY: { description: 'SERVICE holds: `serviceName` is an active service in the category.' },
    NO_SERVICE_IN_CATEGORY: { description: 'SERVICE fails: no active service in the category or below it.' },
    SERVES_PLACE: { description: 'AREA holds: `serviceName` serves the municipality (or is delivered within the radius).' },
    NOT_SERVING_PLACE: { description: 'AREA fails: no active service in the category serves the place.' },
    LICENCE_VALID: { description: 'LICENCE holds: `licenceNumber` is valid on the date and covers the category.' },
    LICENCE_NOT_VALID_ON_DATE: { description: 'LICENCE fails: `licenceNumber` covers the category but is not valid on the date (see its validity).' },
    LICENCE_OTHER_CATEGORY: { description: 'LICENCE fails: `licenceNumber` is valid on the date but covers none of the categories concerned.' },
    NO_LICENCE: { description: 'LICENCE fails: no licence is valid on the date, and none covers the category.' },
  },
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
