import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfig } from '../core/config';
import { loadReferenceCatalog } from '../reference/reference-catalog';
import { precomputeResults } from '../surveys/results.service';
import { SurveyWave } from '../surveys/survey.entity';
import { inviteRoster } from '../surveys/roster';
import { DemoRandom } from './demo-random';

/**
 * Two fictional waves of the mapping survey for the demo organizations: 2022 (questionnaire 2022.1,
 * with the COVID-19 section) and 2024 (2024.1), both closed, both isDemo. About 60 % of the demo
 * organizations answer 2022 and 70 % answer 2024 (more often those that answered before); answers
 * agree with the registry (staff, budget band, funding mix, services, licences) and with each other
 * (shares add up to 100, a waiting-list size only with a waiting list, 2024 grows from 2022).
 */
export interface Facts {
  id: string;
  staff_count: number | null;
  volunteer_count: number | null;
  budget_band: string | null;
  funding: [number, number, number, number] | null;
  categories: string[];
  target_groups: string[];
  capacity: number | null;
  licensed: boolean;
}

type Answers = Record<string, unknown>;

const WAVES = [
  { year: 2022, version: '2022.1', opensOn: '2022-03-01', closesOn: '2022-05-31', share: 0.62, titles: ['Hartëzimi i OSHC-ve ofruese të shërbimeve 2022 (demo)', 'Mapiranje OCD pružalaca usluga 2022 (demo)', 'Mapping of CSO service providers 2022 (demo)'] },
  { year: 2024, version: '2024.1', opensOn: '2024-03-01', closesOn: '2024-05-31', share: 0.7, titles: ['Hartëzimi i OSHC-ve ofruese të shërbimeve 2024 (demo)', 'Mapiranje OCD pružalaca usluga 2024 (demo)', 'Mapping of CSO service providers 2024 (demo)'] },
] as const;

const BANDS = ['UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_100K', 'FROM_100K_TO_500K', 'OVER_500K'];
const BARRIERS = ['no_calls', 'complex_procedures', 'short_deadlines', 'late_payment', 'cofinancing', 'licence_required', 'unclear_rules'];
const LICENSING_BARRIERS = ['cost', 'documentation', 'staff_standards', 'premises', 'slow_procedure', 'unclear_criteria'];
const CHALLENGES = ['funding', 'staff_retention', 'premises', 'equipment', 'contracting', 'licensing', 'recognition'];
const NEEDS = ['core_funding', 'multi_year_contracts', 'training', 'equipment', 'networking', 'digital_tools'];

export async function demoFacts(em: EntityManager): Promise<Facts[]> {
  const rows: any[] = await em.execute(
    `select o.id, o.staff_count, o.volunteer_count, o.budget_band, o.funding_public_pct, o.funding_foreign_pct, o.funding_own_pct, o.funding_other_pct,
      array(select distinct coalesce(p.code, c.code) from service s join service_category_link l on l.service_id = s.id join service_category c on c.id = l.category_id
        left join service_category p on p.id = c.parent_id where s.organization_id = o.id and s.status = 'ACTIVE' order by 1) as categories,
      array(select distinct g.code from service s join service_target_group sg on sg.service_id = s.id join target_group g on g.id = sg.target_group_id
        where s.organization_id = o.id and s.status = 'ACTIVE' order by 1) as target_groups,
      (select sum(s.capacity_per_year)::int from service s where s.organization_id = o.id and s.status = 'ACTIVE') as capacity,
      exists (select 1 from licence l where l.organization_id = o.id) as licensed
     from organization o where o.is_demo and o.status = 'ACTIVE' order by o.id`,
  );
  return rows.map((r) => ({
    ...r,
    funding: r.funding_public_pct === null ? null : [r.funding_public_pct, r.funding_foreign_pct, r.funding_own_pct, r.funding_other_pct],
  }));
}

function fundingShares(r: DemoRandom, facts: Facts, drift: number): Record<string, number> {
  const base = facts.funding ?? [r.int(0, 6) * 10, r.int(0, 4) * 10, 0, 0];
  let [pub, foreign] = base;
  pub = Math.max(0, Math.min(100, pub + drift));
  foreign = Math.max(0, Math.min(100 - pub, foreign - Math.round(drift / 2)));
  const own = facts.funding ? Math.max(0, Math.min(100 - pub - foreign, base[2])) : Math.round((100 - pub - foreign) * 0.7);
  return { public: pub, foreign, own, other: 100 - pub - foreign - own };
}

function capacityAnswers(r: DemoRandom, facts: Facts, previous: Answers | undefined, year: number): Answers {
  const grow = (n: number) => Math.max(0, Math.round(n * r.between(0.9, 1.3)));
  const staff = previous ? grow(previous.staff_paid as number) : (facts.staff_count ?? r.int(0, 25));
  const volunteers = previous ? grow((previous.volunteers as number) ?? 0) : (facts.volunteer_count ?? r.int(0, 40));
  const bandIndex = Math.max(0, BANDS.indexOf(facts.budget_band ?? BANDS[Math.min(4, Math.floor(staff / 8))]));
  const band = previous && r.chance(0.2) ? BANDS[Math.min(4, bandIndex + 1)] : BANDS[bandIndex];
  return {
    staff_paid: staff,
    volunteers,
    budget_band: band,
    // Public funding grew after 2022 in the fiction: the contracting reform the report recommended.
    funding_shares: fundingShares(r, facts, year === 2024 ? r.int(0, 2) * 10 : 0),
  };
}

