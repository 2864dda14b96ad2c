import type { EntityManager } from '@mikro-orm/postgresql';
import type { Dimension } from './results-compute';
import { dimsOf } from './results.service';
import { suppressCells } from './suppression';

export interface RateCell {
  codes: string[];
  invited: number;
  started: number | null;
  submitted: number | null;
  rate: number | null;
  suppressed: 'PRIMARY' | 'COMPLEMENTARY' | null;
}

/**
 * Invited, started and submitted organizations of a wave by one dimension. Moderators see every
 * count; the public sees submitted counts under the same disclosure control as the results (a
 * municipality where 2 of 3 answered says little, but 2 is a cell of 2).
 */
export async function responseRates(em: EntityManager, waveId: string, groupBy: Dimension | null, options: { publicView: boolean; minCell: number }): Promise<{ total: RateCell; cells: RateCell[] }> {
  const rows: { region_code: string | null; municipality_code: string | null; category_codes: string[]; target_group_codes: string[]; legal_form: string; budget_band: string | null; status: string | null }[] =
    await em.execute(
      `select i.region_code, i.municipality_code, i.category_codes, i.target_group_codes, i.legal_form, r.budget_band, r.status
       from survey_invitation i left join survey_response r on r.wave_id = i.wave_id and r.organization_id = i.organization_id
       where i.wave_id = ?`,
      [waveId],
    );
  const counts = new Map<string, { invited: number; started: number; submitted: number }>();
  const total = { invited: 0, started: 0, submitted: 0 };
  const add = (c: typeof total, status: string | null) => {
    c.invited++;
    if (status) c.started++;
    if (status === 'SUBMITTED') c.submitted++;
  };
  for (const row of rows) {
    add(total, row.status);
    if (!groupBy) continue;
    for (const code of dimsOf(row)[groupBy]) {
      if (!counts.has(code)) counts.set(code, { invited: 0, started: 0, submitted: 0 });
      add(counts.get(code)!, row.status);
    }
  }
  const codes = [...counts.keys()].sort();
  const hidden = options.publicView ? suppressCells(codes.map((id) => ({ id, n: counts.get(id)!.submitted, lines: ['all'] })), options.minCell) : new Map();
  const cellOf = (key: string[], c: typeof total, suppressed: RateCell['suppressed']): RateCell => ({
    codes: key,
    invited: c.invited,
    started: options.publicView ? null : c.started,
    submitted: suppressed ? null : c.submitted,
    rate: suppressed || !c.invited ? null : Math.round((c.submitted / c.invited) * 10_000) / 10_000,
    suppressed,
  });
  const totalHidden = options.publicView && total.submitted > 0 && total.submitted < options.minCell ? 'PRIMARY' : null;
  return { total: cellOf([], total, totalHidden), cells: codes.map((code) => cellOf([code], counts.get(code)!, hidden.get(code) ?? null)) };
}
