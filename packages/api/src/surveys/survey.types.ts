import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CountedConnectionType, EdgeType } from '../core/connection';
import { LocalizedText } from '../core/localized-text';
import { DateScalar } from '../core/scalars';
import { Organization } from '../organizations/organization.entity';
import { SurveyNoticeKind, SurveyQuestionType, SurveyResponseStatus, SurveyWaveStatus } from './survey.enums';
import { WritePayload } from '../core/payload';

@ObjectType({ description: 'An option of a choice, NUMBERS or SHARES question.' })
export class SurveyOption {
  @Field(() => String, { description: 'Stable code of the option.' }) code!: string;
  @Field(() => LocalizedText, { description: 'The option as shown, in sq, sr and en.' }) label!: LocalizedText;
}

@ObjectType({ description: 'A question is asked only when a yes/no question has this answer.' })
export class SurveyCondition {
  @Field(() => String, { description: 'Code of the yes/no question.' }) question!: string;
  @Field(() => Boolean, { description: 'The answer that makes this question asked.' }) equals!: boolean;
}

@ObjectType({ description: 'A question of the questionnaire; its code is stable across versions, so that waves compare.' })
export class SurveyQuestion {
  @Field(() => String, { description: 'Stable code, e.g. staff_paid.' }) code!: string;
  @Field(() => SurveyQuestionType, { description: 'How it is answered.' }) type!: SurveyQuestionType;
  @Field(() => LocalizedText, { description: 'The question, in sq, sr and en.' }) label!: LocalizedText;
  @Field(() => Boolean, { description: 'Must be answered (when asked) before submitting.' }) required!: boolean;
  @Field(() => Number, { nullable: true, description: 'Smallest number accepted (NUMBER, NUMBERS).' }) min!: number | null;
  @Field(() => Number, { nullable: true, description: 'Largest number accepted (NUMBER, NUMBERS).' }) max!: number | null;
  @Field(() => Boolean, { description: 'Whole numbers only.' }) integer!: boolean;
  @Field(() => String, { nullable: true, description: 'Unit of the numbers: persons, percent, contracts.' }) unit!: string | null;
  @Field(() => Int, { nullable: true, description: 'Longest text accepted, in characters (TEXT).' }) maxLength!: number | null;
  @Field(() => [SurveyOption], { description: 'The options (choice, NUMBERS and SHARES questions); from the registry\'s code lists where the question says so.' }) options!: SurveyOption[];
  @Field(() => SurveyCondition, { nullable: true, description: 'Asked only under this condition.' }) showIf!: SurveyCondition | null;
  @Field(() => Boolean, { description: 'Free text: never published, never aggregated, only in the administrators\' microdata.' }) private!: boolean;
}

@ObjectType({ description: 'A section of the questionnaire.' })
export class SurveySection {
  @Field(() => String, { description: 'Stable code: capacity, services, contracting, licensing, shock, needs.' }) code!: string;
  @Field(() => LocalizedText, { description: 'Title in sq, sr and en.' }) title!: LocalizedText;
  @Field(() => [SurveyQuestion], { description: 'Its questions, in order.' }) questions!: SurveyQuestion[];
}

@ObjectType({ description: 'A version of the questionnaire, as committed data.' })
export class SurveyQuestionnaire {
  @Field(() => String, { description: 'Version, e.g. 2024.1.' }) version!: string;
  @Field(() => LocalizedText, { description: 'Title in sq, sr and en.' }) title!: LocalizedText;
  @Field(() => [SurveySection], { description: 'Sections, in order.' }) sections!: SurveySection[];
}

/** The same two fields in answers read and answers sent: one class serves as both types. */
@ObjectType({ description: 'A number given for one option.' })
@InputType('SurveyPartInput', { description: 'A number given for one option of a NUMBERS or SHARES question.' })
export class SurveyPart {
  @Field(() => String, { description: 'Option code.' }) code!: string;
  @Field(() => Number, { description: 'The number (a percentage for SHARES).' }) value!: number;
}

@ObjectType({ description: 'One answer; the field of the question\'s type carries it.' })
export class SurveyAnswer {
  @Field(() => String, { description: 'Question code.' }) question!: string;
  @Field(() => Number, { nullable: true, description: 'NUMBER answers.' }) number?: number | null;
  @Field(() => [SurveyPart], { nullable: true, description: 'NUMBERS and SHARES answers.' }) parts?: SurveyPart[] | null;
  @Field(() => String, { nullable: true, description: 'SINGLE_CHOICE answers.' }) choice?: string | null;
  @Field(() => [String], { nullable: true, description: 'MULTIPLE_CHOICE answers.' }) choices?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'YES_NO answers.' }) yes?: boolean | null;
  @Field(() => String, { nullable: true, description: 'TEXT answers (only the organization\'s members see them).' }) text?: string | null;
}

