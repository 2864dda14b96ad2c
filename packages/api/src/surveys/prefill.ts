import type { EntityManager } from '@mikro-orm/postgresql';
import type { Answers } from './survey.entity';
import { type Questionnaire, questionsOf } from './questionnaire';

export interface Prefilled {
  answers: Answers;
  /** Question codes filled from the registry. */
  fromRegistry: string[];
  /** Question codes filled from the organization's previous submitted response. */
  fromPreviousWave: string[];
}

/** Sections about one year's events are asked afresh each wave, never carried over. */
const NOT_CARRIED = new Set(['shock']);

interface RegistryFacts {
  staff_count: number | null;
  volunteer_count: number | null;
  budget_band: string | null;
  funding_public_pct: number | null;
  funding_foreign_pct: number | null;
  funding_own_pct: number | null;
  funding_other_pct: number | null;
  categories: string[];
  capacity: string | null;
}

async function registryFacts(em: EntityManager, organizationId: string): Promise<RegistryFacts | undefined> {
  const [row] = await em.execute(
    `select o.staff_count, o.volunteer_count, o.budget_band, o.funding_public_pct, o.funding_foreign_pct, o.funding_own_pct, o.funding_other_pct,
      array(select distinct coalesce(p.code, c.code) from service s join service_category_link scl on scl.service_id = s.id
        join service_category c on c.id = scl.category_id left join service_category p on p.id = c.parent_id
        where s.organization_id = o.id and s.status = 'ACTIVE' order by 1) as categories,
      (select sum(s.capacity_per_year) from service s where s.organization_id = o.id and s.status = 'ACTIVE') as capacity
     from organization o where o.id = ?`,
    [organizationId],
  );
  return row as RegistryFacts | undefined;
}

function fromRegistry(q: Questionnaire, facts: RegistryFacts): Answers {
  const answers: Answers = {};
  const funding = [facts.funding_public_pct, facts.funding_foreign_pct, facts.funding_own_pct, facts.funding_other_pct];
  for (const question of questionsOf(q)) {
    let value: Answers[string] | null | undefined;
    switch (question.prefill) {
      case 'staffCount':
        value = facts.staff_count;
        break;
      case 'volunteerCount':
        value = facts.volunteer_count;
        break;
      case 'budgetBand':
        value = facts.budget_band;
        break;
      case 'fundingMix':
        // Only a complete mix: a partial one would fail the 100 % rule the editor then has to untangle.
        if (funding.every((n) => typeof n === 'number') && funding.reduce((a, b) => a! + b!, 0) === 100) {
          value = { public: funding[0]!, foreign: funding[1]!, own: funding[2]!, other: funding[3]! };
        }
        break;
      case 'serviceCategories':
        value = facts.categories.length ? facts.categories : undefined;
        break;
      case 'serviceCapacity':
        value = facts.capacity === null ? undefined : Number(facts.capacity);
        break;
    }
    if (value !== null && value !== undefined) answers[question.code] = value;
  }
  return answers;
}

/**
 * A first draft for an organization that has not saved one: its previous submitted answers (same
 * question codes, except sections about one year's events), then what the registry knows on top,
 * since the registry is what the organization keeps current.
 */
export async function prefill(em: EntityManager, q: Questionnaire, waveId: string, organizationId: string): Promise<Prefilled> {
  const [previous] = await em.execute(
    `select r.answers from survey_response r join survey_wave w on w.id = r.wave_id
     where r.organization_id = ? and r.status = 'SUBMITTED' and r.wave_id <> ?
       and w.opens_on < (select opens_on from survey_wave where id = ?)
     order by w.opens_on desc limit 1`,
    [organizationId, waveId, waveId],
  );
  const carried: Answers = {};
  const previousAnswers = (previous?.answers ?? {}) as Answers;
  for (const section of q.sections) {
    if (NOT_CARRIED.has(section.code)) continue;
    for (const question of section.questions) {
      if (question.type !== 'TEXT' && previousAnswers[question.code] !== undefined) carried[question.code] = previousAnswers[question.code];
    }
  }
  const facts = await registryFacts(em, organizationId);
  const registry = facts ? fromRegistry(q, facts) : {};
  return {
    answers: { ...carried, ...registry },
    fromRegistry: Object.keys(registry),
    fromPreviousWave: Object.keys(carried).filter((code) => !(code in registry)),
  };
}
