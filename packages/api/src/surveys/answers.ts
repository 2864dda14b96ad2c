import { BudgetBand } from '../organizations/organization.enums';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { Validator } from '../core/validation';
import type { Answers, AnswerValue } from './survey.entity';
import { type Question, type QuestionOption, type Questionnaire, questionsOf, type Text3 } from './questionnaire';

/** One answer as a client sends it: the field that matches the question's type carries the value. */
export interface AnswerInput {
  question: string;
  number?: number | null;
  parts?: { code: string; value: number }[] | null;
  choice?: string | null;
  choices?: string[] | null;
  yes?: boolean | null;
  text?: string | null;
}

const BUDGET_LABELS: Record<BudgetBand, Text3> = {
  [BudgetBand.UNDER_10K]: { sq: 'Nën 10.000 €', sr: 'Ispod 10.000 €', en: 'Under €10,000' },
  [BudgetBand.FROM_10K_TO_50K]: { sq: '10.000–50.000 €', sr: '10.000–50.000 €', en: '€10,000–50,000' },
  [BudgetBand.FROM_50K_TO_100K]: { sq: '50.000–100.000 €', sr: '50.000–100.000 €', en: '€50,000–100,000' },
  [BudgetBand.FROM_100K_TO_500K]: { sq: '100.000–500.000 €', sr: '100.000–500.000 €', en: '€100,000–500,000' },
  [BudgetBand.OVER_500K]: { sq: 'Mbi 500.000 €', sr: 'Preko 500.000 €', en: 'Over €500,000' },
};

/** The options of a question: its own, or a registry code list (top-level categories, target groups, budget bands). */
export function optionsOf(question: Question, catalog: ReferenceCatalog): QuestionOption[] {
  if (question.options) return question.options;
  const label = (t: { sq: string; sr?: string | null; en?: string | null }): Text3 => ({ sq: t.sq, sr: t.sr || t.sq, en: t.en || t.sq });
  switch (question.codeList) {
    case 'categories':
      return catalog.categories.filter((c) => !c.parent).map((c) => ({ code: c.code, label: label(c.names) }));
    case 'targetGroups':
      return catalog.targetGroups.map((g) => ({ code: g.code, label: label(g.names) }));
    case 'budgetBands':
      return Object.values(BudgetBand).map((code) => ({ code, label: BUDGET_LABELS[code] }));
    default:
      return [];
  }
}

/** Whether a question is asked, given the other answers (a showIf on a yes/no question). */
export function isAsked(question: Question, answers: Answers): boolean {
  return !question.showIf || answers[question.showIf.question] === question.showIf.equals;
}

function numberOf(v: Validator, field: string, q: Question, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const min = q.min ?? 0;
  const max = q.max ?? 1_000_000_000;
  return (q.integer ? v.int(field, value, min, max) : v.number(field, value, min, max)) ?? undefined;
}

function partsOf(v: Validator, field: string, q: Question, input: AnswerInput, known: Set<string>): Record<string, number> | undefined {
  if (!input.parts) return undefined;
  const parts: Record<string, number> = {};
  for (const [i, part] of input.parts.entries()) {
    if (!known.has(part.code)) return v.error(`${field}.parts.${i}.code`, `Unknown option "${String(part.code).slice(0, 60)}"; the question lists its options.`);
    if (part.code in parts) return v.error(`${field}.parts.${i}.code`, `Option "${part.code}" appears twice.`);
    const value = q.type === 'SHARES' ? (v.int(`${field}.parts.${i}.value`, part.value, 0, 100) ?? undefined) : numberOf(v, `${field}.parts.${i}.value`, q, part.value);
    if (value === undefined) return undefined;
    parts[part.code] = value;
  }
  if (q.type === 'SHARES' && Object.keys(parts).length) {
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    if (sum !== 100) return v.error(field, `The shares must add up to 100 percent; they add up to ${sum}.`);
  }
  return Object.keys(parts).length ? parts : undefined;
}

/** The value of one answer, checked against its question's type, or undefined (unanswered or invalid). */
function valueOf(v: Validator, q: Question, input: AnswerInput, catalog: ReferenceCatalog): AnswerValue | undefined {
  const field = q.code;
  const known = new Set(optionsOf(q, catalog).map((o) => o.code));
  switch (q.type) {
    case 'NUMBER':
      return numberOf(v, `${field}.number`, q, input.number);
    case 'NUMBERS':
    case 'SHARES':
      return partsOf(v, field, q, input, known);
    case 'SINGLE_CHOICE':
      if (input.choice === null || input.choice === undefined || input.choice === '') return undefined;
      return known.has(input.choice) ? input.choice : v.error(`${field}.choice`, `Unknown option "${input.choice.slice(0, 60)}"; the question lists its options.`);
    case 'MULTIPLE_CHOICE': {
      const codes = v.codes(`${field}.choices`, input.choices, (c) => known.has(c), 'option');
      return codes && codes.length ? codes : undefined;
    }
    case 'YES_NO':
      return typeof input.yes === 'boolean' ? input.yes : undefined;
    case 'TEXT':
      return v.text(`${field}.text`, input.text, q.maxLength ?? 2000) ?? undefined;
  }
}

/**
 * The answers of a save, typed and checked (the errors name ["input", "answers", code, ...]). A draft
 * may leave anything out; a submit needs every required question that is asked. Answers to a question
 * that is not asked (its showIf is not met) are dropped, so switching a "yes" to "no" cleans up.
 */
export function validateAnswers(q: Questionnaire, inputs: AnswerInput[], catalog: ReferenceCatalog, options: { submit: boolean }): { answers: Answers; v: Validator } {
  const v = new Validator(['input', 'answers']);
  const byCode = new Map(questionsOf(q).map((question) => [question.code, question]));
  const answers: Answers = {};
  const seen = new Set<string>();
  for (const input of inputs) {
    const question = byCode.get(input.question);
    if (!question) {
      v.error(String(input.question).slice(0, 60) || 'question', `Questionnaire ${q.version} has no question "${String(input.question).slice(0, 60)}".`);
      continue;
    }
    if (seen.has(question.code)) {
      v.error(question.code, 'This question is answered twice.');
      continue;
    }
    seen.add(question.code);
    const value = valueOf(v, question, input, catalog);
    if (value !== undefined) answers[question.code] = value;
  }
  for (const question of byCode.values()) {
    if (!isAsked(question, answers)) delete answers[question.code];
    else if (options.submit && question.required && answers[question.code] === undefined) v.error(question.code, 'This question needs an answer before you submit.');
  }
  return { answers, v };
}

/** Answers as the API returns them: one object per question, the field of its type filled. */
export function answerOutputs(q: Questionnaire, answers: Answers): AnswerInput[] {
  return questionsOf(q)
    .filter((question) => answers[question.code] !== undefined)
    .map((question) => {
      const value = answers[question.code];
      const out: AnswerInput = { question: question.code };
      if (question.type === 'NUMBER') out.number = value as number;
      else if (question.type === 'NUMBERS' || question.type === 'SHARES') out.parts = Object.entries(value as Record<string, number>).map(([code, n]) => ({ code, value: n }));
      else if (question.type === 'SINGLE_CHOICE') out.choice = value as string;
      else if (question.type === 'MULTIPLE_CHOICE') out.choices = value as string[];
      else if (question.type === 'YES_NO') out.yes = value as boolean;
      else out.text = value as string;
      return out;
    });
}