@ObjectType('SurveyWave', { description: 'A yearly round of the mapping survey.' })
export class SurveyWaveType {
  @Field(() => ID, { description: 'Id (UUID).' }) id!: string;
  @Field(() => Int, { description: 'Optimistic-locking version: pass it back to closeSurveyWave.' }) version!: number;
  @Field(() => Int, { description: 'The year the wave describes.' }) year!: number;
  @Field(() => LocalizedText, { description: 'Title in sq, sr and en.' }) titles!: LocalizedText;
  @Field(() => String, { description: 'Version of the questionnaire it asks.' }) questionnaireVersion!: string;
  @Field(() => DateScalar, { description: 'First day answers are accepted (UTC).' }) opensOn!: string;
  @Field(() => DateScalar, { description: 'Last day answers are accepted (UTC).' }) closesOn!: string;
  @Field(() => Date, { nullable: true, description: 'When a moderator closed it before its closing date.' }) closedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: 'When members were last reminded.' }) lastRemindedAt?: Date | null;
  @Field(() => Boolean, { description: 'Fictional demo wave: never real data.' }) isDemo!: boolean;
}

@ObjectType({ description: 'An organization\'s answers to a wave (members and administrators only).' })
export class SurveyResponseType {
  @Field(() => ID, { description: 'Id (UUID).' }) id!: string;
  @Field(() => Int, { description: 'Optimistic-locking version: pass it back with the next save.' }) version!: number;
  @Field(() => SurveyResponseStatus, { description: 'Draft or submitted.' }) status!: SurveyResponseStatus;
  @Field(() => Date, { nullable: true, description: 'When it was last submitted.' }) submittedAt?: Date | null;
  @Field(() => Date, { description: 'When it was last saved.' }) updatedAt!: Date;
  @Field(() => [SurveyAnswer], { description: 'The saved answers.' }) answers!: SurveyAnswer[];
}

@ObjectType({ description: 'What an editor needs to answer a wave for an organization.' })
export class SurveyForm {
  @Field(() => SurveyWaveType, { description: 'The wave.' }) wave!: SurveyWaveType;
  @Field(() => Organization, { description: 'The organization answering.' }) organization!: Organization;
  @Field(() => SurveyResponseType, { nullable: true, description: 'The saved response; null before the first save.' }) response!: SurveyResponseType | null;
  @Field(() => [SurveyAnswer], { description: 'The saved answers, or before the first save answers pre-filled from the registry and the previous wave.' }) answers!: SurveyAnswer[];
  @Field(() => [String], { description: 'Question codes pre-filled from the registry (empty once saved).' }) prefilledFromRegistry!: string[];
  @Field(() => [String], { description: 'Question codes pre-filled from the previous wave (empty once saved).' }) prefilledFromPreviousWave!: string[];
  @Field(() => Boolean, { description: 'The wave is open: answers may be saved and submitted.' }) editable!: boolean;
}

@ObjectType({ description: 'A wave that asks one of your organizations.' })
export class SurveyAssignment {
  @Field(() => SurveyWaveType, { description: 'The wave.' }) wave!: SurveyWaveType;
  @Field(() => Organization, { description: 'Your organization it asks.' }) organization!: Organization;
  @Field(() => SurveyResponseStatus, { nullable: true, description: 'Where its response stands; null when nobody has started.' }) responseStatus!: SurveyResponseStatus | null;
}

@ObjectType({ description: 'A message in the app about a survey wave.' })
export class SurveyNoticeType {
  @Field(() => ID, { description: 'Id (UUID).' }) id!: string;
  @Field(() => SurveyNoticeKind, { description: 'Invitation or reminder.' }) kind!: SurveyNoticeKind;
  @Field(() => Date, { description: 'When it was sent.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When you marked it read.' }) readAt!: Date | null;
  @Field(() => SurveyWaveType, { description: 'The wave.' }) wave!: SurveyWaveType;
  @Field(() => Organization, { description: 'Your organization it concerns.' }) organization!: Organization;
}

@ObjectType({ description: 'A wave in a list.' })
export class SurveyWaveEdge extends EdgeType(() => SurveyWaveType) {}

@ObjectType({ description: 'Waves, newest first.' })
export class SurveyWaveConnection extends CountedConnectionType(SurveyWaveEdge) {}

@ObjectType({ description: 'The result of opening or closing a wave.' })
export class SurveyWavePayload extends WritePayload('wave', () => SurveyWaveType, 'The wave') {}

@ObjectType({ description: 'The result of a reminder.' })
export class SurveyReminderPayload extends WritePayload('wave', () => SurveyWaveType, 'The wave') {
  @Field(() => Int, { description: 'People reminded (owners and editors of organizations that have not submitted).' }) reminded!: number;
}

@ObjectType({ description: 'The result of saving or submitting a response.' })
export class SurveyResponsePayload extends WritePayload('response', () => SurveyResponseType, 'The response as saved') {}

@ObjectType({ description: 'The result of marking a notice read.' })
export class SurveyNoticePayload extends WritePayload('notice', () => SurveyNoticeType, 'The notice') {}
