// The results page's pure logic: a chart's rows from the API's cells for one measure, their table
// and CSV, and number formatting. A withheld cell stays in the rows, with no value.
import { localeTag, localized, type Lang, type LocalizedText } from '../shared/i18n/lang';

export interface FigureLike {
  question: string;
  suppressed?: string | null;
  answered?: number | null;
  mean?: number | null;
  median?: number | null;
  sum?: number | null;
  options: { code: string; count?: number; share?: number | null; mean?: number | null; sum?: number | null }[];
}

export interface CellLike {
  key: { code: string; label: LocalizedText }[];
  respondents?: number | null;
  suppressed?: string | null;
  figures: FigureLike[];
}

/** What a chart shows of a question: a NUMBER's mean, the share choosing an option, a part's mean or sum. */
export interface Measure {
  question: string;
  type: string;
  option?: string;
}

export interface ChartRow {
  code: string;
  label: string;
  value: number | null;
  respondents: number | null;
  /** PRIMARY or COMPLEMENTARY when the cell or the figure is withheld. */
  suppressed: string | null;
}

export function measureOf(figure: FigureLike | undefined, m: Measure): number | null {
  if (!figure || figure.suppressed) return null;
  if (m.type === 'NUMBER') return figure.mean ?? null;
  const option = figure.options.find((o) => o.code === m.option);
  if (!option) return m.type === 'NUMBERS' || m.type === 'SHARES' ? null : 0;
  if (m.type === 'NUMBERS') return option.sum ?? null;
  if (m.type === 'SHARES') return option.mean ?? null;
  return option.share === null || option.share === undefined ? null : Math.round(option.share * 1000) / 10;
}

export function chartRows(cells: readonly CellLike[], m: Measure, lang: Lang): ChartRow[] {
  return cells.map((c) => {
    const figure = c.figures.find((f) => f.question === m.question);
    return {
      code: c.key.map((k) => k.code).join(' × '),
      label: c.key.map((k) => localized(k.label, lang)).join(' × '),
      value: measureOf(figure, m),
      respondents: c.respondents ?? null,
      suppressed: c.suppressed ?? figure?.suppressed ?? null,
    };
  });
}

/** The unit of a measure: percent for shares and choices, the question's own for numbers. */
export function measureUnit(m: Measure, questionUnit: string | null | undefined): string {
  if (m.type === 'NUMBER' || m.type === 'NUMBERS') return questionUnit ?? '';
  return 'percent';
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** A chart's table as CSV (RFC 4180, CRLF): withheld cells have an empty value and say why. */
export function chartCsv(rows: readonly ChartRow[], headers: { cell: string; value: string }): string {
  const lines = [['code', headers.cell, headers.value, 'respondents', 'suppressed'].map(csvCell).join(',')];
  for (const r of rows) lines.push([r.code, r.label, r.value, r.respondents, r.suppressed].map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Offers a text as a file download (the browser's own save). */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function formatValue(v: number | null, lang: Lang, digits = 1): string {
  return v === null ? '' : new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: digits }).format(v);
}

export function formatShare(share: number | null | undefined, lang: Lang): string {
  return share === null || share === undefined ? '' : new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
