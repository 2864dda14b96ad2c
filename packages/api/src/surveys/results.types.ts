import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalizedText } from '../core/localized-text';
import { SuppressionReason, SurveyDimension } from './survey.enums';
import { SurveyWaveType } from './survey.types';

@ObjectType({ description: 'Where a cell sits in one dimension.' })
export class SurveyCellKey {
  @Field(() => SurveyDimension, { description: 'The dimension.' }) dimension!: SurveyDimension;
  @Field(() => String, { description: 'Code in that dimension (a region, municipality, category or target group code, a LegalForm or BudgetBand value); _none when not known.' }) code!: string;
  @Field(() => LocalizedText, { description: 'The code\'s name in sq, sr and en.' }) label!: LocalizedText;
}

@ObjectType({ description: 'The figures of one option of a question within a cell.' })
export class SurveyOptionFigure {
  @Field(() => String, { description: 'Option code (yes and no for YES_NO questions).' }) code!: string;
  @Field(() => Int, { description: 'Organizations that chose it (choices) or gave a number for it (NUMBERS, SHARES).' }) count!: number;
  @Field(() => Float, { nullable: true, description: 'Share of the organizations that answered the question which chose it, 0 to 1 (choices and YES_NO).' }) share!: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum of the numbers given for it (NUMBERS; for SHARES a sum of percentages, rarely meaningful).' }) sum!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of the numbers given for it (for SHARES: the mean share, in percent).' }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median of the numbers given for it.' }) median!: number | null;
}

@ObjectType({ description: 'The aggregate of one question within a cell; every number is null when it is withheld.' })
export class SurveyFigure {
  @Field(() => String, { description: 'Question code.' }) question!: string;
  @Field(() => Int, { nullable: true, description: 'Responding organizations that answered it; null when withheld.' }) answered!: number | null;
  @Field(() => SuppressionReason, { nullable: true, description: 'Why the figure is withheld; null when published.' }) suppressed!: SuppressionReason | null;
  @Field(() => Float, { nullable: true, description: 'Sum of the answers (NUMBER questions), in the question\'s unit.' }) sum!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of the answers (NUMBER questions).' }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median of the answers (NUMBER questions).' }) median!: number | null;
  @Field(() => [SurveyOptionFigure], { description: 'Per option (choice, YES_NO, NUMBERS and SHARES questions); empty when withheld.' }) options!: SurveyOptionFigure[];
}

@ObjectType({ description: 'The figures of the responding organizations in one cell of a breakdown.' })
export class SurveyCell {
  @Field(() => [SurveyCellKey], { description: 'Where the cell sits, one entry per groupBy dimension; empty for the total.' }) key!: SurveyCellKey[];
  @Field(() => Int, { nullable: true, description: 'Responding organizations in the cell; null when withheld.' }) respondents!: number | null;
  @Field(() => SuppressionReason, { nullable: true, description: 'Why the whole cell is withheld; null when published.' }) suppressed!: SuppressionReason | null;
  @Field(() => [SurveyFigure], { description: 'One per question (free text never), in questionnaire order.' }) figures!: SurveyFigure[];
}

@ObjectType({ description: 'Aggregated, privacy-safe figures of a wave.' })
export class SurveyResults {
  @Field(() => SurveyWaveType, { description: 'The wave.' }) wave!: SurveyWaveType;
  @Field(() => [SurveyDimension], { description: 'The breakdown.' }) groupBy!: SurveyDimension[];
  @Field(() => Int, { description: 'Cells of fewer responding organizations are withheld (SURVEY_MIN_CELL).' }) minCell!: number;
  @Field(() => Boolean, { description: 'The wave is closed: the figures will not change.' }) final!: boolean;
  @Field(() => SurveyCell, { description: 'All responding organizations matching the filter.' }) total!: SurveyCell;
  @Field(() => [SurveyCell], { description: 'The cells of the breakdown that have respondents, ordered by their codes.' }) cells!: SurveyCell[];
}

