import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { E, openWave } from './helpers';
import { createResultOrganizations, fixtureAnswers, type FixtureOrg, insertSubmitted, MUNICIPALITY_SIZES } from './results-fixture';

let db: TestDatabase;
let api: TestApi;
let moderator: TestAccount;
let orgs: FixtureOrg[];
let answers: Record<string, any>[];
let earlier: Record<string, any>[];
let waveId: string;
let earlierWaveId: string;
let responseIds: string[];

const FIGURES = `figures { question answered suppressed sum mean median options { code count share sum mean median } }`;
const RESULTS = `query($w: ID!, $g: [SurveyDimension!]!, $f: SurveyResultsFilter) { surveyResults(wave: $w, groupBy: $g, filter: $f) {
  minCell final total { respondents suppressed ${FIGURES} } cells { key { dimension code label { sq en } } respondents suppressed ${FIGURES} } } }`;

/** The reference computation, written apart from the API's: plain loops over the raw answers. */
function expected(rows: Record<string, any>[]) {
  const numbers = (code: string) => rows.map((a) => a[code]).filter((v) => typeof v === 'number') as number[];
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const staff = numbers('staff_paid');
  const volunteers = numbers('volunteers');
  const withWaiting = rows.filter((a) => a.waiting_list === true).length;
  const challenge = (code: string) => rows.filter((a) => a.main_challenges.includes(code)).length;
  const publicShares = rows.map((a) => a.funding_shares.public);
  return {
    respondents: rows.length,
    staffSum: staff.reduce((a, b) => a + b, 0),
    staffMedian: median(staff),
    staffMean: staff.reduce((a, b) => a + b, 0) / staff.length,
    volunteersAnswered: volunteers.length,
    volunteersMedian: median(volunteers),
    waitingYesShare: withWaiting / rows.length,
    funding: challenge('funding'),
    publicShareMean: publicShares.reduce((a, b) => a + b, 0) / publicShares.length,
    youthSum: rows.reduce((s, a) => s + a.beneficiaries_by_target_group.youth, 0),
    waitingSizeAnswered: numbers('waiting_list_size').length,
  };
}

function check(cell: any, rows: Record<string, any>[]) {
  const want = expected(rows);
  const fig = (q: string) => cell.figures.find((f: any) => f.question === q);
  expect(cell.respondents).toBe(want.respondents);
  expect(fig('staff_paid').sum).toBe(want.staffSum);
  expect(fig('staff_paid').median).toBe(want.staffMedian);
  expect(fig('staff_paid').mean).toBeCloseTo(want.staffMean, 3);
  if (want.volunteersAnswered >= 5) {
    expect(fig('volunteers').answered).toBe(want.volunteersAnswered);
    expect(fig('volunteers').median).toBe(want.volunteersMedian);
  }
  expect(fig('waiting_list').options.find((o: any) => o.code === 'yes').share).toBeCloseTo(want.waitingYesShare, 3);
  expect(fig('main_challenges').options.find((o: any) => o.code === 'funding').count).toBe(want.funding);
  expect(fig('funding_shares').options.find((o: any) => o.code === 'public').mean).toBeCloseTo(want.publicShareMean, 3);
  expect(fig('beneficiaries_by_target_group').options.find((o: any) => o.code === 'youth').sum).toBe(want.youthSum);
  expect(fig('challenges_text')).toBeUndefined();
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  moderator = await createAccount(db.orm.em, { email: 'moderator@example.org', role: UserRole.MODERATOR });
  orgs = await createResultOrganizations(db.orm.em.fork());
  earlierWaveId = (await openWave(api, moderator.as, { year: 2025, titles: { sq: 'Hartëzimi 2025' } })).id;
  waveId = (await openWave(api, moderator.as)).id;
  earlier = fixtureAnswers(orgs.length, 11);
  answers = fixtureAnswers(orgs.length, 12);
  await insertSubmitted(db.orm.em.fork(), earlierWaveId, orgs, earlier);
  responseIds = await insertSubmitted(db.orm.em.fork(), waveId, orgs, answers);
  for (const id of [earlierWaveId, waveId]) {
    const wave = (await api.query(`query($id: ID!) { surveyWave(id: $id) { version } }`, { id })).data.surveyWave;
    const closed = await api.query(`mutation($id: ID!, $v: Int!) { closeSurveyWave(waveId: $id, version: $v) { userErrors ${E} } }`, { id, v: wave.version }, moderator.as);
    expect(closed.data.closeSurveyWave.userErrors).toEqual([]);
  }
});
afterAll(async () => db?.close());

