import type { Answers } from './survey.entity';
import { isPrivate, type Question } from './questionnaire';
import { type Suppression, suppressCells } from './suppression';

/** The breakdowns, as results-compute sees them (the GraphQL enum SurveyDimension has the same values). */
export type Dimension = 'REGION' | 'MUNICIPALITY' | 'CATEGORY' | 'TARGET_GROUP' | 'LEGAL_FORM' | 'BUDGET_BAND';

/** The code of "not known" in a dimension (an organization without a site has no municipality). */
export const UNKNOWN = '_none';

/** One submitted response with where its organization stands in each dimension (several values for categories and target groups). */
export interface ResultRow {
  dims: Record<Dimension, string[]>;
  answers: Answers;
}

export interface OptionFigure {
  code: string;
  /** Organizations that chose it (choices) or gave a number for it (numbers, shares). */
  count: number;
  /** count / answered, 0..1, for choices. */
  share: number | null;
  sum: number | null;
  mean: number | null;
  median: number | null;
}

export interface Figure {
  question: string;
  /** Null when the figure is withheld. */
  answered: number | null;
  suppressed: Suppression | null;
  sum: number | null;
  mean: number | null;
  median: number | null;
  options: OptionFigure[];
}

export interface Cell {
  key: { dimension: Dimension; code: string }[];
  /** Null when the cell is withheld. */
  respondents: number | null;
  suppressed: Suppression | null;
  figures: Figure[];
}

export interface Results {
  minCell: number;
  groupBy: Dimension[];
  cells: Cell[];
  total: Cell;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** Accumulates one question over the rows of one cell. */
class FigureAcc {
  answered = 0;
  values: number[] = [];
  readonly options = new Map<string, number[] | number>();

  constructor(private readonly q: Question) {}

  add(value: unknown): void {
    if (value === undefined || value === null) return;
    this.answered++;
    switch (this.q.type) {
      case 'NUMBER':
        this.values.push(value as number);
        break;
      case 'NUMBERS':
      case 'SHARES':
        for (const [code, n] of Object.entries(value as Record<string, number>)) ((this.options.get(code) as number[] | undefined) ?? this.newList(code)).push(n);
        break;
      case 'SINGLE_CHOICE':
        this.count(value as string);
        break;
      case 'MULTIPLE_CHOICE':
        for (const code of value as string[]) this.count(code);
        break;
      case 'YES_NO':
        this.count(value ? 'yes' : 'no');
        break;
    }
  }

  private newList(code: string): number[] {
    const list: number[] = [];
    this.options.set(code, list);
    return list;
  }

  private count(code: string): void {
    this.options.set(code, ((this.options.get(code) as number | undefined) ?? 0) + 1);
  }

  figure(codes: string[]): Figure {
    const numeric = this.q.type === 'NUMBERS' || this.q.type === 'SHARES';
    const options = codes.map((code): OptionFigure => {
      const entry = this.options.get(code);
      if (numeric) {
        const list = (entry as number[] | undefined) ?? [];
        const sum = list.reduce((a, b) => a + b, 0);
        return { code, count: list.length, share: null, sum: list.length ? sum : null, mean: list.length ? round(sum / list.length) : null, median: median(list) };
      }
      const count = (entry as number | undefined) ?? 0;
      return { code, count, share: this.answered ? round(count / this.answered) : null, sum: null, mean: null, median: null };
    });
    const sum = this.values.reduce((a, b) => a + b, 0);
    const hasValues = this.q.type === 'NUMBER' && this.values.length > 0;
    return {
      question: this.q.code,
      answered: this.answered,
      suppressed: null,
      sum: hasValues ? sum : null,
      mean: hasValues ? round(sum / this.values.length) : null,
      median: hasValues ? median(this.values) : null,
      options,
    };
  }
}

function combos(row: ResultRow, groupBy: Dimension[]): string[][] {
  let keys: string[][] = [[]];
  for (const dimension of groupBy) keys = keys.flatMap((k) => row.dims[dimension].map((code) => [...k, code]));
  return keys;
}

/** The lines a cell adds up into: the whole table (one-way), or its row and its column (two-way). */
function linesOf(codes: string[]): string[] {
  if (codes.length === 1) return ['all'];
  if (codes.length === 2) return [`row:${codes[0]}`, `col:${codes[1]}`];
  return [];
}

/**
 * The figures of every cell, then disclosure control: cells of fewer than minCell respondents are
 * withheld with their complements; within published cells, a question answered by fewer than
 * minCell is withheld the same way (with complements along the same lines). Free text is skipped.
 */
export function computeResults(rows: ResultRow[], groupBy: Dimension[], questions: Question[], optionCodes: (q: Question) => string[], minCell: number): Results {
  const asked = questions.filter((q) => !isPrivate(q));
  const accs = new Map<string, { codes: string[]; respondents: number; figures: FigureAcc[] }>();
  const total = { codes: [] as string[], respondents: 0, figures: asked.map((q) => new FigureAcc(q)) };
  const addTo = (acc: typeof total, answers: Answers) => {
    acc.respondents++;
    asked.forEach((q, i) => acc.figures[i].add(answers[q.code]));
  };
  for (const row of rows) {
    addTo(total, row.answers);
    if (!groupBy.length) continue;
    for (const codes of combos(row, groupBy)) {
      const id = codes.join('\u0000');
      let acc = accs.get(id);
      if (!acc) accs.set(id, (acc = { codes, respondents: 0, figures: asked.map((q) => new FigureAcc(q)) }));
      addTo(acc, row.answers);
    }
  }
  const ids = [...accs.keys()].sort();
  const hiddenCells = suppressCells(ids.map((id) => ({ id, n: accs.get(id)!.respondents, lines: linesOf(accs.get(id)!.codes) })), minCell);
  const totalHidden: Suppression | null = total.respondents > 0 && total.respondents < minCell ? 'PRIMARY' : null;
  const hiddenFigures = asked.map((_, qi) =>
    suppressCells(
      ids.map((id) => ({ id, n: accs.get(id)!.figures[qi].answered, lines: linesOf(accs.get(id)!.codes) })),
      minCell,
      hiddenCells,
    ),
  );
  const cellOf = (acc: typeof total, suppressed: Suppression | null, figureHidden: (qi: number) => Suppression | null): Cell => ({
    key: acc.codes.map((code, i) => ({ dimension: groupBy[i], code })),
    respondents: suppressed ? null : acc.respondents,
    suppressed,
    figures: asked.map((q, qi) => {
      const hidden = suppressed ?? figureHidden(qi);
      return hidden ? blankFigure(q.code, hidden) : acc.figures[qi].figure(optionCodes(q));
    }),
  });
  return {
    minCell,
    groupBy,
    cells: ids.map((id) => cellOf(accs.get(id)!, hiddenCells.get(id) ?? null, (qi) => hiddenFigures[qi].get(id) ?? null)),
    total: cellOf(total, totalHidden, (qi) => {
      const n = total.figures[qi].answered;
      return n > 0 && n < minCell ? 'PRIMARY' : null;
    }),
  };
}

function blankFigure(question: string, suppressed: Suppression): Figure {
  return { question, answered: null, suppressed, sum: null, mean: null, median: null, options: [] };
}
