import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, authorize } from '../access/policy';
import { findById, isUuid } from '../core/ids';
import { localizedText } from '../core/localized-text';
import { fail, staleVersion, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import { LIMITS, Validator } from '../core/validation';
import type { Mailer } from '../mail/mailer';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { LATEST_QUESTIONNAIRE, questionnaire } from './questionnaire';
import { inviteRoster, recipients } from './roster';
import { SurveyNoticeKind, SurveyWaveStatus } from './survey.enums';
import { SurveyNotice, SurveyWave, type WaveAudience } from './survey.entity';
import type { OpenSurveyWaveInput } from './survey.inputs';
import { today, waveStatus } from './wave-status';

export interface WaveContext {
  em: EntityManager;
  actor: Actor | null;
  catalog: ReferenceCatalog;
  mailer: Mailer;
  publicUrl: string;
}

export async function loadWave(em: EntityManager, id: string, field: string[] = ['input', 'waveId']): Promise<SurveyWave> {
  const wave = await findById(em, SurveyWave, id);
  if (!wave) fail(UserErrorCode.NOT_FOUND, `No survey wave has the id "${String(id).slice(0, 60)}".`, field);
  return wave;
}

function validAudience(v: Validator, input: OpenSurveyWaveInput['audience'], catalog: ReferenceCatalog): WaveAudience {
  const audience: WaveAudience = {};
  if (!input) return audience;
  const topLevel = (c: string) => Boolean(catalog.categoriesByCode.get(c) && !catalog.categoriesByCode.get(c)!.parent);
  const regions = v.codes('audience.regions', input.regions, (c) => catalog.regionsByCode.has(c), 'region');
  const municipalities = v.codes('audience.municipalities', input.municipalities, (c) => catalog.municipalitiesByCode.has(c), 'municipality');
  const categories = v.codes('audience.categories', input.categories, topLevel, 'top-level service category');
  const ids = input.organizationIds ?? [];
  if (ids.length > 100_000) v.error('audience.organizationIds', 'At most 100,000 organizations.');
  const bad = ids.find((id) => !isUuid(id));
  if (bad) v.error('audience.organizationIds', `"${bad.slice(0, 60)}" is not an organization id.`);
  if (regions?.length) audience.regions = regions;
  if (municipalities?.length) audience.municipalities = municipalities;
  if (categories?.length) audience.categories = categories;
  if (ids.length) audience.organizationIds = [...new Set(ids.map((id) => id.toLowerCase()))];
  return audience;
}

function invitationMail(ctx: WaveContext, wave: SurveyWave, kind: SurveyNoticeKind, organizationName: string, organizationId: string) {
  const link = `${ctx.publicUrl}/surveys/${wave.id}/organizations/${organizationId}`;
  const reminder = kind === SurveyNoticeKind.REMINDER;
  return {
    kind: reminder ? 'survey-reminder' : 'survey-invitation',
    subject: `civimap: ${reminder ? 'reminder: ' : ''}${wave.titles.sq} (${wave.year})`,
    body:
      `${reminder ? 'A reminder: ' : ''}${organizationName} is asked to answer the mapping survey "${wave.titles.en ?? wave.titles.sq}" on civimap.\n\n` +
      `Answers are accepted from ${wave.opensOn} to ${wave.closesOn}; drafts are kept as you go.\n` +
      `Figures are published only as aggregates of at least several organizations; your own answers are never shown to the public.\n\n` +
      `Open the survey:\n${link}\n`,
  };
}

/** One notice in the app and one mail per owner and editor of each organization concerned. */
async function notify(tx: EntityManager, ctx: WaveContext, wave: SurveyWave, kind: SurveyNoticeKind, onlyPending: boolean): Promise<number> {
  const people = await recipients(tx, wave.id, { onlyPending });
  for (const person of people) {
    tx.persist(tx.create(SurveyNotice, { user: person.userId, wave, organization: person.organizationId, kind }));
    await ctx.mailer.send({ to: person.email, ...invitationMail(ctx, wave, kind, person.organizationName, person.organizationId) }, tx);
  }
  return people.length;
}

export function openWave(ctx: WaveContext, input: OpenSurveyWaveInput): Promise<WriteResult<SurveyWave>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'survey.manage');
    const v = new Validator();
    const year = v.int('year', input.year, 2000, 2100);
    const sq = v.text('titles.sq', input.titles?.sq, LIMITS.name, { required: true });
    const sr = v.text('titles.sr', input.titles?.sr, LIMITS.name);
    const en = v.text('titles.en', input.titles?.en, LIMITS.name);
    const version = input.questionnaireVersion ?? LATEST_QUESTIONNAIRE;
    if (!questionnaire(version)) v.error('questionnaireVersion', `No questionnaire has the version "${String(version).slice(0, 40)}".`);
    const opensOn = v.date('opensOn', input.opensOn, { required: true });
    const closesOn = v.date('closesOn', input.closesOn, { required: true });
    if (opensOn && closesOn && opensOn > closesOn) v.error('closesOn', 'The closing date is before the opening date.');
    if (closesOn && closesOn < today()) v.error('closesOn', 'The closing date has passed.');
    const audience = validAudience(v, input.audience, ctx.catalog);
    if (!v.ok) throw new UserErrorsException(v.errors);
    const wave = tx.create(SurveyWave, { year: year!, titles: localizedText(sq!, sr, en), questionnaireVersion: version, opensOn: opensOn!, closesOn: closesOn!, audience, createdBy: actor.user.id } as any);
    await tx.flush();
    const invited = await inviteRoster(tx, wave.id, audience);
    if (!invited) fail(UserErrorCode.INVALID_INPUT, 'No active organization matches this audience.', ['input', 'audience']);
    await notify(tx, ctx, wave, SurveyNoticeKind.INVITATION, false);
    return wave;
  });
}

/** Reminds the members of every invited organization that has not submitted; returns how many people. */
export function remindWave(ctx: WaveContext, waveId: string): Promise<WriteResult<{ wave: SurveyWave; reminded: number }>> {
  return writeTransaction(ctx.em, async (tx) => {
    authorize(ctx.actor, 'survey.manage');
    const wave = await loadWave(tx, waveId, ['waveId']);
    if (waveStatus(wave) === SurveyWaveStatus.CLOSED) fail(UserErrorCode.INVALID_INPUT, 'This wave is closed: there is nothing to remind.', ['waveId']);
    const reminded = await notify(tx, ctx, wave, SurveyNoticeKind.REMINDER, true);
    await tx.execute(
      `update survey_invitation i set reminders = reminders + 1 where wave_id = ?
       and not exists (select 1 from survey_response r where r.wave_id = i.wave_id and r.organization_id = i.organization_id and r.status = 'SUBMITTED')`,
      [wave.id],
    );
    wave.lastRemindedAt = new Date();
    return { wave, reminded };
  });
}

/** Closes a wave before its date (compare-and-set on its version: two moderators, one close). */
export function closeWave(ctx: WaveContext, waveId: string, version: number): Promise<WriteResult<SurveyWave>> {
  return writeTransaction(ctx.em, async (tx) => {
    authorize(ctx.actor, 'survey.manage');
    const wave = await loadWave(tx, waveId, ['waveId']);
    if (wave.version !== version) staleVersion('survey wave', version, wave.version);
    if (waveStatus(wave) === SurveyWaveStatus.CLOSED) fail(UserErrorCode.INVALID_INPUT, 'This wave is already closed.', ['waveId']);
    wave.closedAt = new Date();
    return wave;
  });
}
