import { type ClassType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { UpdateInput } from '../core/record-version';
import { MembershipRole } from '../users/user.enums';
import { BudgetBand, LegalForm, OrganizationStatus } from '../organizations/organization.enums';
import { ServiceFee, ServiceStatus } from '../services/service.enums';

@InputType({ description: 'Text per language; Albanian (sq) is required.' })
export class LocalizedTextInput {
  @Field(() => String, { description: 'The text in Albanian (required).' }) sq!: string;
  @Field(() => String, { description: 'The text in Serbian (optional).', nullable: true }) sr?: string | null;
  @Field(() => String, { description: 'The text in English (optional).', nullable: true }) en?: string | null;
}

@InputType({ description: 'Optional text per language (at most 10,000 characters each).' })
export class OptionalLocalizedTextInput {
  @Field(() => String, { description: 'The text in Albanian; null or empty clears it.', nullable: true }) sq?: string | null;
  @Field(() => String, { description: 'The text in Serbian; null or empty clears it.', nullable: true }) sr?: string | null;
  @Field(() => String, { description: 'The text in English; null or empty clears it.', nullable: true }) en?: string | null;
}

@InputType({ description: 'Shares of the annual budget in percent, 0 to 100; when any is given they must add up to 100.' })
export class FundingMixInput {
  @Field(() => Int, { description: 'Share of the budget from Kosovo public sources, in percent (0–100).', nullable: true }) publicSources?: number | null;
  @Field(() => Int, { description: 'Share of the budget from foreign donors, in percent (0–100).', nullable: true }) foreignDonors?: number | null;
  @Field(() => Int, { description: 'Share of the budget from own revenue, in percent (0–100).', nullable: true }) ownRevenue?: number | null;
  @Field(() => Int, { description: 'Share of the budget from other sources, in percent (0–100).', nullable: true }) other?: number | null;
}

/** The input of a new record of an organization (a service, site or licence): its fields and the organization's id. */
function OrganizationRecordInput<TFields extends ClassType>(Fields: TFields) {
  // Never in the schema itself: only the named subclasses are referenced.
  @InputType()
  abstract class OrganizationRecord extends Fields {
    @Field(() => ID, { description: 'The organization\'s id.' }) organizationId!: string;
  }
  return OrganizationRecord;
}

/** Omitted fields stay as they are; null clears a field. Dates are strings so that a wrong one is a userError, not a request error. */
@InputType()
export class OrganizationFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'Required when creating.' }) names?: LocalizedTextInput | null;
  @Field(() => String, { description: 'Acronym or short name.', nullable: true }) acronym?: string | null;
  @Field(() => OptionalLocalizedTextInput, { description: 'Description in Albanian, Serbian and English.', nullable: true }) descriptions?: OptionalLocalizedTextInput | null;
  @Field(() => LegalForm, { description: 'Legal form of the NGO.', nullable: true }) legalForm?: LegalForm | null;
  @Field(() => String, { description: 'NGO registration number at the Department for NGO Registration and Liaison.', nullable: true }) registrationNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) registrationDate?: string | null;
  @Field(() => Boolean, { description: 'Whether the organization holds public-benefit status.', nullable: true }) publicBenefit?: boolean | null;
  @Field(() => String, { nullable: true, description: 'http or https only.' }) website?: string | null;
  @Field(() => String, { description: 'Public contact e-mail address.', nullable: true }) email?: string | null;
  @Field(() => String, { description: 'Public contact phone number, as given (e.g. +383 44 123 456).', nullable: true }) phone?: string | null;
  @Field(() => [String], { nullable: true, description: 'http or https addresses, at most 10.' }) socialLinks?: string[] | null;
  @Field(() => Int, { description: 'Year the organization was founded.', nullable: true }) yearFounded?: number | null;
  @Field(() => Int, { description: 'Paid staff (persons).', nullable: true }) staffCount?: number | null;
  @Field(() => Int, { description: 'Volunteers (persons).', nullable: true }) volunteerCount?: number | null;
  @Field(() => BudgetBand, { description: 'Annual budget band (EUR).', nullable: true }) budgetBand?: BudgetBand | null;
  @Field(() => FundingMixInput, { description: 'Shares of the budget by source, in percent.', nullable: true }) fundingMix?: FundingMixInput | null;
  @Field(() => OrganizationStatus, { description: 'Whether the organization operates.', nullable: true }) status?: OrganizationStatus | null;
}

@InputType({ description: 'A new organization: it starts unverified and its creator becomes its owner.' })
export class CreateOrganizationInput extends OrganizationFieldsInput {}

