import { expect } from 'vitest';
import type { ActAs, TestApi } from '../support/api';

export const E = '{ field message code }';

export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export const OPEN_WAVE = `mutation($input: OpenSurveyWaveInput!) { openSurveyWave(input: $input) { wave { id version status invitedCount } userErrors ${E} } }`;
export const SAVE_DRAFT = `mutation($input: SurveyResponseInput!) { saveSurveyDraft(input: $input) { response { id version status answers { question number choice choices yes text parts { code value } } } userErrors ${E} } }`;
export const SUBMIT = `mutation($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { response { id version status submittedAt } userErrors ${E} } }`;

/** Opens a wave through the API as `as` (a moderator or administrator); fails the test on any error. */
export async function openWave(api: TestApi, as: ActAs, input: Record<string, unknown> = {}): Promise<{ id: string; version: number; status: string; invitedCount: number }> {
  const r = await api.query(OPEN_WAVE, {
    input: { year: 2026, titles: { sq: 'Hartëzimi 2026', en: 'Mapping 2026' }, opensOn: isoDay(-1), closesOn: isoDay(30), ...input },
  }, as);
  expect(r.errors).toBeUndefined();
  expect(r.data.openSurveyWave.userErrors).toEqual([]);
  return r.data.openSurveyWave.wave;
}

/** A complete, valid set of answers to questionnaire 2024.1 (every required question). */
export function completeAnswers(overrides: Record<string, Record<string, unknown>> = {}): Record<string, unknown>[] {
  const base: Record<string, Record<string, unknown>> = {
    staff_paid: { number: 12 },
    volunteers: { number: 30 },
    budget_band: { choice: 'FROM_50K_TO_100K' },
    funding_shares: { parts: [{ code: 'public', value: 40 }, { code: 'foreign', value: 35 }, { code: 'own', value: 20 }, { code: 'other', value: 5 }] },
    service_categories: { choices: ['counselling'] },
    beneficiaries_total: { number: 420 },
    waiting_list: { yes: true },
    waiting_list_size: { number: 25 },
    public_contracts: { yes: true },
    public_contracts_count: { number: 2 },
    payment_delays: { choice: 'under_3_months' },
    licensed: { choice: 'licensed' },
    main_challenges: { choices: ['funding', 'premises'] },
    challenges_text: { text: 'Our rent doubled.' },
    ...overrides,
  };
  return Object.entries(base).map(([question, value]) => ({ question, ...value }));
}