function serviceAnswers(r: DemoRandom, facts: Facts, staff: number): Answers {
  const total = facts.capacity ?? Math.max(5, staff * r.int(8, 40));
  const groups = facts.target_groups.length ? facts.target_groups : ['families-in-need'];
  const byGroup: Record<string, number> = {};
  let left = total;
  groups.forEach((g, i) => {
    const n = i === groups.length - 1 ? left : Math.round(left * r.between(0.2, 0.7));
    byGroup[g] = n;
    left -= n;
  });
  const waiting = r.chance(0.45);
  return {
    service_categories: facts.categories.length ? facts.categories : ['counselling'],
    beneficiaries_total: total,
    beneficiaries_by_target_group: byGroup,
    waiting_list: waiting,
    ...(waiting ? { waiting_list_size: r.int(3, Math.max(4, Math.round(total / 4))) } : {}),
    capacity_used_pct: r.int(waiting ? 85 : 40, 100),
  };
}

function contractingAnswers(r: DemoRandom, facts: Facts, year: number): Answers {
  const contracts = r.chance(year === 2024 ? 0.5 : 0.38);
  return {
    public_contracts: contracts,
    ...(contracts ? { public_contracts_count: r.int(1, 4), payment_delays: r.pick(['none', 'under_3_months', 'under_3_months', '3_to_6_months', 'over_6_months']) } : {}),
    contracting_barriers: r.sample(BARRIERS, r.int(1, 3)).sort(),
    licensed: facts.licensed ? 'licensed' : r.pick(['applying', 'not_licensed', 'not_required']),
    ...(facts.licensed && r.chance(0.6) ? {} : { licensing_barriers: r.sample(LICENSING_BARRIERS, r.int(1, 3)).sort() }),
  };
}

function shockAnswers(r: DemoRandom): Answers {
  const suspended = r.chance(0.35);
  return {
    shock_suspended: suspended,
    shock_reduced: suspended || r.chance(0.6),
    shock_online: r.chance(0.45),
    shock_beneficiaries_change_pct: suspended ? r.int(-80, -20) : r.int(-30, 25),
    shock_revenue_change_pct: r.int(-50, 10),
    shock_staff_change_pct: r.int(-30, 5),
  };
}

export function answersFor(r: DemoRandom, facts: Facts, year: number, previous: Answers | undefined): Answers {
  const capacity = capacityAnswers(r, facts, previous, year);
  const challenges = ['funding', ...r.sample(CHALLENGES.slice(1), r.int(0, 3))];
  return {
    ...capacity,
    ...serviceAnswers(r, facts, capacity.staff_paid as number),
    ...contractingAnswers(r, facts, year),
    ...(year === 2022 ? shockAnswers(r) : {}),
    main_challenges: [...new Set(challenges)].sort(),
    needs: r.sample(NEEDS, r.int(1, 3)).sort(),
    challenges_text: 'Tekst demonstrues: sfidat e organizatës (demo, fiktive).',
  };
}

/** Adds the two demo waves once; returns the number of demo responses written (0 when they exist already). */
export async function generateDemoSurveys(em: EntityManager, seed: number): Promise<number> {
  const [{ n }] = await em.execute(`select count(*)::int as n from survey_wave where is_demo`);
  if (n > 0) return 0;
  const facts = await demoFacts(em);
  if (!facts.length) return 0;
  const r = new DemoRandom((seed ^ 0x5eed_2022) >>> 0);
  const previous = new Map<string, Answers>();
  let written = 0;
  await em.transactional(async (tx) => {
    for (const wave of WAVES) {
      const waveId = r.uuid();
      await tx.execute(
        `insert into survey_wave (id, year, title_sq, title_sr, title_en, questionnaire_version, opens_on, closes_on, is_demo, results_generation, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, true, 1, ?::timestamptz, ?::timestamptz)`,
        [waveId, wave.year, ...wave.titles, wave.version, wave.opensOn, wave.closesOn, `${wave.opensOn}T08:00:00Z`, `${wave.opensOn}T08:00:00Z`],
      );
      await inviteRoster(tx, waveId, { organizationIds: facts.map((f) => f.id) });
      const responses = [];
      for (const f of facts) {
        const before = previous.get(f.id);
        if (!r.chance(before ? wave.share + 0.15 : wave.share)) continue;
        const answers = answersFor(r, f, wave.year, before);
        previous.set(f.id, answers);
        const day = new Date(Date.parse(`${wave.opensOn}T09:00:00Z`) + r.int(0, 80) * 86_400_000).toISOString();
        responses.push({ id: r.uuid(), wave_id: waveId, organization_id: f.id, answers, budget_band: answers.budget_band, submitted_at: day });
      }
      await tx.execute(
        `insert into survey_response (id, wave_id, organization_id, status, answers, budget_band, submitted_at, created_at, updated_at)
         select x.id, x.wave_id, x.organization_id, 'SUBMITTED', x.answers, x.budget_band, x.submitted_at, x.submitted_at, x.submitted_at
         from jsonb_to_recordset(?::jsonb) as x(id uuid, wave_id uuid, organization_id uuid, answers jsonb, budget_band text, submitted_at timestamptz)`,
        [JSON.stringify(responses)],
      );
      written += responses.length;
    }
  });
  // Closed waves: their results are computed once, as closing a wave does.
  const catalog = await loadReferenceCatalog(em);
  for (const wave of await em.fork().find(SurveyWave, { isDemo: true })) await precomputeResults(em.fork(), catalog, wave, loadConfig().surveyMinCell);
  return written;
}
