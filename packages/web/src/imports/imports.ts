// The moderators' import page (issue 5): the API's import jobs over plain HTTP (docs/hsds.md and
// packages/api/src/imports/import.router.ts), the validation report as table rows, the progress.

export type ImportKind = 'csv' | 'hsds';
export type ImportStatus = 'VALIDATED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';

export interface ImportIssue {
  column: string | null;
  code: string;
  message: string;
}

export interface ImportReportRow {
  line: number;
  status: 'valid' | 'invalid' | 'duplicate';
  errors: ImportIssue[];
  duplicateOf?: string;
}

export interface ImportReport {
  fileErrors: ImportIssue[];
  rows: ImportReportRow[];
  summary: { total: number; valid: number; invalid: number; duplicates: number };
}

export interface ImportJob {
  id: string;
  kind: string;
  status: ImportStatus;
  filename: string | null;
  total: number;
  processed: number;
  report: ImportReport | null;
  written: { organizations?: number } | null;
  error: string | null;
}

export const TEMPLATE_URL = '/import/template.csv';

/** CSV, unless the file's name or type says NDJSON / JSON (HSDS). */
export function kindOfFile(name: string, type = ''): ImportKind {
  return /\.(ndjson|jsonl|json)$/i.test(name) || /json/i.test(type) ? 'hsds' : 'csv';
}

/** One line of the report table: a problem of a row (or of the whole file, line null). */
export interface ReportLine {
  line: number | null;
  status: ImportReportRow['status'] | 'file';
  column: string | null;
  code: string;
  message: string;
  /** The first problem of its row (the table shows the line once, spanning the row's problems). */
  first: boolean;
  /** How many problems the row has. */
  span: number;
}

export interface GroupedReport {
  lines: ReportLine[];
  summary: ImportReport['summary'];
  /** Rows with at least one problem (invalid or duplicate). */
  rowsWithProblems: number;
  /** Problems by code, most frequent first. */
  byCode: { code: string; count: number }[];
}

/**
 * The report as table lines: file errors first, then every problem of every row in line order
 * (valid rows have none), a duplicate without a message says which organization it repeats.
 */
export function groupReport(report: ImportReport): GroupedReport {
  const lines: ReportLine[] = report.fileErrors.map((e, i) => ({
    line: null,
    status: 'file',
    column: e.column,
    code: e.code,
    message: e.message,
    first: i === 0,
    span: report.fileErrors.length,
  }));
  const counts = new Map<string, number>();
  const count = (code: string) => counts.set(code, (counts.get(code) ?? 0) + 1);
  report.fileErrors.forEach((e) => count(e.code));
  let rowsWithProblems = 0;
  const rows = [...report.rows].sort((a, b) => a.line - b.line);
  for (const row of rows) {
    const problems: ImportIssue[] = row.errors.length
      ? row.errors
      : row.status === 'duplicate'
        ? [{ column: null, code: 'DUPLICATE', message: row.duplicateOf ? `duplicate of ${row.duplicateOf}` : 'duplicate' }]
        : [];
    if (!problems.length) continue;
    rowsWithProblems++;
    problems.forEach((p, i) => {
      count(p.code);
      lines.push({ line: row.line, status: row.status, column: p.column, code: p.code, message: p.message, first: i === 0, span: problems.length });
    });
  }
  const byCode = [...counts.entries()].map(([code, n]) => ({ code, count: n })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { lines, summary: report.summary, rowsWithProblems, byCode };
}

/** Whole percent of the commit done (0 before it starts, 100 when committed). */
export function progressPercent(job: Pick<ImportJob, 'status' | 'processed' | 'total'>): number {
  if (job.status === 'COMMITTED') return 100;
  if (!job.total) return 0;
  return Math.max(0, Math.min(100, Math.floor((job.processed / job.total) * 100)));
}

export function isFinished(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'COMMITTED' || job.status === 'FAILED';
}

/** Rows a commit would write: the valid ones, and none when the file itself failed. */
export function committableRows(job: ImportJob): number {
  if (job.status !== 'VALIDATED' || !job.report) return 0;
  return job.report.summary.valid;
}

export class ImportRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ImportRequestError';
  }
}

async function jobFrom(res: Response): Promise<ImportJob> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ImportRequestError(`HTTP ${res.status}`, res.status);
  }
  if (!res.ok) throw new ImportRequestError((body as { error?: string })?.error ?? `HTTP ${res.status}`, res.status);
  return body as ImportJob;
}

// the session cookie authenticates; writes carry the CSRF header (docs/accounts.md)
const CSRF = { 'x-civimap-csrf': '1' };

/** Uploads a file: the API validates it at once and answers with the job and its report. */
export async function uploadImport(kind: ImportKind, file: Blob, filename: string, doFetch: typeof fetch = fetch): Promise<ImportJob> {
  const res = await doFetch(`/import/${kind}?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { ...CSRF, 'content-type': kind === 'csv' ? 'text/csv' : 'application/x-ndjson', accept: 'application/json' },
    body: file,
    credentials: 'same-origin',
  });
  return jobFrom(res);
}

export async function commitImport(id: string, doFetch: typeof fetch = fetch): Promise<ImportJob> {
  const res = await doFetch(`/import/jobs/${encodeURIComponent(id)}/commit`, { method: 'POST', headers: { ...CSRF, accept: 'application/json' }, credentials: 'same-origin' });
  return jobFrom(res);
}

export async function fetchImportJob(id: string, doFetch: typeof fetch = fetch, signal?: AbortSignal): Promise<ImportJob> {
  const res = await doFetch(`/import/jobs/${encodeURIComponent(id)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store', signal });
  return jobFrom(res);
}
