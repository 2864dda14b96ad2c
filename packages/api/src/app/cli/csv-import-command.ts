import type { EntityManager } from '@mikro-orm/postgresql';
import { prepareCsvImport } from '../../imports/csv-import';
import { ImportKind } from '../../imports/import-job.entity';
import { commitImportSerially } from '../../imports/import-jobs';
import { loadReferenceCatalog } from '../../reference/reference-catalog';

export interface CsvImportCommandResult {
  summary: { total: number; valid: number; invalid: number; duplicates: number };
  /** Organizations written; null for a dry run. */
  written: number | null;
}

/**
 * What `npm run import:csv` does, apart from reading the file: report the dry run, then (with commit)
 * write through the same serialized commit as the web's import jobs. That commit re-validates under
 * the commit lock, so an import committed meanwhile (here or in the app) turns these rows into
 * duplicates, never into copies.
 */
export async function runCsvImportCommand(em: EntityManager, text: string, options: { commit: boolean; print: (line: string) => void; progress?: (done: number, total: number) => void }): Promise<CsvImportCommandResult> {
  const { report } = await prepareCsvImport(em, await loadReferenceCatalog(em), text);
  for (const e of report.fileErrors) options.print(`file: ${e.column ?? ''} ${e.code}: ${e.message}`);
  for (const row of report.rows.filter((r) => r.status !== 'valid')) {
    for (const e of row.errors) options.print(`line ${row.line}, ${e.column ?? '(row)'}: ${e.code}: ${e.message}`);
  }
  options.print(`rows: ${report.summary.total}, valid: ${report.summary.valid}, invalid: ${report.summary.invalid}, duplicates: ${report.summary.duplicates}`);
  if (!options.commit) {
    options.print('dry run: nothing written (add --commit to write the valid rows)');
    return { summary: report.summary, written: null };
  }
  if (report.fileErrors.length) throw new Error('the file has errors; nothing written');
  const written = (await commitImportSerially(em, ImportKind.CSV, text, { actorId: null, onProgress: (done, total) => options.progress?.(done, total) })) as { organizations: number };
  options.print(`imported ${written.organizations} organizations`);
  return { summary: report.summary, written: written.organizations };
}
