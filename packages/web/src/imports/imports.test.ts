import { describe, expect, it } from 'vitest';
import { commitImport, committableRows, fetchImportJob, groupReport, isFinished, kindOfFile, progressPercent, uploadImport, type ImportJob, type ImportReport } from './imports';

const report: ImportReport = {
  fileErrors: [],
  rows: [
    { line: 4, status: 'invalid', errors: [{ column: 'lat', code: 'OUT_OF_RANGE', message: 'outside Kosovo' }, { column: 'email', code: 'INVALID', message: 'not an email' }] },
    { line: 2, status: 'valid', errors: [] },
    { line: 3, status: 'duplicate', errors: [], duplicateOf: 'org-1' },
    { line: 5, status: 'invalid', errors: [{ column: null, code: 'INVALID', message: 'too many fields' }] },
  ],
  summary: { total: 4, valid: 1, invalid: 2, duplicates: 1 },
};

function job(over: Partial<ImportJob> = {}): ImportJob {
  return { id: 'j1', kind: 'CSV', status: 'VALIDATED', filename: 'a.csv', total: 1, processed: 0, report, written: null, error: null, ...over };
}

describe('the validation report', () => {
  it('lists every problem by line, a row spanning its problems, duplicates included', () => {
    const g = groupReport(report);
    expect(g.lines.map((l) => [l.line, l.column, l.code, l.first, l.span])).toEqual([
      [3, null, 'DUPLICATE', true, 1],
      [4, 'lat', 'OUT_OF_RANGE', true, 2],
      [4, 'email', 'INVALID', false, 2],
      [5, null, 'INVALID', true, 1],
    ]);
    expect(g.lines[0]!.message).toContain('org-1');
    expect(g.rowsWithProblems).toBe(3);
    expect(g.byCode).toEqual([
      { code: 'INVALID', count: 2 },
      { code: 'DUPLICATE', count: 1 },
      { code: 'OUT_OF_RANGE', count: 1 },
    ]);
    expect(g.summary).toEqual(report.summary);
  });

  it('puts file errors first, without a line', () => {
    const g = groupReport({ fileErrors: [{ column: 'name_sq', code: 'MISSING_COLUMN', message: 'missing' }], rows: [], summary: { total: 0, valid: 0, invalid: 0, duplicates: 0 } });
    expect(g.lines).toEqual([{ line: null, status: 'file', column: 'name_sq', code: 'MISSING_COLUMN', message: 'missing', first: true, span: 1 }]);
  });
});

describe('progress', () => {
  it('goes from 0 to 100 and ends with COMMITTED or FAILED', () => {
    expect(progressPercent(job({ status: 'COMMITTING', total: 0 }))).toBe(0);
    expect(progressPercent(job({ status: 'COMMITTING', total: 3, processed: 1 }))).toBe(33);
    expect(progressPercent(job({ status: 'COMMITTING', total: 3, processed: 7 }))).toBe(100);
    expect(progressPercent(job({ status: 'COMMITTED', total: 0 }))).toBe(100);
    expect(isFinished(job({ status: 'COMMITTING' }))).toBe(false);
    expect(isFinished(job({ status: 'FAILED' }))).toBe(true);
  });

  it('commits the valid rows of a validated job only', () => {
    expect(committableRows(job())).toBe(1);
    expect(committableRows(job({ status: 'FAILED' }))).toBe(0);
    expect(committableRows(job({ report: null }))).toBe(0);
  });
});

describe('the HTTP calls', () => {
  it('upload with the CSRF header, commit and poll, and report the API error', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fake = (status: number, body: unknown) =>
      (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response(JSON.stringify(body), { status });
      }) as unknown as typeof fetch;
    await uploadImport('csv', new Blob(['a,b\n']), 'my file.csv', fake(201, job()));
    expect(calls[0]!.url).toBe('/import/csv?filename=my%20file.csv');
    expect((calls[0]!.init.headers as Record<string, string>)['x-civimap-csrf']).toBe('1');
    expect(calls[0]!.init.method).toBe('POST');
    await commitImport('j1', fake(202, job({ status: 'COMMITTING' })));
    expect(calls[1]!.url).toBe('/import/jobs/j1/commit');
    expect((calls[1]!.init.headers as Record<string, string>)['x-civimap-csrf']).toBe('1');
    expect((await fetchImportJob('j1', fake(200, job({ status: 'COMMITTED' })))).status).toBe('COMMITTED');
    await expect(uploadImport('hsds', new Blob(['{}']), 'x.ndjson', fake(403, { error: 'Only moderators and administrators import files.' }))).rejects.toThrow('Only moderators');
  });

  it('tells HSDS files from CSV files', () => {
    expect(kindOfFile('orgs.csv')).toBe('csv');
    expect(kindOfFile('orgs.ndjson')).toBe('hsds');
    expect(kindOfFile('export.JSONL')).toBe('hsds');
    expect(kindOfFile('blob', 'application/x-ndjson')).toBe('hsds');
  });
});
