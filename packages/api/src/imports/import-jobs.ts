import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Actor } from '../access/policy';
import { User } from '../users/user.entity';
import { loadReferenceCatalog } from '../reference/reference-catalog';
import { commitCsvImport, prepareCsvImport } from './csv-import';
import { commitHsdsImport, prepareHsdsImport, readNdjson } from './hsds-import';
import { ImportJob, ImportKind, ImportStatus } from './import-job.entity';

/** A commit whose job has not moved for this long died with its process (its transaction rolled back). */
export const STALE_COMMIT_MS = 120_000;
/** The advisory lock that serializes import commits across every API process (an arbitrary constant). */
const IMPORT_COMMIT_LOCK = 7_110_421;

export interface ImportJobView {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  filename: string | null;
  total: number;
  processed: number;
  report: unknown;
  written: unknown;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function viewOf(job: ImportJob, now = Date.now()): ImportJobView {
  const interrupted = job.status === ImportStatus.COMMITTING && now - job.updatedAt.getTime() > STALE_COMMIT_MS;
  return {
    id: job.id,
    kind: job.kind,
    status: interrupted ? ImportStatus.FAILED : job.status,
    filename: job.filename ?? null,
    total: job.total,
    processed: job.processed,
    report: job.report ?? null,
    written: job.written ?? null,
    error: interrupted ? 'The commit was interrupted (the server stopped); nothing was written. Commit again.' : (job.error ?? null),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

async function prepare(em: EntityManager, kind: ImportKind, content: string) {
  const catalog = await loadReferenceCatalog(em);
  if (kind === ImportKind.CSV) {
    const prepared = await prepareCsvImport(em, catalog, content);
    return { report: prepared.report, valid: prepared.rows.length, fileErrors: prepared.report.fileErrors.length, commit: (tx: EntityManager, o: CommitOptions) => commitCsvImport(tx, prepared, o) };
  }
  const prepared = await prepareHsdsImport(em, readNdjson(content), catalog);
  return {
    report: prepared.report,
    valid: prepared.valid.length,
    fileErrors: 0,
    commit: (tx: EntityManager, o: CommitOptions) => commitHsdsImport(tx, prepared, { onProgress: o.onProgress, actor: o.actorId ? { id: o.actorId } : null }),
  };
}

interface CommitOptions {
  onProgress: (done: number, total: number) => Promise<void> | void;
  actorId: string | null;
}

/**
 * The one way rows are committed, from the web's import jobs and the command line alike: commits run
 * one at a time, each re-validating inside its own transaction after the one before committed, so two
 * commits of the same rows write them once and the second reports them as duplicates. (The unique
 * registration number index backs this up.) A large file may take longer than the pool's statement
 * timeout allows one statement. `onValidated` hears the re-validated report before the rows are written.
 */
export async function commitImportSerially(
  em: EntityManager,
  kind: ImportKind,
  content: string,
  options: CommitOptions & { onValidated?: (report: unknown, valid: number) => Promise<void> | void },
): Promise<unknown> {
  return em.fork().transactional(async (tx) => {
    await tx.execute(`set local statement_timeout = '15min'`);
    await tx.execute('select pg_advisory_xact_lock(?)', [IMPORT_COMMIT_LOCK]);
    const prepared = await prepare(tx, kind, content);
    await options.onValidated?.(prepared.report, prepared.valid);
    return prepared.commit(tx, options);
  });
}

/** Validates an uploaded file (a dry run) and keeps it with its report until the operator commits or leaves it. */
export async function createImportJob(em: EntityManager, actor: Actor, kind: ImportKind, content: string, filename: string | null): Promise<ImportJob> {
  let report: unknown;
  let status = ImportStatus.VALIDATED;
  let error: string | null = null;
  let total = 0;
  try {
    const prepared = await prepare(em.fork(), kind, content);
    report = prepared.report;
    total = prepared.valid;
    if (prepared.fileErrors) status = ImportStatus.FAILED;
  } catch (e) {
    status = ImportStatus.FAILED;
    error = (e as Error).message;
  }
  const job = em.create(ImportJob, {
    kind,
    status,
    createdBy: em.getReference(User, actor.user.id),
    filename: filename?.slice(0, 300) ?? null,
    content: status === ImportStatus.VALIDATED ? content : null,
    total,
    report,
    error,
  });
  await em.persistAndFlush(job);
  return job;
}

/**
 * Starts the commit of a validated job in the background and returns at once; progress goes to the
 * job row from a connection outside the import's transaction, so every replica can report it. The
 * rows themselves are written in that one transaction: all valid rows, or nothing.
 */
export async function startCommit(orm: MikroORM, job: ImportJob, actor: Actor, logger: Logger): Promise<void> {
  const claimed = await orm.em.fork().nativeUpdate(ImportJob, { id: job.id, status: ImportStatus.VALIDATED }, { status: ImportStatus.COMMITTING, updatedAt: new Date() });
  if (claimed === 0) throw new Error('This import is not waiting for a commit.');
  void (async () => {
    const progressEm = orm.em.fork();
    try {
      const [{ content }] = await progressEm.execute('select content from import_job where id = ?', [job.id]);
      const written = await commitImportSerially(orm.em, job.kind, content as string, {
        actorId: actor.user.id,
        onValidated: async (report, valid) => {
          await progressEm.nativeUpdate(ImportJob, { id: job.id }, { total: valid, report: report as object, updatedAt: new Date() });
        },
        onProgress: async (done) => {
          await progressEm.nativeUpdate(ImportJob, { id: job.id }, { processed: done, updatedAt: new Date() });
        },
      });
      await progressEm.nativeUpdate(ImportJob, { id: job.id }, { status: ImportStatus.COMMITTED, written: written as object, content: null, finishedAt: new Date(), updatedAt: new Date() });
    } catch (error) {
      logger.error({ err: error, job: job.id }, 'import commit failed; nothing was written');
      await progressEm
        .nativeUpdate(ImportJob, { id: job.id }, { status: ImportStatus.FAILED, processed: 0, error: `Nothing was written: ${(error as Error).message}`, finishedAt: new Date(), updatedAt: new Date() })
        .catch(() => undefined);
    }
  })();
}
