import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { MembershipRole } from '../users/user.enums';
import { BudgetBand, LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import { ServiceFee, ServiceStatus } from '../services/service.enums';

@InputType({ description: 'Text per language; Albanian (sq) is required.' })
export class LocalizedTextInput {
  @Field(() => String) sq!: string;
  @Field(() => String, { nullable: true }) sr?: string | null;
  @Field(() => String, { nullable: true }) en?: string | null;
}

@InputType({ description: 'Optional text per language (at most 10,000 characters each).' })
export class OptionalLocalizedTextInput {
  @Field(() => String, { nullable: true }) sq?: string | null;
  @Field(() => String, { nullable: true }) sr?: string | null;
  @Field(() => String, { nullable: true }) en?: string | null;
}

@InputType({ description: 'Shares of the annual budget in percent, 0 to 100; when any is given they must add up to 100.' })
export class FundingMixInput {
  @Field(() => Int, { nullable: true }) publicSources?: number | null;
  @Field(() => Int, { nullable: true }) foreignDonors?: number | null;
  @Field(() => Int, { nullable: true }) ownRevenue?: number | null;
  @Field(() => Int, { nullable: true }) other?: number | null;
}

/** Omitted fields stay as they are; null clears a field. Dates are strings so that a wrong one is a userError, not a request error. */
@InputType()
export class OrganizationFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'Required when creating.' }) names?: LocalizedTextInput | null;
  @Field(() => String, { nullable: true }) acronym?: string | null;
  @Field(() => OptionalLocalizedTextInput, { nullable: true }) descriptions?: OptionalLocalizedTextInput | null;
  @Field(() => LegalForm, { nullable: true }) legalForm?: LegalForm | null;
  @Field(() => String, { nullable: true }) registrationNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) registrationDate?: string | null;
  @Field(() => Boolean, { nullable: true }) publicBenefit?: boolean | null;
  @Field(() => String, { nullable: true, description: 'http or https only.' }) website?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => [String], { nullable: true, description: 'http or https addresses, at most 10.' }) socialLinks?: string[] | null;
  @Field(() => Int, { nullable: true }) yearFounded?: number | null;
  @Field(() => Int, { nullable: true }) staffCount?: number | null;
  @Field(() => Int, { nullable: true }) volunteerCount?: number | null;
  @Field(() => BudgetBand, { nullable: true }) budgetBand?: BudgetBand | null;
  @Field(() => FundingMixInput, { nullable: true }) fundingMix?: FundingMixInput | null;
  @Field(() => OrganizationStatus, { nullable: true }) status?: OrganizationStatus | null;
}

@InputType({ description: 'A new organization: it starts unverified and its creator becomes its owner.' })
export class CreateOrganizationInput extends OrganizationFieldsInput {}

@InputType()
export class UpdateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you loaded: a stale one fails with STALE_VERSION.' }) version!: number;
}

@InputType()
export class ServiceFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'Required when creating.' }) names?: LocalizedTextInput | null;
  @Field(() => OptionalLocalizedTextInput, { nullable: true }) descriptions?: OptionalLocalizedTextInput | null;
  @Field(() => [ID], { nullable: true, description: 'Service category codes; at least one.' }) categories?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Target group codes.' }) targetGroups?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Codes of the municipalities served.' }) serviceArea?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. sq, sr, en, tr, rom.' }) languages?: string[] | null;
  @Field(() => String, { nullable: true }) eligibility?: string | null;
  @Field(() => ServiceFee, { nullable: true }) fee?: ServiceFee | null;
  @Field(() => Int, { nullable: true, description: 'Beneficiaries per year.' }) capacity?: number | null;
  @Field(() => Int, { nullable: true }) residentialPlaces?: number | null;
  @Field(() => ServiceStatus, { nullable: true }) status?: ServiceStatus | null;
  @Field(() => [ID], { nullable: true, description: 'Ids of the organization\'s sites where the service is delivered.' }) locationIds?: string[] | null;
}

@InputType()
export class CreateServiceInput extends ServiceFieldsInput {
  @Field(() => ID) organizationId!: string;
}

@InputType()
export class UpdateServiceInput extends ServiceFieldsInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
}

@InputType()
export class LocationFieldsInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => ID, { nullable: true, description: 'Municipality code; the point must lie in it. Required when creating.' }) municipality?: string | null;
  @Field(() => Float, { nullable: true, description: 'Required when creating.' }) lat?: number | null;
  @Field(() => Float, { nullable: true, description: 'Required when creating.' }) lng?: number | null;
  @Field(() => String, { nullable: true }) accessibility?: string | null;
  @Field(() => String, { nullable: true }) openingHours?: string | null;
}

@InputType()
export class CreateLocationInput extends LocationFieldsInput {
  @Field(() => ID) organizationId!: string;
}

@InputType()
export class UpdateLocationInput extends LocationFieldsInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
}

@InputType()
export class LicenceFieldsInput {
  @Field(() => String, { nullable: true, description: 'The issuing authority. Required when creating.' }) authority?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when creating.' }) number?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Category codes covered; at least one.' }) categories?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Required when creating.' }) validFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, on or after validFrom; empty for open-ended.' }) validUntil?: string | null;
  @Field(() => String, { nullable: true }) documentReference?: string | null;
}

@InputType()
export class CreateLicenceInput extends LicenceFieldsInput {
  @Field(() => ID) organizationId!: string;
}

@InputType()
export class UpdateLicenceInput extends LicenceFieldsInput {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) email!: string;
  @Field(() => MembershipRole, { defaultValue: MembershipRole.EDITOR }) role!: MembershipRole;
}
