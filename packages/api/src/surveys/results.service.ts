import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../core/sql';
import { UserInputError } from '../core/errors';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { optionsOf } from './answers';
import { questionsOf } from './questionnaire';
import { computeResults, type Dimension, type ResultRow, type Results, UNKNOWN } from './results-compute';
import type { SurveyWave } from './survey.entity';
import { FILTER_DIMENSIONS, type SurveyResultsFilter } from './survey.inputs';
import { questionnaireOf } from './response.service';
import { cachedResults } from './results-cache';

interface RawRow {
  region_code: string | null;
  municipality_code: string | null;
  category_codes: string[];
  target_group_codes: string[];
  legal_form: string;
  budget_band: string | null;
  answers: ResultRow['answers'];
}

const one = (code: string | null) => [code ?? UNKNOWN];
const many = (codes: string[]) => (codes.length ? codes : [UNKNOWN]);

export function dimsOf(r: Omit<RawRow, 'answers'>): ResultRow['dims'] {
  return {
    REGION: one(r.region_code),
    MUNICIPALITY: one(r.municipality_code),
    CATEGORY: many(r.category_codes),
    TARGET_GROUP: many(r.target_group_codes),
    LEGAL_FORM: one(r.legal_form),
    BUDGET_BAND: one(r.budget_band),
  };
}

/** The submitted responses of a wave with their organizations' breakdown. One statement; free text stripped in SQL. */
export async function loadRows(em: EntityManager, wave: SurveyWave): Promise<ResultRow[]> {
  const privateCodes = questionsOf(questionnaireOf(wave)).filter((q) => q.type === 'TEXT').map((q) => q.code);
  const rows: RawRow[] = await em.execute(
    `select i.region_code, i.municipality_code, i.category_codes, i.target_group_codes, i.legal_form, r.budget_band, r.answers - ?::text[] as answers
     from survey_response r join survey_invitation i on i.wave_id = r.wave_id and i.organization_id = r.organization_id
     where r.wave_id = ? and r.status = 'SUBMITTED'`,
    [pgArray(privateCodes), wave.id],
  );
  return rows.map((r) => ({ dims: dimsOf(r), answers: r.answers }));
}

/** The filter's lists, checked against the codes each dimension knows. */
export function checkFilter(filter: SurveyResultsFilter | null | undefined, catalog: ReferenceCatalog): Partial<Record<Dimension, Set<string>>> {
  const known: Record<Dimension, (code: string) => boolean> = {
    REGION: (c) => catalog.regionsByCode.has(c),
    MUNICIPALITY: (c) => catalog.municipalitiesByCode.has(c),
    CATEGORY: (c) => Boolean(catalog.categoriesByCode.get(c) && !catalog.categoriesByCode.get(c)!.parent),
    TARGET_GROUP: (c) => catalog.targetGroupsByCode.has(c),
    LEGAL_FORM: (c) => ['ASSOCIATION', 'FOUNDATION', 'OTHER'].includes(c),
    BUDGET_BAND: (c) => ['UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_100K', 'FROM_100K_TO_500K', 'OVER_500K'].includes(c),
  };
  const out: Partial<Record<Dimension, Set<string>>> = {};
  for (const [field, dimension] of Object.entries(FILTER_DIMENSIONS) as [keyof SurveyResultsFilter, Dimension][]) {
    const codes = filter?.[field];
    if (!codes?.length) continue;
    const unknown = codes.find((c) => !known[dimension](c));
    if (unknown) throw new UserInputError(`Unknown code "${String(unknown).slice(0, 60)}" in filter.${field}.`, `filter.${field}`);
    out[dimension] = new Set(codes);
  }
  return out;
}

export function matches(row: ResultRow, filter: Partial<Record<Dimension, Set<string>>>): boolean {
  return (Object.entries(filter) as [Dimension, Set<string>][]).every(([dimension, codes]) => row.dims[dimension].some((c) => codes.has(c)));
}

export function checkGroupBy(groupBy: Dimension[]): Dimension[] {
  if (groupBy.length > 2) throw new UserInputError('Group by at most two dimensions.', 'groupBy');
  if (new Set(groupBy).size !== groupBy.length) throw new UserInputError('A dimension appears twice in groupBy.', 'groupBy');
  return groupBy;
}

/** Every figure of a wave for a breakdown and filter, with disclosure control applied. */
export function resultsOf(rows: ResultRow[], wave: SurveyWave, catalog: ReferenceCatalog, groupBy: Dimension[], filter: Partial<Record<Dimension, Set<string>>>, minCell: number): Results {
  const q = questionnaireOf(wave);
  const filtered = Object.keys(filter).length ? rows.filter((row) => matches(row, filter)) : rows;
  return computeResults(filtered, groupBy, questionsOf(q), (question) => optionsOf(question, catalog).map((o) => o.code).concat(question.type === 'YES_NO' ? ['yes', 'no'] : []), minCell);
}

/** A wave's results for a breakdown and filter, from the cache when this generation of the wave has them. */
export function cachedWaveResults(em: EntityManager, catalog: ReferenceCatalog, wave: SurveyWave, groupBy: Dimension[], filter: SurveyResultsFilter | null | undefined, minCell: number, awaitWrite = false): Promise<Results> {
  const checked = checkFilter(filter, catalog);
  const stated = Object.fromEntries(Object.entries(checked).map(([d, codes]) => [d, [...codes].sort()]).sort());
  const key = JSON.stringify({ groupBy: checkGroupBy(groupBy), filter: stated, min: minCell });
  return cachedResults(em, wave.id, wave.resultsGeneration, key, async () => resultsOf(await loadRows(em, wave), wave, catalog, groupBy, checked, minCell), { awaitWrite });
}

/** The breakdowns the results page and the report ask for: every single dimension, none, and municipality × category. */
export const PRECOMPUTED: Dimension[][] = [[], ['REGION'], ['MUNICIPALITY'], ['CATEGORY'], ['TARGET_GROUP'], ['LEGAL_FORM'], ['BUDGET_BAND'], ['MUNICIPALITY', 'CATEGORY']];

/**
 * Computes and stores a closed wave's usual breakdowns, so that public requests read them ready-made:
 * a closed wave's results never change. One read of the responses serves every breakdown.
 */
export async function precomputeResults(em: EntityManager, catalog: ReferenceCatalog, wave: SurveyWave, minCell: number): Promise<void> {
  const rows = await loadRows(em, wave);
  for (const groupBy of PRECOMPUTED) {
    const key = JSON.stringify({ groupBy, filter: {}, min: minCell });
    await cachedResults(em, wave.id, wave.resultsGeneration, key, async () => resultsOf(rows, wave, catalog, groupBy, {}, minCell), { awaitWrite: true });
  }
}

