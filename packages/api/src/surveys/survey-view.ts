import type { EntityManager } from '@mikro-orm/postgresql';
import { edgesOf, keysetPage } from '../core/connection';
import { localizedText } from '../core/localized-text';
import { decodeCursor } from '../core/pagination';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { optionsOf } from './answers';
import type { Question, Questionnaire, Text3 } from './questionnaire';
import { isPrivate } from './questionnaire';
import { SurveyWaveStatus } from './survey.enums';
import { SurveyWave } from './survey.entity';
import type { SurveyQuestion, SurveyQuestionnaire } from './survey.types';
import { today } from './wave-status';

const text = (t: Text3) => localizedText(t.sq, t.sr, t.en);

function questionView(q: Question, catalog: ReferenceCatalog): SurveyQuestion {
  return {
    code: q.code,
    type: q.type as SurveyQuestion['type'],
    label: text(q.label),
    required: Boolean(q.required),
    min: q.min ?? null,
    max: q.max ?? null,
    integer: Boolean(q.integer),
    unit: q.unit ?? null,
    maxLength: q.maxLength ?? null,
    options: optionsOf(q, catalog).map((o) => ({ code: o.code, label: text(o.label) })),
    showIf: q.showIf ?? null,
    private: isPrivate(q),
  };
}

/** The questionnaire as the API shows it, code lists resolved from the registry. */
export function questionnaireView(q: Questionnaire, catalog: ReferenceCatalog): SurveyQuestionnaire {
  return {
    version: q.version,
    title: text(q.title),
    sections: q.sections.map((s) => ({ code: s.code, title: text(s.title), questions: s.questions.map((question) => questionView(question, catalog)) })),
  };
}

export interface WaveListFilter {
  status?: SurveyWaveStatus[] | null;
  year?: number | null;
  includeDemo?: boolean | null;
}

const STATUS_SQL: Record<SurveyWaveStatus, string> = {
  SCHEDULED: `(closed_at is null and opens_on > ?::date)`,
  OPEN: `(closed_at is null and opens_on <= ?::date and closes_on >= ?::date)`,
  CLOSED: `(closed_at is not null or closes_on < ?::date)`,
};

/** A page of waves, newest opening first (keyset on opens_on, id). */
export async function wavePage(em: EntityManager, filter: WaveListFilter | null | undefined, first: number, after: string | null | undefined) {
  const where: string[] = [];
  const params: unknown[] = [];
  const day = today();
  if (filter?.status?.length) {
    where.push(`(${filter.status.map((s) => STATUS_SQL[s]).join(' or ')})`);
    for (const s of filter.status) params.push(...(s === SurveyWaveStatus.OPEN ? [day, day] : [day]));
  }
  if (filter?.year) {
    where.push('year = ?');
    params.push(filter.year);
  }
  if (filter?.includeDemo === false) where.push('not is_demo');
  const countWhere = where.length ? `where ${where.join(' and ')}` : '';
  const [{ n }] = await em.execute(`select count(*) as n from survey_wave ${countWhere}`, params);
  const seek = after ? decodeCursor(after, 'OPENS_ON') : null;
  const pageWhere = [...where];
  const pageParams = [...params];
  if (seek) {
    pageWhere.push('(opens_on, id) < (?::date, ?::uuid)');
    pageParams.push(seek.value, seek.id);
  }
  const rows: { id: string; opens_on: string }[] = await em.execute(
    `select id, to_char(opens_on, 'YYYY-MM-DD') as opens_on from survey_wave ${pageWhere.length ? `where ${pageWhere.join(' and ')}` : ''} order by opens_on desc, id desc limit ?`,
    [...pageParams, first + 1],
  );
  const page = keysetPage(rows, first, after, (row) => ({ order: 'OPENS_ON', value: row.opens_on, id: row.id }));
  const waves = new Map((await em.find(SurveyWave, { id: { $in: page.rows.map((r) => r.id) } })).map((w) => [w.id, w]));
  return { totalCount: Number(n), pageInfo: page.pageInfo, edges: edgesOf(page.rows, (row) => waves.get(row.id)!) };
}
