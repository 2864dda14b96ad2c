import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, authorize } from '../access/policy';
import { isUuid } from '../core/ids';
import { fail, staleVersion, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import { Validator } from '../core/validation';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { RevisionAction } from '../revisions/revision.entity';
import { applyAndRecord, loadOrganization, organizationPatch } from '../revisions/editing.service';
import { organizationSpec } from '../revisions/entity-specs';
import { type Answers, SurveyInvitation, SurveyResponse, type SurveyWave } from './survey.entity';
import { validateAnswers } from './answers';
import { questionnaire, type Questionnaire } from './questionnaire';
import { SurveyResponseStatus, SurveyWaveStatus } from './survey.enums';
import type { SubmitSurveyResponseInput, SurveyResponseInput } from './survey.inputs';
import { loadWave } from './wave.service';
import { waveStatus } from './wave-status';

export interface ResponseContext {
  em: EntityManager;
  actor: Actor | null;
  catalog: ReferenceCatalog;
}

export function questionnaireOf(wave: SurveyWave): Questionnaire {
  const q = questionnaire(wave.questionnaireVersion);
  if (!q) throw new Error(`wave ${wave.id} names unknown questionnaire ${wave.questionnaireVersion}`);
  return q;
}

/** The wave and the invitation an answering member needs, or the error that says why not. */
export async function answerable(em: EntityManager, actor: Actor | null, waveId: string, organizationId: string): Promise<{ actor: Actor; wave: SurveyWave }> {
  if (!isUuid(organizationId)) fail(UserErrorCode.NOT_FOUND, `No organization has the id "${String(organizationId).slice(0, 60)}".`, ['input', 'organizationId']);
  const member = authorize(actor, 'survey.answer', organizationId.toLowerCase());
  const wave = await loadWave(em, waveId);
  const invitation = await em.findOne(SurveyInvitation, { wave: wave.id, organization: organizationId.toLowerCase() }, { fields: ['id'] });
  if (!invitation) fail(UserErrorCode.NOT_FOUND, 'This wave does not ask this organization.', ['input', 'organizationId']);
  return { actor: member, wave };
}

function requireOpen(wave: SurveyWave): void {
  const status = waveStatus(wave);
  if (status === SurveyWaveStatus.SCHEDULED) fail(UserErrorCode.INVALID_INPUT, `This wave opens on ${wave.opensOn}.`, ['input', 'waveId']);
  if (status === SurveyWaveStatus.CLOSED) fail(UserErrorCode.INVALID_INPUT, `This wave closed${wave.closedAt ? '' : ` on ${wave.closesOn}`}: answers can no longer change.`, ['input', 'waveId']);
}

/**
 * The response row to write: the existing one at the version the client loaded, or a new one. A new
 * one is inserted with ON CONFLICT DO NOTHING, so when two members (or two tabs) save the first
 * answers at once exactly one insert wins and the other is told to reload: one response per
 * organization per wave, held by the unique key.
 */
async function responseForWrite(tx: EntityManager, wave: SurveyWave, organizationId: string, version: number | null | undefined): Promise<SurveyResponse> {
  const existing = await tx.findOne(SurveyResponse, { wave: wave.id, organization: organizationId });
  if (existing) {
    if (version === null || version === undefined) staleVersion('survey response', 0, existing.version);
    if (existing.version !== version) staleVersion('survey response', version, existing.version);
    return existing;
  }
  if (version !== null && version !== undefined) staleVersion('survey response', version, 0);
  const rows = await tx.execute(
    `insert into survey_response (id, wave_id, organization_id) values (?, ?, ?) on conflict (wave_id, organization_id) do nothing returning id`,
    [randomUUID(), wave.id, organizationId],
  );
  if (!rows.length) fail(UserErrorCode.STALE_VERSION, 'Someone else from your organization saved this survey at the same moment. Reload it and apply your change again.', ['input', 'version']);
  return tx.findOneOrFail(SurveyResponse, { id: rows[0].id });
}

async function save(ctx: ResponseContext, input: SurveyResponseInput, submit: boolean, after?: (tx: EntityManager, actor: Actor, wave: SurveyWave, answers: Answers) => Promise<void>) {
  return writeTransaction(ctx.em, async (tx) => {
    const { actor, wave } = await answerable(tx, ctx.actor, input.waveId, input.organizationId);
    requireOpen(wave);
    const organizationId = input.organizationId.toLowerCase();
    const { answers, v } = validateAnswers(questionnaireOf(wave), input.answers ?? [], ctx.catalog, { submit });
    if (!v.ok) throw new UserErrorsException(v.errors);
    const response = await responseForWrite(tx, wave, organizationId, input.version);
    if (!submit && response.status === SurveyResponseStatus.SUBMITTED) {
      fail(UserErrorCode.INVALID_INPUT, 'This response is submitted: submit your changes (they replace the submitted answers).', ['input']);
    }
    Object.assign(response, { answers, budgetBand: typeof answers.budget_band === 'string' ? answers.budget_band : null, updatedBy: actor.user.id, updatedAt: new Date() });
    if (submit) {
      Object.assign(response, { status: SurveyResponseStatus.SUBMITTED, submittedAt: new Date(), submittedBy: actor.user.id });
      // Results of this wave computed before this submit are stale now (results-cache.ts).
      await tx.execute(`update survey_wave set results_generation = results_generation + 1 where id = ?`, [wave.id]);
    }
    await after?.(tx, actor, wave, answers);
    return response;
  });
}

export function saveDraft(ctx: ResponseContext, input: SurveyResponseInput): Promise<WriteResult<SurveyResponse>> {
  return save(ctx, input, false);
}

/** Submits; with writeBackToProfile the capacity figures also go to the profile, as an ordinary audited edit in the same transaction. */
export function submitResponse(ctx: ResponseContext, input: SubmitSurveyResponseInput): Promise<WriteResult<SurveyResponse>> {
  return save(ctx, input, true, async (tx, actor, wave, answers) => {
    if (!input.writeBackToProfile) return;
    authorize(actor, 'organization.edit', input.organizationId.toLowerCase());
    const organization = await loadOrganization(tx, input.organizationId.toLowerCase());
    const shares = answers.funding_shares as Record<string, number> | undefined;
    const v = new Validator();
    const patch = organizationPatch(
      {
        staffCount: answers.staff_paid as number | undefined,
        volunteerCount: answers.volunteers as number | undefined,
        budgetBand: answers.budget_band as any,
        fundingMix: shares ? { publicSources: shares.public ?? 0, foreignDonors: shares.foreign ?? 0, ownRevenue: shares.own ?? 0, other: shares.other ?? 0 } : undefined,
      } as any,
      v,
      false,
    );
    if (!v.ok) throw new UserErrorsException(v.errors);
    for (const key of Object.keys(patch)) if (patch[key] === undefined) delete patch[key];
    await applyAndRecord(tx, organizationSpec, organization, patch, { tx, catalog: ctx.catalog }, {
      authorId: actor.user.id,
      action: RevisionAction.UPDATE,
      reason: `Capacity figures from the survey "${wave.titles.en ?? wave.titles.sq}" (${wave.year})`,
    });
  });
}
