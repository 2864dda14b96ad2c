import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../core/scalars';
import { SurveyDimension } from './survey.enums';
import { SurveyPart } from './survey.types';

@InputType({ description: 'A title in the three languages; Albanian is required.' })
export class SurveyTitleInput {
  @Field(() => String, { description: 'Albanian title (required).' }) sq!: string;
  @Field(() => String, { nullable: true, description: 'Serbian title.' }) sr?: string | null;
  @Field(() => String, { nullable: true, description: 'English title.' }) en?: string | null;
}

@InputType({ description: 'Which active organizations a wave asks: all of them when empty; otherwise those matching every list given (any code of a list).' })
export class SurveyAudienceInput {
  @Field(() => [String], { nullable: true, description: 'Region codes of the organizations\' main sites.' }) regions?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Municipality codes of the organizations\' main sites.' }) municipalities?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Top-level service category codes the organizations provide.' }) categories?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Exactly these organizations (ids).' }) organizationIds?: string[] | null;
}

@InputType({ description: 'A new wave of the mapping survey.' })
export class OpenSurveyWaveInput {
  @Field(() => Int, { description: 'The year the wave describes, e.g. 2026.' }) year!: number;
  @Field(() => SurveyTitleInput, { description: 'Title shown to editors and on the results page.' }) titles!: SurveyTitleInput;
  @Field(() => String, { nullable: true, description: 'Questionnaire version to ask (surveyQuestionnaireVersions lists them); the latest when absent.' }) questionnaireVersion?: string | null;
  @Field(() => DateScalar, { description: 'First day answers are accepted (YYYY-MM-DD, UTC).' }) opensOn!: string;
  @Field(() => DateScalar, { description: 'Last day answers are accepted and may be changed (YYYY-MM-DD, UTC).' }) closesOn!: string;
  @Field(() => SurveyAudienceInput, { nullable: true, description: 'Which organizations to ask; all active ones when absent.' }) audience?: SurveyAudienceInput | null;
}

@InputType({ description: 'One answer: fill the field that matches the question\'s type; absent or empty means unanswered.' })
export class SurveyAnswerInput {
  @Field(() => String, { description: 'Question code.' }) question!: string;
  @Field(() => Number, { nullable: true, description: 'For NUMBER questions, in the question\'s unit.' }) number?: number | null;
  @Field(() => [SurveyPart], { nullable: true, description: 'For NUMBERS and SHARES questions: a number per option.' }) parts?: SurveyPart[] | null;
  @Field(() => String, { nullable: true, description: 'For SINGLE_CHOICE questions: the option code.' }) choice?: string | null;
  @Field(() => [String], { nullable: true, description: 'For MULTIPLE_CHOICE questions: the option codes.' }) choices?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'For YES_NO questions.' }) yes?: boolean | null;
  @Field(() => String, { nullable: true, description: 'For TEXT questions; never published.' }) text?: string | null;
}

@InputType({ description: 'An organization\'s answers to a wave, saved as a draft or submitted.' })
export class SurveyResponseInput {
  @Field(() => ID, { description: 'The wave.' }) waveId!: string;
  @Field(() => ID, { description: 'The organization answering (you must be its owner or editor).' }) organizationId!: string;
  @Field(() => Int, { nullable: true, description: 'The version of the response you loaded; absent for the first save. A stale one fails with STALE_VERSION.' }) version?: number | null;
  @Field(() => [SurveyAnswerInput], { description: 'Every answer of the response (it replaces the saved ones).' }) answers!: SurveyAnswerInput[];
}

@InputType({ description: 'Submitting a response.' })
export class SubmitSurveyResponseInput extends SurveyResponseInput {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also write the staff, volunteers, budget band and funding mix to the organization\'s profile (an audited edit).' })
  writeBackToProfile?: boolean | null;
}

@InputType({ description: 'Restricts results to organizations matching every list given (any code of a list).' })
export class SurveyResultsFilter {
  @Field(() => [String], { nullable: true, description: 'Region codes.' }) regions?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Municipality codes.' }) municipalities?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Top-level service category codes.' }) categories?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Target group codes.' }) targetGroups?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Legal forms (ASSOCIATION, FOUNDATION, OTHER).' }) legalForms?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Budget bands (BudgetBand values).' }) budgetBands?: string[] | null;
}

export const FILTER_DIMENSIONS: Record<keyof SurveyResultsFilter, SurveyDimension> = {
  regions: SurveyDimension.REGION,
  municipalities: SurveyDimension.MUNICIPALITY,
  categories: SurveyDimension.CATEGORY,
  targetGroups: SurveyDimension.TARGET_GROUP,
  legalForms: SurveyDimension.LEGAL_FORM,
  budgetBands: SurveyDimension.BUDGET_BAND,
};
