import type { Cell, Figure, Results } from './results-compute';

export interface ComparedCell {
  codes: string[];
  from: Cell | null;
  to: Cell | null;
  respondentsChange: number | null;
  changes: FigureChange[];
}

export interface FigureChange {
  question: string;
  meanChange: number | null;
  medianChange: number | null;
  sumChange: number | null;
  options: { code: string; sharePointsChange: number | null; meanChange: number | null }[];
}

const minus = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : Math.round((a - b) * 10_000) / 10_000);

function change(question: string, from: Figure | undefined, to: Figure | undefined): FigureChange {
  const published = from && to && !from.suppressed && !to.suppressed;
  const codes = [...new Set([...(from?.options ?? []), ...(to?.options ?? [])].map((o) => o.code))];
  return {
    question,
    meanChange: published ? minus(to.mean, from.mean) : null,
    medianChange: published ? minus(to.median, from.median) : null,
    sumChange: published ? minus(to.sum, from.sum) : null,
    options: published
      ? codes.map((code) => {
          const a = from.options.find((o) => o.code === code);
          const b = to.options.find((o) => o.code === code);
          const points = minus(b?.share, a?.share);
          return { code, sharePointsChange: points === null ? null : Math.round(points * 1_000_000) / 10_000, meanChange: minus(b?.mean, a?.mean) };
        })
      : [],
  };
}

function compareCells(codes: string[], from: Cell | null, to: Cell | null, questions: string[]): ComparedCell {
  const figure = (cell: Cell | null, q: string) => cell?.figures.find((f) => f.question === q);
  return {
    codes,
    from,
    to,
    respondentsChange: minus(to?.respondents, from?.respondents),
    changes: questions.map((q) => change(q, figure(from, q), figure(to, q))),
  };
}

/**
 * Two waves' results with the same breakdown, cell by cell, for the questions both ask. Each wave's
 * results are already disclosure-controlled; a change is published only where both figures are.
 */
export function compare(from: Results, to: Results): { questions: string[]; total: ComparedCell; cells: ComparedCell[] } {
  const toQuestions = new Set(to.total.figures.map((f) => f.question));
  const questions = from.total.figures.map((f) => f.question).filter((q) => toQuestions.has(q));
  const id = (cell: Cell) => cell.key.map((k) => k.code).join('\u0000');
  const fromCells = new Map(from.cells.map((c) => [id(c), c]));
  const toCells = new Map(to.cells.map((c) => [id(c), c]));
  const ids = [...new Set([...fromCells.keys(), ...toCells.keys()])].sort();
  return {
    questions,
    total: compareCells([], from.total, to.total, questions),
    cells: ids.map((key) => {
      const a = fromCells.get(key) ?? null;
      const b = toCells.get(key) ?? null;
      return compareCells((a ?? b)!.key.map((k) => k.code), a, b, questions);
    }),
  };
}
