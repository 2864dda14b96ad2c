import type { TestApi } from '../support/api';
import type { TestDatabase } from '../support/test-database';

/**
 * The survey mutations' rows of the authorization matrix (authorization-matrix.test.ts spreads them
 * into its table): moderators and administrators run waves; only the organization's own owners and
 * editors answer (not staff: the survey is the organization's own account); anyone signed in reads
 * their own notices.
 */
type Role = 'anonymous' | 'ownerOfA' | 'editorOfA' | 'editorOfB' | 'officer' | 'moderator' | 'admin';

interface SurveyWorld {
  api: TestApi;
  db: TestDatabase;
  accounts: Record<Exclude<Role, 'anonymous'>, { user: { id: string } }>;
  orgA: string;
  asAdmin: (query: string, variables: Record<string, unknown>) => Promise<any>;
}

const E = '{ field message code }';
const STAFF = ['moderator', 'admin'] as const;
const MEMBERS_OF_A = ['ownerOfA', 'editorOfA'] as const;
const SIGNED_IN = ['ownerOfA', 'editorOfA', 'editorOfB', 'officer', 'moderator', 'admin'] as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function waveInput(w: SurveyWorld) {
  return { year: 2026, titles: { sq: 'Hartëzimi' }, opensOn: day(-1), closesOn: day(30), audience: { organizationIds: [w.orgA] } };
}

/** A fresh open wave asking organization A, so that cases do not depend on each other. */
async function newWave(w: SurveyWorld): Promise<{ id: string; version: number }> {
  const r = await w.asAdmin(`mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { wave { id version } userErrors ${E} } }`, { input: waveInput(w) });
  return r.openSurveyWave.wave;
}

const minimalAnswers = [{ question: 'staff_paid', number: 3 }];
const completeAnswers = [
  { question: 'staff_paid', number: 3 },
  { question: 'volunteers', number: 1 },
  { question: 'budget_band', choice: 'UNDER_10K' },
  { question: 'funding_shares', parts: [{ code: 'own', value: 100 }] },
  { question: 'service_categories', choices: ['counselling'] },
  { question: 'beneficiaries_total', number: 50 },
  { question: 'public_contracts', yes: false },
  { question: 'licensed', choice: 'applying' },
  { question: 'main_challenges', choices: ['funding'] },
];

export const SURVEY_ROWS = {
  openSurveyWave: {
    allowed: STAFF,
    call: async (w: SurveyWorld) => ({
      query: `mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { wave { id } userErrors ${E} } }`,
      variables: { input: waveInput(w) },
    }),
  },
  remindSurveyWave: {
    allowed: STAFF,
    call: async (w: SurveyWorld) => ({ query: `mutation($id: ID!) { remindSurveyWave(waveId: $id) { reminded userErrors ${E} } }`, variables: { id: (await newWave(w)).id } }),
  },
  closeSurveyWave: {
    allowed: STAFF,
    call: async (w: SurveyWorld) => {
      const wave = await newWave(w);
      return { query: `mutation($id: ID!, $v: Int!) { closeSurveyWave(waveId: $id, version: $v) { wave { id } userErrors ${E} } }`, variables: { id: wave.id, v: wave.version } };
    },
  },
  saveSurveyDraft: {
    allowed: MEMBERS_OF_A,
    call: async (w: SurveyWorld) => ({
      query: `mutation($input: SurveyResponseInput!) { saveSurveyDraft(input: $input) { response { id } userErrors ${E} } }`,
      variables: { input: { waveId: (await newWave(w)).id, organizationId: w.orgA, answers: minimalAnswers } },
    }),
  },
  submitSurveyResponse: {
    allowed: MEMBERS_OF_A,
    call: async (w: SurveyWorld) => ({
      query: `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { response { id } userErrors ${E} } }`,
      variables: { input: { waveId: (await newWave(w)).id, organizationId: w.orgA, answers: completeAnswers } },
    }),
  },
  markSurveyNoticeRead: {
    allowed: SIGNED_IN,
    call: async (w: SurveyWorld, role: Role) => {
      const wave = await newWave(w);
      // A notice of the caller's own (the anonymous case uses an owner's: refused before it is looked up).
      const userId = w.accounts[role === 'anonymous' ? 'ownerOfA' : role].user.id;
      const [notice] = await w.db.orm.em.fork().execute(
        `insert into survey_notice (id, user_id, wave_id, organization_id, kind) values (gen_random_uuid(), ?, ?, ?, 'INVITATION') returning id`,
        [userId, wave.id, w.orgA],
      );
      return { query: `mutation($id: ID!) { markSurveyNoticeRead(id: $id) { notice { id } userErrors ${E} } }`, variables: { id: notice.id } };
    },
  },
};
