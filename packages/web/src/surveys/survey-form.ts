// The survey form's pure logic: the answers as the form keeps them (text fields hold strings), what
// the API receives, which questions are asked, progress by section, the checks the browser can make
// before the API makes them again (numbers in range, shares adding up to 100), and the API's errors
// by question.
import type { UserErrorLike } from '../shared/user-errors';

export interface Option {
  code: string;
  label: { sq: string; sr?: string | null; en?: string | null };
}

export interface Question {
  code: string;
  type: string;
  label: { sq: string; sr?: string | null; en?: string | null };
  required: boolean;
  min?: number | null;
  max?: number | null;
  integer: boolean;
  unit?: string | null;
  maxLength?: number | null;
  private: boolean;
  showIf?: { question: string; equals: boolean } | null;
  options: Option[];
}

export interface Section {
  code: string;
  title: { sq: string; sr?: string | null; en?: string | null };
  questions: Question[];
}

/** One answer in the form: numbers as typed (strings), parts by option code. */
export interface FormAnswer {
  number?: string;
  parts?: Record<string, string>;
  choice?: string;
  choices?: string[];
  yes?: boolean | null;
  text?: string;
}
export type FormAnswers = Record<string, FormAnswer>;

export interface ApiAnswer {
  question: string;
  number?: number | null;
  parts?: { code: string; value: number }[] | null;
  choice?: string | null;
  choices?: string[] | null;
  yes?: boolean | null;
  text?: string | null;
}

export function fromApi(answers: readonly ApiAnswer[]): FormAnswers {
  const out: FormAnswers = {};
  for (const a of answers) {
    const f: FormAnswer = {};
    if (a.number !== null && a.number !== undefined) f.number = String(a.number);
    if (a.parts) f.parts = Object.fromEntries(a.parts.map((p) => [p.code, String(p.value)]));
    if (a.choice) f.choice = a.choice;
    if (a.choices) f.choices = [...a.choices];
    if (a.yes !== null && a.yes !== undefined) f.yes = a.yes;
    if (a.text) f.text = a.text;
    out[a.question] = f;
  }
  return out;
}

const toNumber = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s.replace(',', '.')));

export function isAsked(q: Question, answers: FormAnswers): boolean {
  return !q.showIf || answers[q.showIf.question]?.yes === q.showIf.equals;
}

export function isAnswered(q: Question, a: FormAnswer | undefined): boolean {
  if (!a) return false;
  switch (q.type) {
    case 'NUMBER':
      return toNumber(a.number) !== null;
    case 'NUMBERS':
    case 'SHARES':
      return Object.values(a.parts ?? {}).some((v) => v.trim() !== '');
    case 'SINGLE_CHOICE':
      return Boolean(a.choice);
    case 'MULTIPLE_CHOICE':
      return Boolean(a.choices?.length);
    case 'YES_NO':
      return typeof a.yes === 'boolean';
    default:
      return Boolean(a.text?.trim());
  }
}

/** What the API receives: the asked and answered questions, numbers as numbers. */
export function toApi(sections: readonly Section[], answers: FormAnswers): ApiAnswer[] {
  const out: ApiAnswer[] = [];
  for (const q of sections.flatMap((s) => s.questions)) {
    const a = answers[q.code];
    if (!isAsked(q, answers) || !isAnswered(q, a)) continue;
    if (q.type === 'NUMBER') out.push({ question: q.code, number: toNumber(a.number) });
    else if (q.type === 'NUMBERS' || q.type === 'SHARES')
      out.push({ question: q.code, parts: Object.entries(a.parts ?? {}).filter(([, v]) => v.trim() !== '').map(([code, v]) => ({ code, value: toNumber(v) ?? 0 })) });
    else if (q.type === 'SINGLE_CHOICE') out.push({ question: q.code, choice: a.choice });
    else if (q.type === 'MULTIPLE_CHOICE') out.push({ question: q.code, choices: a.choices });
    else if (q.type === 'YES_NO') out.push({ question: q.code, yes: a.yes });
    else out.push({ question: q.code, text: a.text });
  }
  return out;
}

/** Answered / asked questions of a section. */
export function sectionProgress(section: Section, answers: FormAnswers): { answered: number; asked: number } {
  const asked = section.questions.filter((q) => isAsked(q, answers));
  return { asked: asked.length, answered: asked.filter((q) => isAnswered(q, answers[q.code])).length };
}

/** The sum of a SHARES answer (null when nothing is typed). */
export function sharesSum(a: FormAnswer | undefined): number | null {
  const values = Object.values(a?.parts ?? {}).map(toNumber).filter((n): n is number => n !== null && !Number.isNaN(n));
  return values.length ? values.reduce((x, y) => x + y, 0) : null;
}

/** The API's errors by question code (["input", "answers", code, ...]); the others apart. */
export function errorsByQuestion(errors: readonly UserErrorLike[]): { byQuestion: Record<string, string[]>; general: UserErrorLike[]; stale: boolean } {
  const byQuestion: Record<string, string[]> = {};
  const general: UserErrorLike[] = [];
  let stale = false;
  for (const e of errors) {
    if (e.code === 'STALE_VERSION') stale = true;
    const path = e.field ?? [];
    if (path[0] === 'input' && path[1] === 'answers' && path[2]) (byQuestion[path[2]] ??= []).push(e.message);
    else general.push(e);
  }
  return { byQuestion, general, stale };
}
