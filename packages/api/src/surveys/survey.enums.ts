import { defineEnum, type EnumValue } from '../core/enums';

export type SurveyWaveStatus = EnumValue<typeof SurveyWaveStatus>;
export const SurveyWaveStatus = defineEnum('SurveyWaveStatus', 'Where a wave stands, from its dates and whether it was closed early.', {
  SCHEDULED: 'Its opening date is still to come: invitations are out, answers are not yet accepted.',
  OPEN: 'Answers are accepted and may be changed until the closing date.',
  CLOSED: 'Past its closing date, or closed by a moderator: results are final and public.',
});

export type SurveyResponseStatus = EnumValue<typeof SurveyResponseStatus>;
export const SurveyResponseStatus = defineEnum('SurveyResponseStatus', 'Whether an organization\'s answers count in the results.', {
  DRAFT: 'Saved as the editor goes; not counted.',
  SUBMITTED: 'Submitted: counted in the results; still editable while the wave is open.',
});

export type SurveyNoticeKind = EnumValue<typeof SurveyNoticeKind>;
export const SurveyNoticeKind = defineEnum('SurveyNoticeKind', 'Why a notice about a survey was sent.', {
  INVITATION: 'The wave opened for the organization.',
  REMINDER: 'The organization has not submitted yet.',
});

export type SurveyQuestionType = EnumValue<typeof SurveyQuestionType>;
export const SurveyQuestionType = defineEnum('SurveyQuestionType', 'How a question is answered, and so which field of SurveyAnswer carries the answer.', {
  NUMBER: 'One number (`number`), between the question\'s min and max.',
  NUMBERS: 'One number per option (`parts`), e.g. beneficiaries per target group.',
  SHARES: 'Percentages per option (`parts`) that add up to 100.',
  SINGLE_CHOICE: 'One option code (`choice`).',
  MULTIPLE_CHOICE: 'Any number of option codes (`choices`).',
  YES_NO: 'Yes or no (`yes`).',
  TEXT: 'Short free text (`text`): never published, never aggregated.',
});

/** The ways results can be broken down; an organization may fall in several cells of the multi-valued ones. */
export type SurveyDimension = EnumValue<typeof SurveyDimension>;
export const SurveyDimension = defineEnum('SurveyDimension', 'A breakdown of survey figures. Organizations are placed by their registry record when the wave opened.', {
  REGION: 'The region of the organization\'s main site.',
  MUNICIPALITY: 'The municipality of the organization\'s main (first registered) site.',
  CATEGORY: 'Top-level service category of the organization\'s services; an organization counts in each of its categories.',
  TARGET_GROUP: 'Target group of the organization\'s services; an organization counts in each of its groups.',
  LEGAL_FORM: 'Association, foundation or other.',
  BUDGET_BAND: 'The annual budget band the organization gave in this wave.',
});

export type SuppressionReason = EnumValue<typeof SuppressionReason>;
export const SuppressionReason = defineEnum('SuppressionReason', 'Why a figure is withheld (statistical disclosure control).', {
  PRIMARY: 'Fewer responding organizations than the minimum cell size (SURVEY_MIN_CELL).',
  COMPLEMENTARY: 'Large enough itself, withheld so that a small cell cannot be worked out from the totals.',
});
