import { Embedded, Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../core/base.entity';
import { LocalizedText, OptionalLocalizedText } from '../core/localized-text';
import { Node } from '../core/node';
import { DateScalar } from '../core/scalars';
import type { User } from '../users/user.entity';
import { BudgetBand, LegalForm, OrganizationStatus, VerificationStatus } from './organization.enums';

export const ORGANIZATION_SEARCH_TEXT =
  "(civimap_fold(coalesce(name_sq, '') || ' ' || coalesce(name_sr, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(acronym, ''))) stored";

@ObjectType('FundingMix', { description: 'Shares of the annual budget, in percent.' })
export class FundingMix {
  @Field(() => Int, { description: 'Share of the budget from Kosovo public sources, in percent (0–100).', nullable: true }) publicSources?: number | null;
  @Field(() => Int, { description: 'Share of the budget from foreign donors, in percent (0–100).', nullable: true }) foreignDonors?: number | null;
  @Field(() => Int, { description: 'Share of the budget from own revenue (fees, sales, membership), in percent (0–100).', nullable: true }) ownRevenue?: number | null;
  @Field(() => Int, { description: 'Share of the budget from other sources, in percent (0–100).', nullable: true }) other?: number | null;
}

@Entity({ tableName: 'organization' })
@ObjectType({ implements: Node, description: 'A civil-society organization that provides social or family services.' })
@Index({ properties: ['status'] })
@Index({ name: 'organization_search_text_trgm', expression: 'create index "organization_search_text_trgm" on "organization" using gin ("search_text" gin_trgm_ops)' })
@Index({ name: 'organization_name_sq_id_index', properties: ['names.sq', 'id'] })
@Index({ name: 'organization_updated_at_id_index', properties: ['updatedAt', 'id'] })
export class Organization extends VersionedEntity {
  @Field(() => LocalizedText, { description: 'Name in Albanian, Serbian and English.' })
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @Field(() => String, { description: 'Acronym or short name.', nullable: true })
  @Property({ type: 'text', nullable: true })
  acronym?: string | null;

  @Embedded(() => OptionalLocalizedText, { prefix: 'description_' })
  descriptions: Opt<OptionalLocalizedText> = new OptionalLocalizedText();

  @Field(() => LegalForm, { description: 'Legal form of the NGO.' })
  @Enum({ items: () => LegalForm, default: LegalForm.ASSOCIATION })
  legalForm: Opt<LegalForm> = LegalForm.ASSOCIATION;

  @Field(() => String, { nullable: true, description: 'NGO registration number.' })
  @Property({ type: 'text', nullable: true })
  @Index()
  registrationNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'NGO registration date.' })
  @Property({ type: 'date', nullable: true })
  registrationDate?: string | null;

  @Field(() => Boolean, { description: 'Whether the organization holds public-benefit status.' })
  @Property({ type: 'boolean', default: false })
  publicBenefit: Opt<boolean> = false;

  @Field(() => String, { description: 'Website URL.', nullable: true })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Field(() => String, { description: 'Public contact e-mail address.', nullable: true })
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Field(() => String, { description: 'Public contact phone number, as given (e.g. +383 44 123 456).', nullable: true })
  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  /** Links to social media profiles. */
  @Field(() => [String], { description: 'Links to the organization\'s social-media pages.' })
  @Property({ type: 'text[]', default: '{}' })
  socialLinks: Opt<string[]> = [];

  @Field(() => Int, { description: 'Year the organization was founded.', nullable: true })
  @Property({ type: 'integer', nullable: true })
  yearFounded?: number | null;

  @Field(() => Int, { description: 'Paid staff (persons).', nullable: true })
  @Property({ type: 'integer', nullable: true })
  staffCount?: number | null;

  @Field(() => Int, { description: 'Volunteers (persons).', nullable: true })
  @Property({ type: 'integer', nullable: true })
  volunteerCount?: number | null;

  @Field(() => BudgetBand, { description: 'Annual budget band (EUR).', nullable: true })
  @Enum({ items: () => BudgetBand, nullable: true })
  budgetBand?: BudgetBand | null;

  @Property({ type: 'smallint', nullable: true })
  fundingPublicPct?: number | null;

  @Property({ type: 'smallint', nullable: true })
  fundingForeignPct?: number | null;

  @Property({ type: 'smallint', nullable: true })
  fundingOwnPct?: number | null;

  @Property({ type: 'smallint', nullable: true })
  fundingOtherPct?: number | null;

  @Field(() => OrganizationStatus, { description: 'Whether the organization operates.' })
  @Enum({ items: () => OrganizationStatus, default: OrganizationStatus.ACTIVE })
  status: Opt<OrganizationStatus> = OrganizationStatus.ACTIVE;

  @Enum({ items: () => VerificationStatus, default: VerificationStatus.UNVERIFIED })
  verificationStatus: Opt<VerificationStatus> = VerificationStatus.UNVERIFIED;

  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt?: Date | null;

  @ManyToOne('User', { nullable: true, deleteRule: 'set null' })
  verifiedBy?: User | null;

  @Field(() => Date, { nullable: true, description: 'When an editor last confirmed that the record is still current.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastConfirmedAt?: Date | null;

  /** Names and acronym folded to lower case without diacritics, for trigram text search (see the migration). */
  @Property({ type: 'text', generated: ORGANIZATION_SEARCH_TEXT, lazy: true, nullable: true, hidden: true })
  searchText?: string | null;

  @Field(() => Boolean, { description: 'Fictional demo record: never real data.' })
  @Property({ type: 'boolean', default: false })
  isDemo: Opt<boolean> = false;
}
