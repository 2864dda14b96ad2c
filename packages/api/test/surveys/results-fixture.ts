import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrganizations } from '../support/fixtures';

/** mulberry32: a small seeded generator, so the fixture is the same on every run. */
function seeded(seed: number): (lo: number, hi: number) => number {
  let a = seed >>> 0;
  return (lo, hi) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return lo + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (hi - lo + 1));
  };
}

/** Where the fixture's organizations sit: suhareke has 4, a cell the disclosure rule must hide. */
export const MUNICIPALITY_SIZES: Record<string, number> = { prizren: 12, suhareke: 4, peje: 9, gjakove: 7, prishtine: 8 };
const REGION_OF: Record<string, string> = { prizren: 'prizren', suhareke: 'prizren', peje: 'peje', gjakove: 'gjakove', prishtine: 'prishtine' };
const CATEGORIES = ['counselling.family', 'residential.children', 'day-care.elderly', 'community.home-care'];
const SEAT: Record<string, [number, number]> = { prizren: [42.21, 20.74], suhareke: [42.36, 20.82], peje: [42.66, 20.29], gjakove: [42.38, 20.43], prishtine: [42.66, 21.16] };
const BANDS = ['UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_100K', 'FROM_100K_TO_500K'];
const CHALLENGES = ['funding', 'staff_retention', 'premises', 'equipment', 'contracting'];

export interface FixtureOrg {
  id: string;
  municipality: string;
  region: string;
  categories: string[];
}

export async function createResultOrganizations(em: EntityManager, seed = 7): Promise<FixtureOrg[]> {
  const int = seeded(seed);
  const pick = (n: number) => int(0, n - 1);
  const specs = Object.entries(MUNICIPALITY_SIZES).flatMap(([municipality, n]) =>
    Array.from({ length: n }, (_, i) => {
      const first = CATEGORIES[pick(CATEGORIES.length)];
      const second = pick(3) === 0 ? CATEGORIES[pick(CATEGORIES.length)] : first;
      return { municipality, sq: `Org ${municipality} ${i}`, categories: [...new Set([first, second])] };
    }),
  );
  const orgs = await createOrganizations(
    em,
    specs.map((s) => ({
      sq: s.sq,
      sites: [{ municipality: s.municipality, lat: SEAT[s.municipality][0], lng: SEAT[s.municipality][1] }],
      services: s.categories.map((c) => ({ name: c, categories: [c], targetGroups: ['youth'] })),
    })),
  );
  return orgs.map((o, i) => ({
    id: o.id,
    municipality: specs[i].municipality,
    region: REGION_OF[specs[i].municipality],
    categories: [...new Set(specs[i].categories.map((c) => c.split('.')[0]))].sort(),
  }));
}

/** Plausible answers to 2024.1, one object per organization, reproducible from the seed; free text carries a marker. */
export function fixtureAnswers(count: number, seed: number): Record<string, unknown>[] {
  const int = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const publicShare = int(0, 10) * 10;
    const foreign = int(0, (100 - publicShare) / 10) * 10;
    const waiting = int(0, 2) > 0;
    const answers: Record<string, unknown> = {
      staff_paid: int(0, 40),
      volunteers: int(0, 60),
      budget_band: BANDS[int(0, BANDS.length - 1)],
      funding_shares: { public: publicShare, foreign, own: 100 - publicShare - foreign, other: 0 },
      service_categories: ['counselling'],
      beneficiaries_total: int(10, 900),
      beneficiaries_by_target_group: { youth: int(0, 300), elderly: int(0, 100) },
      waiting_list: waiting,
      public_contracts: int(0, 1) === 1,
      licensed: ['licensed', 'applying', 'not_licensed'][int(0, 2)],
      main_challenges: [...new Set([CHALLENGES[int(0, 4)], CHALLENGES[int(0, 4)]])].sort(),
      challenges_text: `SECRET-TEXT-${seed}-${i}`,
    };
    if (waiting) answers.waiting_list_size = int(1, 80);
    if (int(0, 3) === 0) delete answers.volunteers;
    return answers;
  });
}

/** Writes submitted responses straight into the table (the answering path has its own tests). */
export async function insertSubmitted(em: EntityManager, waveId: string, orgs: FixtureOrg[], answers: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, org] of orgs.entries()) {
    const [row] = await em.execute(
      `insert into survey_response (id, wave_id, organization_id, status, answers, budget_band, submitted_at) values (gen_random_uuid(), ?, ?, 'SUBMITTED', ?::jsonb, ?, now()) returning id`,
      [waveId, org.id, JSON.stringify(answers[i]), answers[i].budget_band],
    );
    ids.push(row.id);
  }
  await em.execute(`update survey_wave set results_generation = results_generation + 1 where id = ?`, [waveId]);
  return ids;
}
