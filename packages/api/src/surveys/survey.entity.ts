import { Embedded, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity, VersionedEntity } from '../core/base.entity';
import { LocalizedText } from '../core/localized-text';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { SurveyNoticeKind, SurveyResponseStatus } from './survey.enums';

/** Who a wave asks: all active organizations, or those matching these codes (any of each list). */
export interface WaveAudience {
  regions?: string[];
  municipalities?: string[];
  categories?: string[];
  organizationIds?: string[];
}

/** One yearly round of the mapping survey. */
@Entity({ tableName: 'survey_wave' })
@Index({ properties: ['year'] })
export class SurveyWave extends VersionedEntity {
  @Property({ type: 'integer' })
  year!: number;

  @Embedded(() => LocalizedText, { prefix: 'title_' })
  titles!: LocalizedText;

  @Property({ type: 'text' })
  questionnaireVersion!: string;

  @Property({ type: 'date' })
  opensOn!: string;

  @Property({ type: 'date' })
  closesOn!: string;

  /** Set when a moderator closes the wave before its closing date. */
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'jsonb', default: '{}' })
  audience: Opt<WaveAudience> = {};

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  createdBy?: User | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastRemindedAt?: Date | null;

  /** Moves on every submit: cached results of an older generation are stale. */
  @Property({ type: 'integer', default: 0 })
  resultsGeneration: Opt<number> = 0;

  @Property({ type: 'boolean', default: false })
  isDemo: Opt<boolean> = false;
}

/**
 * An organization asked by a wave, with where it stood in the registry when the wave opened: results
 * and response rates are broken down by these, so a later edit of the profile does not move a cell.
 */
@Entity({ tableName: 'survey_invitation' })
@Unique({ properties: ['wave', 'organization'] })
export class SurveyInvitation extends BaseEntity {
  @ManyToOne(() => SurveyWave, { deleteRule: 'cascade' })
  wave!: SurveyWave;

  @ManyToOne(() => Organization, { deleteRule: 'cascade', index: true })
  organization!: Organization;

  @Property({ type: 'text', nullable: true })
  regionCode?: string | null;

  @Property({ type: 'text', nullable: true })
  municipalityCode?: string | null;

  @Property({ type: 'text[]', default: '{}' })
  categoryCodes: Opt<string[]> = [];

  @Property({ type: 'text[]', default: '{}' })
  targetGroupCodes: Opt<string[]> = [];

  @Property({ type: 'text' })
  legalForm!: string;

  @Property({ type: 'integer', default: 0 })
  reminders: Opt<number> = 0;
}

/** A message in the app for a member of an invited organization. */
@Entity({ tableName: 'survey_notice' })
@Index({ properties: ['user', 'createdAt'] })
export class SurveyNotice extends BaseEntity {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @ManyToOne(() => SurveyWave, { deleteRule: 'cascade' })
  wave!: SurveyWave;

  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Enum({ items: () => SurveyNoticeKind })
  kind!: SurveyNoticeKind;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}

export type AnswerValue = number | boolean | string | string[] | Record<string, number>;
export type Answers = Record<string, AnswerValue>;

/** One organization's answers to one wave: at most one, which the unique key guarantees under concurrent saves. */
@Entity({ tableName: 'survey_response' })
@Unique({ properties: ['wave', 'organization'] })
@Index({ properties: ['wave', 'status'] })
export class SurveyResponse extends VersionedEntity {
  @ManyToOne(() => SurveyWave, { deleteRule: 'cascade' })
  wave!: SurveyWave;

  @ManyToOne(() => Organization, { deleteRule: 'cascade', index: true })
  organization!: Organization;

  @Enum({ items: () => SurveyResponseStatus, default: SurveyResponseStatus.DRAFT })
  status: Opt<SurveyResponseStatus> = SurveyResponseStatus.DRAFT;

  @Property({ type: 'jsonb', default: '{}' })
  answers: Opt<Answers> = {};

  /** Copied from the budget_band answer: a dimension of the results. */
  @Property({ type: 'text', nullable: true })
  budgetBand?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  submittedBy?: User | null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  updatedBy?: User | null;
}
