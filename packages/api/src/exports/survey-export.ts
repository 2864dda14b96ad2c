import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { routeActor } from '../accounts/auth';
import type { AppConfig } from '../core/config';
import { createCsvWriter, setCsvHeaders, wantsBom } from '../core/csv';
import { findById, isUuid } from '../core/ids';
import type { ReferenceCache, ReferenceCatalog } from '../reference/reference-catalog';
import { optionsOf } from '../surveys/answers';
import { labelOf } from '../surveys/labels';
import { questionsOf } from '../surveys/questionnaire';
import { questionnaireOf } from '../surveys/response.service';
import type { Cell, Dimension } from '../surveys/results-compute';
import { cachedWaveResults } from '../surveys/results.service';
import { SurveyWave } from '../surveys/survey.entity';
import { SurveyWaveStatus } from '../surveys/survey.enums';
import { waveStatus } from '../surveys/wave-status';
import { parseLanguageParameter } from './coverage-export';
import { columnsOf } from './export-fields';
import { ExportRequestError } from './export-filter';
import { parsedOr400 } from './export-http';
import { exportUrl } from './export-package';
import { SURVEY_RESULT_FIELDS } from './survey-fields';

const DIMENSIONS: Dimension[] = ['REGION', 'MUNICIPALITY', 'CATEGORY', 'TARGET_GROUP', 'LEGAL_FORM', 'BUDGET_BAND'];


function parseGroupBy(raw: unknown): Dimension[] {
  if (raw === undefined || raw === '') return ['REGION'];
  const dims = String(raw).split(',').map((d) => d.trim().toUpperCase()) as Dimension[];
  if (dims.length > 2 || dims.some((d) => !DIMENSIONS.includes(d)) || new Set(dims).size !== dims.length) {
    throw new ExportRequestError(`groupBy is one or two of ${DIMENSIONS.join(', ')}, comma-separated; got "${String(raw).slice(0, 80)}".`);
  }
  return dims;
}

/** The wave named by ?wave=, or the latest closed one; only closed waves are public. */
async function publicWave(orm: MikroORM, raw: unknown): Promise<SurveyWave | null> {
  const em = orm.em.fork();
  if (raw !== undefined) {
    if (!isUuid(String(raw))) throw new ExportRequestError(`"${String(raw).slice(0, 60)}" is not a wave id.`);
    const wave = await em.findOne(SurveyWave, { id: String(raw).toLowerCase() });
    return wave && waveStatus(wave) === SurveyWaveStatus.CLOSED ? wave : null;
  }
  const waves = await em.find(SurveyWave, {}, { orderBy: { closesOn: 'desc' } });
  return waves.find((w) => waveStatus(w) === SurveyWaveStatus.CLOSED) ?? null;
}

function resultRows(wave: SurveyWave, cell: Cell, groupBy: Dimension[], catalog: ReferenceCatalog, lang: 'sq' | 'sr' | 'en'): unknown[][] {
  const key = [0, 1].flatMap((i) => {
    const k = cell.key[i];
    return k ? [groupBy[i], k.code, labelOf(groupBy[i], k.code, catalog)[lang] ?? labelOf(groupBy[i], k.code, catalog).sq] : [null, null, null];
  });
  const head = [wave.id, wave.year, ...key, cell.respondents, cell.suppressed];
  return cell.figures.flatMap((f) => {
    const base = [...head, f.question, f.answered, f.suppressed];
    const own = f.sum !== null || f.mean !== null || !f.options.length ? [[...base, null, null, null, f.sum, f.mean, f.median]] : [];
    return [...own, ...f.options.map((o) => [...base, o.code, o.count, o.share, o.sum, o.mean, o.median])];
  });
}

/**
 * Survey exports: the public results of a closed wave (the same disclosure-controlled figures as the
 * surveyResults query, as a long table), and for administrators only the microdata, one row per
 * organization with every answer, free text included. Neither is in the HSDS API.
 */
export function surveyExportRouter(deps: { orm: MikroORM; reference: ReferenceCache; config: AppConfig }): Router {
  const router = express.Router();

  router.get('/survey-results.csv', async (req: Request, res: Response) => {
    const parsed = await parsedOr400(res, async () => ({
      groupBy: parseGroupBy(req.query.groupBy),
      lang: parseLanguageParameter(req.query.lang),
      wave: await publicWave(deps.orm, req.query.wave),
    }));
    if (!parsed) return;
    const { wave, groupBy, lang } = parsed;
    if (!wave) return void res.status(404).json({ error: 'No closed survey wave has this id: results are published when a wave closes.' });
    const catalog = await deps.reference.get();
    const results = await cachedWaveResults(deps.orm.em.fork(), catalog, wave, groupBy, null, deps.config.surveyMinCell);
    res.setHeader('Cache-Control', 'public, max-age=300');
    setCsvHeaders(res, { baseName: `civimap-survey-${wave.year}-results`, licence: deps.config.dataLicence, generatedAt: new Date(), describedBy: exportUrl(deps.config.publicUrl, 'datapackage.json', {}) });
    const writer = createCsvWriter(res, columnsOf(SURVEY_RESULT_FIELDS), { bom: wantsBom(req.query) });
    for (const cell of [results.total, ...results.cells]) for (const row of resultRows(wave, cell, groupBy, catalog, lang as 'sq' | 'sr' | 'en')) await writer.write(row);
    await writer.end();
  });

  router.get('/survey-responses.csv', async (req: Request, res: Response) => {
    const em = deps.orm.em.fork();
    if (!(await routeActor(em, req, res, { action: 'survey.readMicrodata', secureCookies: deps.config.nodeEnv === 'production' }))) return;
    const wave = await findById(em, SurveyWave, String(req.query.wave ?? ''));
    if (!wave) return void res.status(404).json({ error: 'Name a survey wave: ?wave=ID.' });
    const catalog = await deps.reference.get();
    const questions = questionsOf(questionnaireOf(wave));
    const columns = questions.flatMap((q) => (q.type === 'NUMBERS' || q.type === 'SHARES' ? optionsOf(q, catalog).map((o) => `${q.code}.${o.code}`) : [q.code]));
    const rows: Record<string, any>[] = await em.execute(
      `select o.id, o.name_sq, o.is_demo, i.region_code, i.municipality_code, i.category_codes, i.target_group_codes, i.legal_form, r.status, r.submitted_at, r.answers
       from survey_response r join organization o on o.id = r.organization_id
       join survey_invitation i on i.wave_id = r.wave_id and i.organization_id = r.organization_id where r.wave_id = ? order by o.name_sq, o.id`,
      [wave.id],
    );
    res.setHeader('Cache-Control', 'private, no-store');
    setCsvHeaders(res, { baseName: `civimap-survey-${wave.year}-responses`, licence: deps.config.dataLicence, generatedAt: new Date() });
    const head = ['organization_id', 'organization_name', 'is_demo', 'region', 'municipality', 'categories', 'target_groups', 'legal_form', 'status', 'submitted_at'];
    const writer = createCsvWriter(res, [...head, ...columns], { bom: wantsBom(req.query) });
    for (const r of rows) {
      const answers = r.answers as Record<string, any>;
      const values = questions.flatMap((q) =>
        q.type === 'NUMBERS' || q.type === 'SHARES' ? optionsOf(q, catalog).map((o) => answers[q.code]?.[o.code] ?? null) : [answers[q.code] ?? null],
      );
      await writer.write([r.id, r.name_sq, r.is_demo, r.region_code, r.municipality_code, r.category_codes, r.target_group_codes, r.legal_form, r.status, r.submitted_at, ...values]);
    }
    await writer.end();
  });

  return router;
}
