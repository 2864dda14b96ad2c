import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Revision } from '../../src/revisions/revision.entity';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { completeAnswers, E, isoDay, OPEN_WAVE, openWave, SAVE_DRAFT, SUBMIT } from './helpers';

let db: TestDatabase;
let api: TestApi;
let moderator: TestAccount;
let owner: TestAccount;
let editor: TestAccount;
let outsider: TestAccount;
let orgA: string;
let orgB: string;

const FORM = `query($w: ID!, $o: ID!) { surveyForm(waveId: $w, organizationId: $o) { editable prefilledFromRegistry prefilledFromPreviousWave response { id version status }
  answers { question number choice choices yes text parts { code value } } wave { status questionnaire { sections { code questions { code type required } } } } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const [a, b] = await createOrganizations(db.orm.em.fork(), [
    {
      sq: 'Qendra A',
      sites: [{ municipality: 'prizren', lat: 42.21, lng: 20.74 }],
      services: [{ name: 'Këshillim', categories: ['counselling.family'], targetGroups: ['youth'] }],
    },
    { sq: 'Qendra B', sites: [{ municipality: 'peje', lat: 42.66, lng: 20.29 }], services: [{ name: 'Strehim', categories: ['residential.children'] }] },
    { sq: 'Qendra C (closed)', status: 'CLOSED' as any },
  ]);
  orgA = a.id;
  orgB = b.id;
  await db.orm.em.fork().execute(
    `update organization set staff_count = 7, volunteer_count = 3, budget_band = 'UNDER_10K', funding_public_pct = 50, funding_foreign_pct = 30, funding_own_pct = 20, funding_other_pct = 0 where id = ?`,
    [orgA],
  );
  const em = db.orm.em;
  moderator = await createAccount(em, { email: 'moderator@example.org', role: UserRole.MODERATOR });
  owner = await createAccount(em, { email: 'owner-a@example.org', memberOf: [{ organizationId: orgA, role: MembershipRole.OWNER }] });
  editor = await createAccount(em, { email: 'editor-a@example.org', memberOf: [{ organizationId: orgA, role: MembershipRole.EDITOR }] });
  outsider = await createAccount(em, { email: 'owner-b@example.org', memberOf: [{ organizationId: orgB, role: MembershipRole.OWNER }] });
});
afterAll(async () => db?.close());

describe('opening a wave', () => {
  it('refuses bad input with typed errors and writes nothing', async () => {
    const r = await api.query(OPEN_WAVE, {
      input: { year: 1999, titles: { sq: ' ' }, questionnaireVersion: '1.0', opensOn: isoDay(5), closesOn: isoDay(2), audience: { municipalities: ['atlantis'] } },
    }, moderator.as);
    const fields = r.data.openSurveyWave.userErrors.map((e: { field: string[] }) => e.field.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['input.year', 'input.titles.sq', 'input.questionnaireVersion', 'input.closesOn', 'input.audience.municipalities']));
    expect((await db.orm.em.fork().execute(`select count(*)::int as n from survey_wave`))[0].n).toBe(0);
  });

  it('invites every active organization, with a notice and a mail for each owner and editor', async () => {
    const wave = await openWave(api, moderator.as);
    expect(wave.invitedCount).toBe(2); // the closed organization is not asked
    expect(wave.status).toBe('OPEN');
    const em = db.orm.em.fork();
    const mails = await em.find(OutboxMessage, { kind: 'survey-invitation' });
    expect(mails.map((m) => m.recipient).sort()).toEqual(['editor-a@example.org', 'owner-a@example.org', 'owner-b@example.org']);
    expect(mails[0].body).toContain(`/surveys/${wave.id}/organizations/`);
    const notices = await api.query(`{ mySurveyNotices { kind wave { id } organization { id } } mySurveys { responseStatus wave { id } } }`, {}, editor.as);
    expect(notices.data.mySurveyNotices).toEqual([{ kind: 'INVITATION', wave: { id: wave.id }, organization: { id: orgA } }]);
    expect(notices.data.mySurveys).toEqual([{ responseStatus: null, wave: { id: wave.id } }]);
  });

  it('asks only the organizations of a filtered audience', async () => {
    const wave = await openWave(api, moderator.as, { audience: { municipalities: ['peje'] } });
    expect(wave.invitedCount).toBe(1);
    const form = await api.query(FORM, { w: wave.id, o: orgA }, owner.as);
    expect(form.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('answering', () => {
  let waveId: string;
  beforeAll(async () => {
    waveId = (await openWave(api, moderator.as, { audience: { organizationIds: [orgA] } })).id;
  });

  it('pre-fills the form from the registry', async () => {
    const r = await api.query(FORM, { w: waveId, o: orgA }, editor.as);
    expect(r.errors).toBeUndefined();
    const form = r.data.surveyForm;
    expect(form.editable).toBe(true);
    expect(form.response).toBeNull();
    const byCode = Object.fromEntries(form.answers.map((a: any) => [a.question, a]));
    expect(byCode.staff_paid.number).toBe(7);
    expect(byCode.budget_band.choice).toBe('UNDER_10K');
    expect(byCode.funding_shares.parts).toEqual([{ code: 'public', value: 50 }, { code: 'foreign', value: 30 }, { code: 'own', value: 20 }, { code: 'other', value: 0 }]);
    expect(byCode.service_categories.choices).toEqual(['counselling']);
    expect(form.prefilledFromRegistry).toEqual(expect.arrayContaining(['staff_paid', 'volunteers', 'budget_band', 'funding_shares', 'service_categories']));
  });

  it('only the organization\'s members answer it', async () => {
    for (const as of [outsider.as, moderator.as, undefined]) {
      const r = await api.query(SAVE_DRAFT, { input: { waveId, organizationId: orgA, answers: [] } }, as);
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(r.data.saveSurveyDraft.userErrors[0].code);
    }
  });

  it('checks each answer\'s type, the 100 % rule, and required questions on submit', async () => {
    const bad = await api.query(SAVE_DRAFT, {
      input: { waveId, organizationId: orgA, answers: [
        { question: 'staff_paid', number: -3 },
        { question: 'funding_shares', parts: [{ code: 'public', value: 60 }, { code: 'foreign', value: 30 }] },
        { question: 'budget_band', choice: 'ENORMOUS' },
        { question: 'no_such_question', yes: true },
      ] },
    }, editor.as);
    const errors = bad.data.saveSurveyDraft.userErrors;
    expect(errors.map((e: any) => e.field.join('.'))).toEqual(['input.answers.staff_paid.number', 'input.answers.funding_shares', 'input.answers.budget_band.choice', 'input.answers.no_such_question']);
    expect(errors[1].message).toContain('add up to 90');
    expect((await db.orm.em.fork().execute(`select count(*)::int as n from survey_response`))[0].n).toBe(0);

    const draft = await api.query(SAVE_DRAFT, { input: { waveId, organizationId: orgA, answers: [{ question: 'staff_paid', number: 9 }, { question: 'waiting_list', yes: false }, { question: 'waiting_list_size', number: 40 }] } }, editor.as);
    expect(draft.data.saveSurveyDraft.userErrors).toEqual([]);
    // Not asked when there is no waiting list: the answer is dropped.
    expect(draft.data.saveSurveyDraft.response.answers.map((a: any) => a.question)).toEqual(['staff_paid', 'waiting_list']);
    const version = draft.data.saveSurveyDraft.response.version;

    const incomplete = await api.query(SUBMIT, { input: { waveId, organizationId: orgA, version, answers: [{ question: 'staff_paid', number: 9 }] } }, owner.as);
    const missing = incomplete.data.submitSurveyResponse.userErrors.map((e: any) => e.field.at(-1));
    expect(missing).toEqual(expect.arrayContaining(['volunteers', 'budget_band', 'funding_shares', 'licensed', 'main_challenges']));
    expect(missing).not.toContain('shock_suspended'); // optional in 2024.1

    const stale = await api.query(SUBMIT, { input: { waveId, organizationId: orgA, version: version + 5, answers: completeAnswers() } }, owner.as);
    expect(stale.data.submitSurveyResponse.userErrors[0].code).toBe('STALE_VERSION');

    const ok = await api.query(SUBMIT, { input: { waveId, organizationId: orgA, version, answers: completeAnswers(), writeBackToProfile: true } }, owner.as);
    expect(ok.data.submitSurveyResponse.userErrors).toEqual([]);
    expect(ok.data.submitSurveyResponse.response.status).toBe('SUBMITTED');

    // The capacity figures went to the profile as an ordinary audited edit.
    const [org] = await db.orm.em.fork().execute(`select staff_count, volunteer_count, budget_band, funding_public_pct, funding_other_pct from organization where id = ?`, [orgA]);
    expect(org).toEqual({ staff_count: 12, volunteer_count: 30, budget_band: 'FROM_50K_TO_100K', funding_public_pct: 40, funding_other_pct: 5 });
    const [revision] = await db.orm.em.fork().find(Revision, { entityId: orgA }, { orderBy: { createdAt: 'desc' }, limit: 1 });
    expect(revision.reason).toContain('survey');
    expect(revision.author?.id).toBe(owner.user.id);

    // Editable until the close date: a second submit replaces the answers; a draft save does not un-submit.
    const again = await api.query(SUBMIT, { input: { waveId, organizationId: orgA, version: ok.data.submitSurveyResponse.response.version, answers: completeAnswers({ staff_paid: { number: 13 } }) } }, editor.as);
    expect(again.data.submitSurveyResponse.userErrors).toEqual([]);
    const draftAfter = await api.query(SAVE_DRAFT, { input: { waveId, organizationId: orgA, version: again.data.submitSurveyResponse.response.version, answers: [] } }, editor.as);
    expect(draftAfter.data.saveSurveyDraft.userErrors[0].message).toContain('submitted');
  });

  it('refuses answers once the wave is closed', async () => {
    const wave = await openWave(api, moderator.as, { audience: { organizationIds: [orgA] } });
    const closed = await api.query(`mutation($id: ID!, $v: Int!) { closeSurveyWave(waveId: $id, version: $v) { wave { status } userErrors ${E} } }`, { id: wave.id, v: wave.version }, moderator.as);
    expect(closed.data.closeSurveyWave).toEqual({ wave: { status: 'CLOSED' }, userErrors: [] });
    const again = await api.query(`mutation($id: ID!, $v: Int!) { closeSurveyWave(waveId: $id, version: $v) { userErrors ${E} } }`, { id: wave.id, v: wave.version }, moderator.as);
    expect(again.data.closeSurveyWave.userErrors[0].code).toBe('STALE_VERSION');
    const r = await api.query(SUBMIT, { input: { waveId: wave.id, organizationId: orgA, answers: completeAnswers() } }, owner.as);
    expect(r.data.submitSurveyResponse.userErrors[0].message).toContain('closed');
  });
});

describe('one response per organization per wave', () => {
  it('holds under concurrent first submits: one wins, the others are told to reload', async () => {
    const wave = await openWave(api, moderator.as, { audience: { organizationIds: [orgA] } });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => api.query(SUBMIT, { input: { waveId: wave.id, organizationId: orgA, answers: completeAnswers({ staff_paid: { number: i } }) } }, i % 2 ? owner.as : editor.as)),
    );
    const winners = results.filter((r) => r.data.submitSurveyResponse.userErrors.length === 0);
    expect(winners).toHaveLength(1);
    for (const r of results) if (r !== winners[0]) expect(r.data.submitSurveyResponse.userErrors[0].code).toBe('STALE_VERSION');
    const rows = await db.orm.em.fork().execute(`select count(*)::int as n from survey_response where wave_id = ?`, [wave.id]);
    expect(rows[0].n).toBe(1);
    await expect(
      db.orm.em.fork().execute(`insert into survey_response (id, wave_id, organization_id) values (gen_random_uuid(), ?, ?)`, [wave.id, orgA]),
    ).rejects.toThrow(/unique/);
  });
});

describe('reminders and response rates', () => {
  it('reminds only the members of organizations that have not submitted, and the rates move with submits', async () => {
    const wave = await openWave(api, moderator.as);
    const RATES = `query($id: ID!) { surveyWave(id: $id) { submittedCount responseRates(groupBy: MUNICIPALITY) { total { invited started submitted rate } cells { key { code } invited submitted } } } }`;
    const before = await api.query(RATES, { id: wave.id }, moderator.as);
    expect(before.data.surveyWave.responseRates.total).toEqual({ invited: 2, started: 0, submitted: 0, rate: 0 });
    const sub = await api.query(SUBMIT, { input: { waveId: wave.id, organizationId: orgA, answers: completeAnswers() } }, owner.as);
    expect(sub.data.submitSurveyResponse.userErrors).toEqual([]);
    const after = await api.query(RATES, { id: wave.id }, moderator.as);
    expect(after.data.surveyWave.responseRates.total).toEqual({ invited: 2, started: 1, submitted: 1, rate: 0.5 });
    expect(after.data.surveyWave.responseRates.cells).toEqual([
      { key: [{ code: 'peje' }], invited: 1, submitted: 0 },
      { key: [{ code: 'prizren' }], invited: 1, submitted: 1 },
    ]);
    const remind = await api.query(`mutation($id: ID!) { remindSurveyWave(waveId: $id) { reminded userErrors ${E} } }`, { id: wave.id }, moderator.as);
    expect(remind.data.remindSurveyWave).toEqual({ reminded: 1, userErrors: [] });
    const reminders = await db.orm.em.fork().find(OutboxMessage, { kind: 'survey-reminder' });
    expect(reminders.map((m) => m.recipient)).toEqual(['owner-b@example.org']);
    // The public sees neither open results nor open response rates.
    const open = await api.query(RATES, { id: wave.id });
    expect(open.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