@InputType({ description: 'Changes to an organization\'s profile; fields left out stay as they are, null clears a field.' })
export class UpdateOrganizationInput extends OrganizationFieldsInput {
  @Field(() => ID, { description: 'Id of the record to change.' }) id!: string;
  @Field(() => Int, { description: 'The version you loaded: a stale one fails with STALE_VERSION.' }) version!: number;
}

@InputType()
export class ServiceFieldsInput {
  @Field(() => LocalizedTextInput, { nullable: true, description: 'Required when creating.' }) names?: LocalizedTextInput | null;
  @Field(() => OptionalLocalizedTextInput, { description: 'Description in Albanian, Serbian and English.', nullable: true }) descriptions?: OptionalLocalizedTextInput | null;
  @Field(() => [ID], { nullable: true, description: 'Service category codes; at least one.' }) categories?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Target group codes.' }) targetGroups?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Codes of the municipalities served.' }) serviceArea?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes, e.g. sq, sr, en, tr, rom.' }) languages?: string[] | null;
  @Field(() => String, { description: 'Who may use the service, as given.', nullable: true }) eligibility?: string | null;
  @Field(() => ServiceFee, { description: 'Whether users pay.', nullable: true }) fee?: ServiceFee | null;
  @Field(() => Int, { nullable: true, description: 'Beneficiaries per year.' }) capacity?: number | null;
  @Field(() => Int, { description: 'Residential places (beds), for a residential service.', nullable: true }) residentialPlaces?: number | null;
  @Field(() => ServiceStatus, { description: 'Whether the service is offered.', nullable: true }) status?: ServiceStatus | null;
  @Field(() => [ID], { nullable: true, description: 'Ids of the organization\'s sites where the service is delivered.' }) locationIds?: string[] | null;
}

@InputType({ description: 'A new service of an organization.' })
export class CreateServiceInput extends OrganizationRecordInput(ServiceFieldsInput) {}

@InputType({ description: 'Changes to a service; fields left out stay as they are.' })
export class UpdateServiceInput extends UpdateInput(ServiceFieldsInput) {}

@InputType()
export class LocationFieldsInput {
  @Field(() => String, { description: 'Name of the site (e.g. "Qendra ditore"), if it has one.', nullable: true }) name?: string | null;
  @Field(() => String, { description: 'Street address.', nullable: true }) address?: string | null;
  @Field(() => ID, { nullable: true, description: 'Municipality code; the point must lie in it. Required when creating.' }) municipality?: string | null;
  @Field(() => Float, { nullable: true, description: 'Required when creating.' }) lat?: number | null;
  @Field(() => Float, { nullable: true, description: 'Required when creating.' }) lng?: number | null;
  @Field(() => String, { description: 'Physical accessibility of the site (step-free access, accessible toilet, …), as given.', nullable: true }) accessibility?: string | null;
  @Field(() => String, { description: 'Opening hours, as given.', nullable: true }) openingHours?: string | null;
}

@InputType({ description: 'A new site of an organization.' })
export class CreateLocationInput extends OrganizationRecordInput(LocationFieldsInput) {}

@InputType({ description: 'Changes to a site; fields left out stay as they are.' })
export class UpdateLocationInput extends UpdateInput(LocationFieldsInput) {}

@InputType()
export class LicenceFieldsInput {
  @Field(() => String, { nullable: true, description: 'The issuing authority. Required when creating.' }) authority?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when creating.' }) number?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Category codes covered; at least one.' }) categories?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Required when creating.' }) validFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, on or after validFrom; empty for open-ended.' }) validUntil?: string | null;
  @Field(() => String, { description: 'Reference of the licensing decision.', nullable: true }) documentReference?: string | null;
}

@InputType({ description: 'A new licence of an organization (recorded unverified; a moderator verifies it).' })
export class CreateLicenceInput extends OrganizationRecordInput(LicenceFieldsInput) {}

@InputType({ description: 'Changes to a licence; fields left out stay as they are.' })
export class UpdateLicenceInput extends UpdateInput(LicenceFieldsInput) {}

@InputType({ description: 'Whom to invite to an organization, and with which role (owners only).' })
export class InviteMemberInput {
  @Field(() => ID, { description: 'The organization\'s id.' }) organizationId!: string;
  @Field(() => String, { description: 'E-mail address to invite.' }) email!: string;
  @Field(() => MembershipRole, { description: 'The role to give: EDITOR (default) or OWNER.', defaultValue: MembershipRole.EDITOR }) role!: MembershipRole;
}
