import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { routeActor } from '../accounts/auth';
import type { Actor } from '../access/policy';
import type { AppConfig } from '../core/config';
import { findById } from '../core/ids';
import { csvTemplate } from './csv-columns';
import { createImportJob, startCommit, viewOf } from './import-jobs';
import { ImportJob, ImportKind, ImportStatus } from './import-job.entity';

/** Uploads up to this size; a 50,000-row CSV is about 15 MB. */
export const IMPORT_BODY_LIMIT = '20mb';

/**
 * Imports for moderators and administrators: upload a CSV or HSDS NDJSON file (validated at once,
 * the report comes back), then commit it and follow its progress. Cookie sessions must send the
 * CSRF header, as for GraphQL mutations.
 */
export function importRouter(deps: { orm: MikroORM; config: AppConfig; logger: Logger }): Router {
  const router = express.Router();

  router.get('/template.csv', (_req, res) => {
    res.type('text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="civimap-import-template.csv"');
    res.send(csvTemplate());
  });

  const operator = async (req: Request, res: Response, write: boolean): Promise<Actor | undefined> =>
    routeActor(deps.orm.em.fork(), req, res, { action: 'import.run', secureCookies: deps.config.nodeEnv === 'production', write });

  const upload = (kind: ImportKind) => async (req: Request, res: Response) => {
    const actor = await operator(req, res, true);
    if (!actor) return;
    const content = typeof req.body === 'string' ? req.body : '';
    if (!content.trim()) return void res.status(400).json({ error: 'Send the file as the request body (text/csv or application/x-ndjson).', code: 'BAD_REQUEST' });
    // PostgreSQL text cannot hold U+0000: refused here, with its line, rather than failing in SQL.
    const nul = content.indexOf('\u0000');
    if (nul >= 0) {
      const line = content.slice(0, nul).split('\n').length;
      return void res.status(400).json({ error: `The file contains a NUL character on line ${line}; remove it and upload again.`, code: 'INVALID_FILE' });
    }
    const filename = typeof req.query.filename === 'string' ? req.query.filename : null;
    const job = await createImportJob(deps.orm.em.fork(), actor, kind, content, filename);
    res.status(201).json(viewOf(job));
  };
  const text = express.text({ type: () => true, limit: IMPORT_BODY_LIMIT });
  router.post('/csv', text, upload(ImportKind.CSV));
  router.post('/hsds', text, upload(ImportKind.HSDS));

  async function ownJob(req: Request, res: Response, actor: Actor): Promise<ImportJob | null> {
    const id = String(req.params.id);
    const job = await findById(deps.orm.em.fork(), ImportJob, id);
    if (!job || (job.createdBy.id !== actor.user.id && actor.role !== 'ADMIN')) {
      res.status(404).json({ error: 'No import of yours has this id.' });
      return null;
    }
    return job;
  }

  // The operator's latest imports, so a page reloaded during a commit finds its job again.
  router.get('/jobs', async (req, res) => {
    const actor = await operator(req, res, false);
    if (!actor) return;
    const jobs = await deps.orm.em.fork().find(ImportJob, { createdBy: actor.user.id }, { orderBy: { createdAt: 'desc' }, limit: 20 });
    res.setHeader('Cache-Control', 'no-store').json(jobs.map((job) => ({ ...viewOf(job), report: undefined })));
  });

  router.get('/jobs/:id', async (req, res) => {
    const actor = await operator(req, res, false);
    const job = actor && (await ownJob(req, res, actor));
    if (job) res.setHeader('Cache-Control', 'no-store').json(viewOf(job));
  });

  router.post('/jobs/:id/commit', async (req, res) => {
    const actor = await operator(req, res, true);
    const job = actor && (await ownJob(req, res, actor));
    if (!job || !actor) return;
    if (job.status !== ImportStatus.VALIDATED) return void res.status(409).json({ error: `This import is ${job.status.toLowerCase()}; only a validated import can be committed.` });
    try {
      await startCommit(deps.orm, job, actor, deps.logger);
    } catch (error) {
      return void res.status(409).json({ error: (error as Error).message });
    }
    res.status(202).json(viewOf({ ...job, status: ImportStatus.COMMITTING, updatedAt: new Date() } as ImportJob));
  });

  return router;
}
