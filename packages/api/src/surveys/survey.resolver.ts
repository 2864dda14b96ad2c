import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { pgArray } from '../core/sql';
import { requireAllowed } from '../access/policy';
import { Language, localized } from '../core/localized-text';
import { NotFoundError } from '../core/errors';
import { findById, isUuid } from '../core/ids';
import { pageSize } from '../core/pagination';
import { fail, UserErrorCode, UserErrorsException, writeTransaction } from '../core/user-errors';
import type { SessionContext } from '../accounts/session-context';
import type { Organization } from '../organizations/organization.entity';
import { answerOutputs } from './answers';
import { prefill } from './prefill';
import { QUESTIONNAIRE_VERSIONS, questionnaire } from './questionnaire';
import { questionnaireOf, saveDraft, submitResponse } from './response.service';
import { SurveyResponseStatus, SurveyWaveStatus } from './survey.enums';
import { SurveyNotice, SurveyResponse, SurveyWave } from './survey.entity';
import { OpenSurveyWaveInput, SubmitSurveyResponseInput, SurveyResponseInput } from './survey.inputs';
import {
  SurveyAssignment,
  SurveyForm,
  SurveyNoticePayload,
  SurveyNoticeType,
  SurveyQuestionnaire,
  SurveyReminderPayload,
  SurveyResponsePayload,
  SurveyResponseType,
  SurveyWaveConnection,
  SurveyWavePayload,
  SurveyWaveType,
} from './survey.types';
import { questionnaireView, wavePage } from './survey-view';
import { closeWave, openWave, remindWave } from './wave.service';
import { precomputeResults } from './results.service';
import { loadConfig } from '../core/config';
import { waveStatus } from './wave-status';

@InputType({ description: 'Which waves to list.' })
export class SurveyWaveFilter {
  @Field(() => [SurveyWaveStatus], { nullable: true, description: 'Only waves in these states.' }) status?: SurveyWaveStatus[] | null;
  @Field(() => Int, { nullable: true, description: 'Only waves of this year.' }) year?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'False leaves out demo waves.' }) includeDemo?: boolean | null;
}

export function responseView(response: SurveyResponse): SurveyResponseType {
  return {
    id: response.id,
    version: response.version,
    status: response.status,
    submittedAt: response.submittedAt ?? null,
    updatedAt: response.updatedAt,
    answers: answerOutputs(questionnaireOf(response.wave), response.answers),
  };
}

async function organizationOf(ctx: SessionContext, id: string): Promise<Organization> {
  const organization = await ctx.loaders.organization.load(id);
  if (!organization) throw new NotFoundError(`No organization has the id "${id}".`);
  return organization;
}

@Resolver(() => SurveyWaveType)
export class SurveyWaveResolver {
  @Query(() => [String], { description: 'Versions of the survey questionnaire, oldest first.' })
  surveyQuestionnaireVersions(): string[] {
    return QUESTIONNAIRE_VERSIONS;
  }

  @Query(() => SurveyQuestionnaire, { nullable: true, description: 'A version of the questionnaire; null when there is none.' })
  async surveyQuestionnaire(@Arg('version', () => String, { description: 'Version, e.g. 2024.1.' }) version: string, @Ctx() ctx: SessionContext): Promise<SurveyQuestionnaire | null> {
    const q = questionnaire(version);
    return q ? questionnaireView(q, await ctx.catalog()) : null;
  }

  @Query(() => SurveyWaveConnection, { description: 'Survey waves, newest opening date first.' })
  async surveyWaves(
    @Ctx() ctx: SessionContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, at most 100 (20 when absent).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' }) after?: string,
    @Arg('filter', () => SurveyWaveFilter, { nullable: true, description: 'Which waves.' }) filter?: SurveyWaveFilter,
  ) {
    return wavePage(ctx.em, filter, pageSize(first), after);
  }

  @Query(() => SurveyWaveType, { nullable: true, description: 'One wave; null when no wave has this id.' })
  async surveyWave(@Arg('id', () => ID, { description: 'Wave id.' }) id: string, @Ctx() ctx: SessionContext): Promise<SurveyWave | null> {
    return findById(ctx.em, SurveyWave, id);
  }

  @FieldResolver(() => String, { description: 'Title in the language asked for (Albanian when it has none).' })
  title(@Root() wave: SurveyWave, @Arg('lang', () => Language, { defaultValue: Language.SQ, description: 'Language.' }) lang: Language): string {
    return localized(wave.titles, lang)!;
  }

  @FieldResolver(() => SurveyWaveStatus, { description: 'Scheduled, open or closed, today (UTC).' })
  status(@Root() wave: SurveyWave): SurveyWaveStatus {
    return waveStatus(wave);
  }

