import { registerEnumType } from 'type-graphql';

export enum SurveyWaveStatus {
  SCHEDULED = 'SCHEDULED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(SurveyWaveStatus, {
  name: 'SurveyWaveStatus',
  description: 'Where a wave stands, from its dates and whether it was closed early.',
  valuesConfig: {
    SCHEDULED: { description: 'Its opening date is still to come: invitations are out, answers are not yet accepted.' },
    OPEN: { description: 'Answers are accepted and may be changed until the closing date.' },
    CLOSED: { description: 'Past its closing date, or closed by a moderator: results are final and public.' },
  },
});

export enum SurveyResponseStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(SurveyResponseStatus, {
  name: 'SurveyResponseStatus',
  description: 'Whether an organization\'s answers count in the results.',
  valuesConfig: {
    DRAFT: { description: 'Saved as the editor goes; not counted.' },
    SUBMITTED: { description: 'Submitted: counted in the results; still editable while the wave is open.' },
  },
});

export enum SurveyNoticeKind {
  INVITATION = 'INVITATION',
  REMINDER = 'REMINDER',
}
registerEnumType(SurveyNoticeKind, {
  name: 'SurveyNoticeKind',
  description: 'Why a notice about a survey was sent.',
  valuesConfig: {
    INVITATION: { description: 'The wave opened for the organization.' },
    REMINDER: { description: 'The organization has not submitted yet.' },
  },
});

export enum SurveyQuestionType {
  NUMBER = 'NUMBER',
  NUMBERS = 'NUMBERS',
  SHARES = 'SHARES',
  SINGLE_CHOICE = 'SINGLE_CHOICE',
  MULTIPLE_CHOICE = 'MULTIPLE_CHOICE',
  YES_NO = 'YES_NO',
  TEXT = 'TEXT',
}
registerEnumType(SurveyQuestionType, {
  name: 'SurveyQuestionType',
  description: 'How a question is answered, and so which field of SurveyAnswer carries the answer.',
  valuesConfig: {
    NUMBER: { description: 'One number (`number`), between the question\'s min and max.' },
    NUMBERS: { description: 'One number per option (`parts`), e.g. beneficiaries per target group.' },
    SHARES: { description: 'Percentages per option (`parts`) that add up to 100.' },
    SINGLE_CHOICE: { description: 'One option code (`choice`).' },
    MULTIPLE_CHOICE: { description: 'Any number of option codes (`choices`).' },
    YES_NO: { description: 'Yes or no (`yes`).' },
    TEXT: { description: 'Short free text (`text`): never published, never aggregated.' },
  },
});

/** The ways results can be broken down; an organization may fall in several cells of the multi-valued ones. */
export enum SurveyDimension {
  REGION = 'REGION',
  MUNICIPALITY = 'MUNICIPALITY',
  CATEGORY = 'CATEGORY',
  TARGET_GROUP = 'TARGET_GROUP',
  LEGAL_FORM = 'LEGAL_FORM',
  BUDGET_BAND = 'BUDGET_BAND',
}
registerEnumType(SurveyDimension, {
  name: 'SurveyDimension',
  description: 'A breakdown of survey figures. Organizations are placed by their registry record when the wave opened.',
  valuesConfig: {
    REGION: { description: 'The region of the organization\'s main site.' },
    MUNICIPALITY: { description: 'The municipality of the organization\'s main (first registered) site.' },
    CATEGORY: { description: 'Top-level service category of the organization\'s services; an organization counts in each of its categories.' },
    TARGET_GROUP: { description: 'Target group of the organization\'s services; an organization counts in each of its groups.' },
    LEGAL_FORM: { description: 'Association, foundation or other.' },
    BUDGET_BAND: { description: 'The annual budget band the organization gave in this wave.' },
  },
});

export enum SuppressionReason {
  PRIMARY = 'PRIMARY',
  COMPLEMENTARY = 'COMPLEMENTARY',
}
registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'Why a figure is withheld (statistical disclosure control).',
  valuesConfig: {
    PRIMARY: { description: 'Fewer responding organizations than the minimum cell size (SURVEY_MIN_CELL).' },
    COMPLEMENTARY: { description: 'Large enough itself, withheld so that a small cell cannot be worked out from the totals.' },
  },
});
