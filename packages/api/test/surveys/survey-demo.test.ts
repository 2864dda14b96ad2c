import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteDemoData } from '../../src/demo/demo-cleanup';
import { generateDemoData } from '../../src/demo/demo-generator';
import { generateDemoSurveys } from '../../src/demo/demo-surveys';
import { validateAnswers } from '../../src/surveys/answers';
import { questionnaire } from '../../src/surveys/questionnaire';
import { loadReferenceCatalog } from '../../src/reference/reference-catalog';
import { createTestApi, type TestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
let waves: { id: string; year: number }[];

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  await generateDemoData(db.orm.em.fork(), { organizations: 300, seed: 20241 });
  expect(await generateDemoSurveys(db.orm.em.fork(), 20241)).toBeGreaterThan(300);
  waves = await db.orm.em.fork().execute(`select id, year from survey_wave order by year`);
});
afterAll(async () => db?.close());

const rowsOf = async (waveId: string) =>
  (await db.orm.em.fork().execute(`select organization_id, answers from survey_response where wave_id = ? and status = 'SUBMITTED'`, [waveId])) as { organization_id: string; answers: Record<string, any> }[];

describe('demo survey waves', () => {
  it('two closed demo waves, 2022 with the pandemic section, answered by a share of the demo organizations', async () => {
    const r = await api.query(`{ surveyWaves(first: 10) { totalCount edges { node { year status isDemo questionnaireVersion invitedCount submittedCount } } } }`);
    const nodes = r.data.surveyWaves.edges.map((e: any) => e.node);
    expect(r.data.surveyWaves.totalCount).toBe(2);
    expect(nodes.map((n: any) => [n.year, n.status, n.isDemo, n.questionnaireVersion])).toEqual([[2024, 'CLOSED', true, '2024.1'], [2022, 'CLOSED', true, '2022.1']]);
    for (const n of nodes) {
      expect(n.submittedCount / n.invitedCount).toBeGreaterThan(0.5);
      expect(n.submittedCount / n.invitedCount).toBeLessThan(0.9);
    }
    const y2022 = await rowsOf(waves[0].id);
    expect(y2022.every((row) => typeof row.answers.shock_suspended === 'boolean')).toBe(true);
    expect((await rowsOf(waves[1].id)).some((row) => 'shock_suspended' in row.answers)).toBe(false);
  });

  it('every demo answer passes the same validation as an editor\'s submit', async () => {
    const catalog = await loadReferenceCatalog(db.orm.em.fork());
    for (const wave of waves) {
      const q = questionnaire(wave.year === 2022 ? '2022.1' : '2024.1')!;
      for (const row of await rowsOf(wave.id)) {
        const inputs = Object.entries(row.answers).map(([question, value]) => {
          const type = q.sections.flatMap((s) => s.questions).find((x) => x.code === question)!.type;
          if (type === 'NUMBER') return { question, number: value };
          if (type === 'NUMBERS' || type === 'SHARES') return { question, parts: Object.entries(value).map(([code, v]) => ({ code, value: v })) };
          if (type === 'SINGLE_CHOICE') return { question, choice: value };
          if (type === 'MULTIPLE_CHOICE') return { question, choices: value };
          if (type === 'YES_NO') return { question, yes: value };
          return { question, text: value };
        });
        const { v, answers } = validateAnswers(q, inputs as any, catalog, { submit: true });
        expect(v.errors).toEqual([]);
        expect(answers).toEqual(row.answers);
      }
    }
  });

  it('the year-over-year comparison of the demo waves agrees with the raw answers', async () => {
    const r = await api.query(
      `query($a: ID!, $b: ID!) { surveyComparison(from: $a, to: $b) { questions total { respondentsChange changes { question meanChange medianChange options { code sharePointsChange meanChange } } } } }`,
      { a: waves[0].id, b: waves[1].id },
    );
    expect(r.errors).toBeUndefined();
    const [a, b] = [await rowsOf(waves[0].id), await rowsOf(waves[1].id)];
    const mean = (rows: typeof a, f: (x: Record<string, any>) => number) => rows.reduce((s, row) => s + f(row.answers), 0) / rows.length;
    const total = r.data.surveyComparison.total;
    expect(total.respondentsChange).toBe(b.length - a.length);
    const change = (q: string) => total.changes.find((c: any) => c.question === q);
    expect(change('staff_paid').meanChange).toBeCloseTo(mean(b, (x) => x.staff_paid) - mean(a, (x) => x.staff_paid), 3);
    expect(change('funding_shares').options.find((o: any) => o.code === 'public').meanChange).toBeCloseTo(mean(b, (x) => x.funding_shares.public) - mean(a, (x) => x.funding_shares.public), 3);
    const contracted = (rows: typeof a) => rows.filter((row) => row.answers.public_contracts).length / rows.length;
    expect(change('public_contracts').options.find((o: any) => o.code === 'yes').sharePointsChange).toBeCloseTo((contracted(b) - contracted(a)) * 100, 1);
    expect(r.data.surveyComparison.questions).not.toContain('challenges_text');
  });

  it('is the same for the same seed, and goes with the demo data', async () => {
    const again = await createTestDatabase();
    try {
      await generateDemoData(again.orm.em.fork(), { organizations: 300, seed: 20241 });
      await generateDemoSurveys(again.orm.em.fork(), 20241);
      const dump = (d: TestDatabase) => d.orm.em.fork().execute(`select r.id, r.organization_id, r.answers from survey_response r order by r.id`);
      expect(await dump(again)).toEqual(await dump(db));
      expect(await generateDemoSurveys(again.orm.em.fork(), 20241)).toBe(0);
      await deleteDemoData(again.orm.em.fork());
      expect((await again.orm.em.fork().execute(`select count(*)::int as n from survey_wave`))[0].n).toBe(0);
    } finally {
      await again.close();
    }
  });
});