  @FieldResolver(() => SurveyQuestionnaire, { description: 'The questionnaire the wave asks.' })
  async questionnaire(@Root() wave: SurveyWave, @Ctx() ctx: SessionContext): Promise<SurveyQuestionnaire> {
    return questionnaireView(questionnaireOf(wave), await ctx.catalog());
  }

  @FieldResolver(() => Int, { description: 'Organizations the wave asks.' })
  async invitedCount(@Root() wave: SurveyWave, @Ctx() ctx: SessionContext): Promise<number> {
    const [{ n }] = await ctx.em.execute(`select count(*) as n from survey_invitation where wave_id = ?`, [wave.id]);
    return Number(n);
  }

  @FieldResolver(() => Int, { description: 'Organizations that submitted their response.' })
  async submittedCount(@Root() wave: SurveyWave, @Ctx() ctx: SessionContext): Promise<number> {
    const [{ n }] = await ctx.em.execute(`select count(*) as n from survey_response where wave_id = ? and status = 'SUBMITTED'`, [wave.id]);
    return Number(n);
  }

  @Query(() => SurveyForm, { description: 'The survey form of a wave for one of your organizations (owners and editors): saved answers, or pre-filled ones.' })
  async surveyForm(
    @Arg('waveId', () => ID, { description: 'The wave.' }) waveId: string,
    @Arg('organizationId', () => ID, { description: 'Your organization.' }) organizationId: string,
    @Ctx() ctx: SessionContext,
  ): Promise<SurveyForm> {
    const orgId = String(organizationId).toLowerCase();
    requireAllowed(await ctx.actor(), 'survey.answer', isUuid(orgId) ? orgId : undefined);
    const wave = await findById(ctx.em, SurveyWave, waveId);
    if (!wave) throw new NotFoundError(`No survey wave has the id "${String(waveId).slice(0, 60)}".`);
    const [invited] = await ctx.em.execute(`select 1 from survey_invitation where wave_id = ? and organization_id = ?`, [wave.id, orgId]);
    if (!invited) throw new NotFoundError('This wave does not ask this organization.');
    const response = await ctx.em.findOne(SurveyResponse, { wave: wave.id, organization: orgId }, { populate: ['wave'] });
    const q = questionnaireOf(wave);
    const filled = response ? null : await prefill(ctx.em, q, wave.id, orgId);
    return {
      wave: wave as unknown as SurveyWaveType,
      organization: await organizationOf(ctx, orgId),
      response: response ? responseView(response) : null,
      answers: answerOutputs(q, response ? response.answers : filled!.answers),
      prefilledFromRegistry: filled?.fromRegistry ?? [],
      prefilledFromPreviousWave: filled?.fromPreviousWave ?? [],
      editable: waveStatus(wave) === SurveyWaveStatus.OPEN,
    };
  }

  @Query(() => [SurveyAssignment], { description: 'Waves that ask your organizations, newest first (empty when signed out).' })
  async mySurveys(@Ctx() ctx: SessionContext): Promise<SurveyAssignment[]> {
    const actor = await ctx.actor();
    if (!actor || !actor.memberships.size) return [];
    const rows: { wave_id: string; organization_id: string; status: SurveyResponseStatus | null }[] = await ctx.em.execute(
      `select i.wave_id, i.organization_id, r.status from survey_invitation i join survey_wave w on w.id = i.wave_id
       left join survey_response r on r.wave_id = i.wave_id and r.organization_id = i.organization_id
       where i.organization_id = any(?::uuid[]) order by w.opens_on desc, i.organization_id`,
      [pgArray([...actor.memberships.keys()])],
    );
    const waves = new Map((await ctx.em.find(SurveyWave, { id: { $in: [...new Set(rows.map((r) => r.wave_id))] } })).map((w) => [w.id, w]));
    return Promise.all(
      rows.map(async (r) => ({ wave: waves.get(r.wave_id) as unknown as SurveyWaveType, organization: await organizationOf(ctx, r.organization_id), responseStatus: r.status })),
    );
  }

  @Query(() => [SurveyNoticeType], { description: 'Your survey notices (invitations, reminders), newest first; empty when signed out.' })
  async mySurveyNotices(@Ctx() ctx: SessionContext, @Arg('unreadOnly', () => Boolean, { defaultValue: false, description: 'Only those not marked read.' }) unreadOnly: boolean): Promise<SurveyNoticeType[]> {
    const actor = await ctx.actor();
    if (!actor) return [];
    const notices = await ctx.em.find(SurveyNotice, { user: actor.user.id, ...(unreadOnly ? { readAt: null } : {}) }, { populate: ['wave'], orderBy: { createdAt: 'desc' }, limit: 100 });
    return Promise.all(notices.map(async (n) => noticeView(n, await organizationOf(ctx, n.organization.id))));
  }