@ObjectType({ description: 'How an option moved between two waves.' })
export class SurveyOptionChange {
  @Field(() => String, { description: 'Option code.' }) code!: string;
  @Field(() => Float, { nullable: true, description: 'Change of its share, in percentage points (later minus earlier × 100).' }) sharePointsChange!: number | null;
  @Field(() => Float, { nullable: true, description: 'Change of its mean (NUMBERS, SHARES).' }) meanChange!: number | null;
}

@ObjectType({ description: 'How a question\'s figures moved between two waves; null where either wave withholds them.' })
export class SurveyFigureChange {
  @Field(() => String, { description: 'Question code (asked in both waves).' }) question!: string;
  @Field(() => Float, { nullable: true, description: 'Later mean minus earlier mean (NUMBER).' }) meanChange!: number | null;
  @Field(() => Float, { nullable: true, description: 'Later median minus earlier median (NUMBER).' }) medianChange!: number | null;
  @Field(() => Float, { nullable: true, description: 'Later sum minus earlier sum (NUMBER).' }) sumChange!: number | null;
  @Field(() => [SurveyOptionChange], { description: 'Per option.' }) options!: SurveyOptionChange[];
}

@ObjectType({ description: 'One cell of a comparison: the same breakdown cell in both waves.' })
export class SurveyComparisonCell {
  @Field(() => [SurveyCellKey], { description: 'Where the cell sits; empty for the total.' }) key!: SurveyCellKey[];
  @Field(() => SurveyCell, { nullable: true, description: 'The cell in the earlier wave; null when it had no respondents.' }) from!: SurveyCell | null;
  @Field(() => SurveyCell, { nullable: true, description: 'The cell in the later wave; null when it had no respondents.' }) to!: SurveyCell | null;
  @Field(() => Int, { nullable: true, description: 'Change in responding organizations; null when either is withheld.' }) respondentsChange!: number | null;
  @Field(() => [SurveyFigureChange], { description: 'Per question asked in both waves.' }) changes!: SurveyFigureChange[];
}

@ObjectType({ description: 'Two waves side by side, by the questions they share (same codes).' })
export class SurveyComparison {
  @Field(() => SurveyWaveType, { description: 'The earlier wave.' }) from!: SurveyWaveType;
  @Field(() => SurveyWaveType, { description: 'The later wave.' }) to!: SurveyWaveType;
  @Field(() => [SurveyDimension], { description: 'The breakdown.' }) groupBy!: SurveyDimension[];
  @Field(() => [String], { description: 'Codes of the questions both waves ask.' }) questions!: string[];
  @Field(() => SurveyComparisonCell, { description: 'All responding organizations.' }) total!: SurveyComparisonCell;
  @Field(() => [SurveyComparisonCell], { description: 'Cells present in either wave, ordered by their codes.' }) cells!: SurveyComparisonCell[];
}

@ObjectType({ description: 'Invited and responding organizations in one cell.' })
export class SurveyRateCell {
  @Field(() => [SurveyCellKey], { description: 'Where the cell sits; empty for the total.' }) key!: SurveyCellKey[];
  @Field(() => Int, { description: 'Organizations the wave asks.' }) invited!: number;
  @Field(() => Int, { nullable: true, description: 'Organizations with a draft or a submitted response (moderators and administrators only).' }) started!: number | null;
  @Field(() => Int, { nullable: true, description: 'Organizations that submitted; null when withheld.' }) submitted!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of the invited that submitted (submitted / invited), 0 to 1; null when withheld.' }) rate!: number | null;
  @Field(() => SuppressionReason, { nullable: true, description: 'Why the counts are withheld (public view only); null when published.' }) suppressed!: SuppressionReason | null;
}

@ObjectType({ description: 'Response rates of a wave by one dimension.' })
export class SurveyResponseRates {
  @Field(() => SurveyDimension, { nullable: true, description: 'The breakdown; null for the total only.' }) groupBy!: SurveyDimension | null;
  @Field(() => SurveyRateCell, { description: 'All invited organizations.' }) total!: SurveyRateCell;
  @Field(() => [SurveyRateCell], { description: 'Per code of the dimension.' }) cells!: SurveyRateCell[];
}