describe('survey results', () => {
  it('every figure of the total and of each region equals the computation from the raw answers', async () => {
    const r = await api.query(RESULTS, { w: waveId, g: ['REGION'] });
    expect(r.errors).toBeUndefined();
    const results = r.data.surveyResults;
    expect(results).toMatchObject({ minCell: 5, final: true });
    check(results.total, answers);
    const regions = [...new Set(orgs.map((o) => o.region))].sort();
    expect(results.cells.map((c: any) => c.key[0].code)).toEqual(regions);
    for (const cell of results.cells) check(cell, answers.filter((_, i) => orgs[i].region === cell.key[0].code));
  });

  it('counts an organization in each of its categories', async () => {
    const r = await api.query(RESULTS, { w: waveId, g: ['CATEGORY'] });
    for (const cell of r.data.surveyResults.cells) {
      const rows = answers.filter((_, i) => orgs[i].categories.includes(cell.key[0].code));
      if (rows.length >= 5 && !cell.suppressed) check(cell, rows);
      else expect(cell.respondents).toBeNull();
    }
  });

  it('filters by budget band the same way a loop over the answers does', async () => {
    const r = await api.query(RESULTS, { w: waveId, g: [], f: { budgetBands: ['UNDER_10K', 'FROM_10K_TO_50K'] } });
    check(r.data.surveyResults.total, answers.filter((a) => ['UNDER_10K', 'FROM_10K_TO_50K'].includes(a.budget_band)));
  });

  it('hides a cell of 4 and a complementary cell, so the total cannot give it back', async () => {
    const r = await api.query(RESULTS, { w: waveId, g: ['MUNICIPALITY'] });
    const cells = r.data.surveyResults.cells;
    const suhareke = cells.find((c: any) => c.key[0].code === 'suhareke');
    expect(MUNICIPALITY_SIZES.suhareke).toBe(4);
    expect(suhareke).toMatchObject({ respondents: null, suppressed: 'PRIMARY' });
    expect(suhareke.figures.every((f: any) => f.suppressed && f.sum === null && f.options.length === 0)).toBe(true);
    const complementary = cells.filter((c: any) => c.suppressed === 'COMPLEMENTARY');
    expect(complementary.map((c: any) => c.key[0].code)).toEqual(['gjakove']); // the smallest other cell, 7
    const published = cells.filter((c: any) => !c.suppressed).reduce((s: number, c: any) => s + c.respondents, 0);
    expect(r.data.surveyResults.total.respondents - published).toBe(4 + 7);
    // Per question too: the staff sum of the hidden cells is not the total minus the published ones of one cell.
    const staffHidden = cells.filter((c: any) => c.suppressed).map((c: any) => c.figures.find((f: any) => f.question === 'staff_paid').sum);
    expect(staffHidden).toEqual([null, null]);
  });

  it('withholds a question answered by fewer than 5 in a published cell, with a complement', async () => {
    const r = await api.query(RESULTS, { w: waveId, g: ['MUNICIPALITY'] });
    for (const cell of r.data.surveyResults.cells.filter((c: any) => !c.suppressed)) {
      const rows = answers.filter((_, i) => orgs[i].municipality === cell.key[0].code);
      const answered = rows.filter((a) => typeof a.waiting_list_size === 'number').length;
      const figure = cell.figures.find((f: any) => f.question === 'waiting_list_size');
      if (answered > 0 && answered < 5) expect(figure).toMatchObject({ suppressed: 'PRIMARY', answered: null, sum: null });
      if (!figure.suppressed) expect(figure.answered).toBe(answered);
    }
    const hidden = r.data.surveyResults.cells.filter((c: any) => c.figures.find((f: any) => f.question === 'waiting_list_size').suppressed);
    expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
  });

  it('two-way tables: no row or column has exactly one withheld cell, and every small cell is withheld', async () => {
    const r = await api.query(RESULTS, { w: waveId, g: ['MUNICIPALITY', 'CATEGORY'] });
    const cells = r.data.surveyResults.cells;
    for (const cell of cells) {
      const n = answers.filter((_, i) => orgs[i].municipality === cell.key[0].code && orgs[i].categories.includes(cell.key[1].code)).length;
      if (n < 5) expect(cell.suppressed).toBe('PRIMARY');
      else if (!cell.suppressed) expect(cell.respondents).toBe(n);
    }
    for (const axis of [0, 1]) {
      const lines = new Map<string, any[]>();
      for (const cell of cells) lines.set(cell.key[axis].code, [...(lines.get(cell.key[axis].code) ?? []), cell]);
      for (const line of lines.values()) expect(line.filter((c) => c.suppressed).length).not.toBe(1);
    }
  });

  it('compares two waves by their shared question codes', async () => {
    const r = await api.query(
      `query($a: ID!, $b: ID!) { surveyComparison(from: $a, to: $b, groupBy: [REGION]) { questions total { respondentsChange from { respondents } changes { question meanChange sumChange options { code sharePointsChange } } } cells { key { code } respondentsChange } } }`,
      { a: earlierWaveId, b: waveId },
    );
    expect(r.errors).toBeUndefined();
    const cmp = r.data.surveyComparison;
    expect(cmp.questions).toContain('staff_paid');
    expect(cmp.questions).not.toContain('challenges_text');
    const change = (q: string) => cmp.total.changes.find((c: any) => c.question === q);
    const a = expected(earlier);
    const b = expected(answers);
    expect(change('staff_paid').sumChange).toBe(b.staffSum - a.staffSum);
    expect(change('staff_paid').meanChange).toBeCloseTo(b.staffMean - a.staffMean, 3);
    expect(change('waiting_list').options.find((o: any) => o.code === 'yes').sharePointsChange).toBeCloseTo((b.waitingYesShare - a.waitingYesShare) * 100, 1);
    expect(cmp.total.respondentsChange).toBe(0);
  });

  it('never lets free text out: not in results, comparisons, response rates, nor through node', async () => {
    const everything = await Promise.all([
      api.query(RESULTS, { w: waveId, g: ['MUNICIPALITY', 'CATEGORY'] }),
      api.query(RESULTS, { w: waveId, g: ['TARGET_GROUP'] }),
      api.query(`query($a: ID!, $b: ID!) { surveyComparison(from: $a, to: $b, groupBy: [MUNICIPALITY]) { cells { from { ${FIGURES} } to { ${FIGURES} } changes { question options { code } } } } }`, { a: earlierWaveId, b: waveId }),
      api.query(`query($id: ID!) { surveyWave(id: $id) { responseRates(groupBy: MUNICIPALITY) { cells { submitted } } questionnaire { sections { questions { code } } } } }`, { id: waveId }),
      api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: responseIds[0] }),
    ]);
    for (const r of everything) expect(JSON.stringify(r)).not.toContain('SECRET-TEXT');
    expect(everything[4].data.node).toBeNull();
  });

  it('publishes response rates of a closed wave with small cells withheld', async () => {
    const r = await api.query(`query($id: ID!) { surveyWave(id: $id) { responseRates(groupBy: MUNICIPALITY) { total { invited submitted started } cells { key { code } invited submitted rate suppressed } } } }`, { id: waveId });
    const rates = r.data.surveyWave.responseRates;
    expect(rates.total).toEqual({ invited: orgs.length, submitted: orgs.length, started: null });
    const suhareke = rates.cells.find((c: any) => c.key[0].code === 'suhareke');
    expect(suhareke).toMatchObject({ invited: 4, submitted: null, rate: null, suppressed: 'PRIMARY' });
  });
});