  @Mutation(() => SurveyWavePayload, { description: 'Moderators and administrators: open a wave and invite the owners and editors of every organization it asks (mail and a notice in the app).' })
  async openSurveyWave(@Arg('input', () => OpenSurveyWaveInput, { description: 'The wave.' }) input: OpenSurveyWaveInput, @Ctx() ctx: SessionContext): Promise<SurveyWavePayload> {
    const r = await openWave({ ...ctx, actor: await ctx.actor(), catalog: await ctx.catalog() }, input);
    return { wave: r.value as unknown as SurveyWaveType, userErrors: r.userErrors };
  }

  @Mutation(() => SurveyReminderPayload, { description: 'Moderators and administrators: remind the members of organizations that have not submitted.' })
  async remindSurveyWave(@Arg('waveId', () => ID, { description: 'The wave.' }) waveId: string, @Ctx() ctx: SessionContext): Promise<SurveyReminderPayload> {
    const r = await remindWave({ ...ctx, actor: await ctx.actor(), catalog: await ctx.catalog() }, waveId);
    return { wave: (r.value?.wave ?? null) as unknown as SurveyWaveType, reminded: r.value?.reminded ?? 0, userErrors: r.userErrors };
  }

  @Mutation(() => SurveyWavePayload, { description: 'Moderators and administrators: close a wave before its closing date; its results become final and public.' })
  async closeSurveyWave(
    @Arg('waveId', () => ID, { description: 'The wave.' }) waveId: string,
    @Arg('version', () => Int, { description: 'The version you loaded.' }) version: number,
    @Ctx() ctx: SessionContext,
  ): Promise<SurveyWavePayload> {
    const catalog = await ctx.catalog();
    const r = await closeWave({ ...ctx, actor: await ctx.actor(), catalog }, waveId, version);
    // The results are final from now on: compute the usual breakdowns once, before anyone asks.
    if (r.value) await precomputeResults(ctx.em.fork(), catalog, r.value, loadConfig().surveyMinCell);
    return { wave: r.value as unknown as SurveyWaveType, userErrors: r.userErrors };
  }

  @Mutation(() => SurveyResponsePayload, { description: 'Owners and editors: save the answers as a draft (nothing is checked but each answer\'s type and range).' })
  async saveSurveyDraft(@Arg('input', () => SurveyResponseInput, { description: 'The answers.' }) input: SurveyResponseInput, @Ctx() ctx: SessionContext): Promise<SurveyResponsePayload> {
    const r = await saveDraft({ em: ctx.em, actor: await ctx.actor(), catalog: await ctx.catalog() }, input);
    return { response: r.value ? responseView(r.value) : null, userErrors: r.userErrors };
  }

  @Mutation(() => SurveyResponsePayload, { description: 'Owners and editors: submit the answers (required questions answered, shares adding up to 100 %); may be submitted again until the wave closes.' })
  async submitSurveyResponse(@Arg('input', () => SubmitSurveyResponseInput, { description: 'The answers.' }) input: SubmitSurveyResponseInput, @Ctx() ctx: SessionContext): Promise<SurveyResponsePayload> {
    const r = await submitResponse({ em: ctx.em, actor: await ctx.actor(), catalog: await ctx.catalog() }, input);
    return { response: r.value ? responseView(r.value) : null, userErrors: r.userErrors };
  }

  @Mutation(() => SurveyNoticePayload, { description: 'Mark one of your survey notices read.' })
  async markSurveyNoticeRead(@Arg('id', () => ID, { description: 'The notice.' }) id: string, @Ctx() ctx: SessionContext): Promise<SurveyNoticePayload> {
    const actor = await ctx.actor();
    const r = await writeTransaction(ctx.em, async (tx) => {
      if (!actor) fail(UserErrorCode.UNAUTHENTICATED, 'Sign in first: this operation needs an account.');
      const notice = isUuid(id) ? await tx.findOne(SurveyNotice, { id: id.toLowerCase(), user: actor.user.id }, { populate: ['wave'] }) : null;
      if (!notice) throw new UserErrorsException([{ code: UserErrorCode.NOT_FOUND, message: 'You have no notice with this id.', field: ['id'] }]);
      notice.readAt ??= new Date();
      return notice;
    });
    return { notice: r.value ? noticeView(r.value, await organizationOf(ctx, r.value.organization.id)) : null, userErrors: r.userErrors };
  }
}

function noticeView(n: SurveyNotice, organization: Organization): SurveyNoticeType {
  return { id: n.id, kind: n.kind, createdAt: n.createdAt, readAt: n.readAt ?? null, wave: n.wave as unknown as SurveyWaveType, organization };
}
