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
  @Field(() => Int, { nullable: true }) publicSources?: number | null;
  @Field(() => Int, { nullable: true }) foreignDonors?: number | null;
  @Field(() => Int, { nullable: true }) ownRevenue?: number | null;
  @Field(() => Int, { nullable: true }) other?: number | null;
}

@Entity({ tableName: 'organization' })
@ObjectType({ implements: Node, description: 'A civil-society organization that provides social or family services.' })
@Index({ properties: ['status'] })
@Index({ name: 'organization_search_text_trgm', expression: 'create index "organization_search_text_trgm" on "organization" using gin ("search_text" gin_trgm_ops)' })
@Index({ name: 'organization_name_sq_id_index', properties: ['names.sq', 'id'] })
@Index({ name: 'organization_updated_at_id_index', properties: ['updatedAt', 'id'] })
export class Organization extends VersionedEntity {
  @Field(() => LocalizedText)
  @Embedded(() => LocalizedText, { prefix: 'name_' })
  names!: LocalizedText;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  acronym?: string | null;

  @Embedded(() => OptionalLocalizedText, { prefix: 'description_' })
  descriptions: Opt<OptionalLocalizedText> = new OptionalLocalizedText();

  @Field(() => LegalForm)
  @Enum({ items: () => LegalForm, default: LegalForm.ASSOCIATION })
  legalForm: Opt<LegalForm> = LegalForm.ASSOCIATION;

  @Field(() => String, { nullable: true, description: 'NGO registration number.' })
  @Property({ type: 'text', nullable: true })
  @Index()
  registrationNumber?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'NGO registration date.' })
  @Property({ type: 'date', nullable: true })
  registrationDate?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  publicBenefit: Opt<boolean> = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  /** Links to social media profiles. */
  @Field(() => [String])
  @Property({ type: 'text[]', default: '{}' })
  socialLinks: Opt<string[]> = [];

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  yearFounded?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  staffCount?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  volunteerCount?: number | null;

  @Field(() => BudgetBand, { nullable: true })
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

  @Field(() => OrganizationStatus)
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
