import v2022 from './questionnaires/2022.1.json';
import v2024 from './questionnaires/2024.1.json';

/**
 * The questionnaires are data (questionnaires/<version>.json), committed and versioned: a wave names
 * the version it asks, and a question keeps its code from version to version so that waves compare.
 * This file only types them and checks, once at start-up, that each one is well-formed.
 */
export type Lang = 'sq' | 'sr' | 'en';
export type Text3 = Record<Lang, string>;

export type QuestionType = 'NUMBER' | 'NUMBERS' | 'SHARES' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'YES_NO' | 'TEXT';
/** Code lists that come from the registry instead of the questionnaire. */
export type CodeList = 'categories' | 'targetGroups' | 'budgetBands';
/** What the registry knows that pre-fills a question. */
export type Prefill = 'staffCount' | 'volunteerCount' | 'budgetBand' | 'fundingMix' | 'serviceCategories' | 'serviceCapacity';

export interface QuestionOption {
  code: string;
  label: Text3;
}

export interface Question {
  code: string;
  type: QuestionType;
  label: Text3;
  required?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  maxLength?: number;
  options?: QuestionOption[];
  codeList?: CodeList;
  prefill?: Prefill;
  /** Asked only when another (yes/no) question has this answer. */
  showIf?: { question: string; equals: boolean };
}

export interface Section {
  code: string;
  title: Text3;
  questions: Question[];
}

export interface Questionnaire {
  version: string;
  title: Text3;
  sections: Section[];
}

const TYPES = new Set<QuestionType>(['NUMBER', 'NUMBERS', 'SHARES', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'YES_NO', 'TEXT']);
const CHOICE_TYPES = new Set<QuestionType>(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'NUMBERS', 'SHARES']);

/** Throws on a malformed questionnaire, so a bad data file fails the first test and the start, not a form. */
export function checkQuestionnaire(q: Questionnaire): Questionnaire {
  const codes = new Set<string>();
  const problem = (message: string) => {
    throw new Error(`questionnaire ${q.version}: ${message}`);
  };
  for (const section of q.sections) {
    for (const question of section.questions) {
      if (!/^[a-z][a-z0-9_]*$/.test(question.code)) problem(`bad question code "${question.code}"`);
      if (codes.has(question.code)) problem(`question code "${question.code}" appears twice`);
      codes.add(question.code);
      if (!TYPES.has(question.type)) problem(`question ${question.code} has unknown type ${question.type}`);
      for (const lang of ['sq', 'sr', 'en'] as const) if (!question.label[lang]) problem(`question ${question.code} has no ${lang} label`);
      if (CHOICE_TYPES.has(question.type) && !question.options?.length && !question.codeList) problem(`question ${question.code} has no options`);
      if (question.showIf && !codes.has(question.showIf.question)) problem(`question ${question.code} depends on a later or unknown question`);
    }
  }
  return q;
}

const QUESTIONNAIRES = new Map<string, Questionnaire>(
  [v2022 as Questionnaire, v2024 as Questionnaire].map((q) => [q.version, checkQuestionnaire(q)]),
);

export const QUESTIONNAIRE_VERSIONS = [...QUESTIONNAIRES.keys()];
export const LATEST_QUESTIONNAIRE = QUESTIONNAIRE_VERSIONS.at(-1)!;

export function questionnaire(version: string): Questionnaire | undefined {
  return QUESTIONNAIRES.get(version);
}

export function questionsOf(q: Questionnaire): Question[] {
  return q.sections.flatMap((s) => s.questions);
}

/** Free text is never aggregated, exported publicly or shown to anyone but the organization and administrators. */
export const isPrivate = (question: Question) => question.type === 'TEXT';
