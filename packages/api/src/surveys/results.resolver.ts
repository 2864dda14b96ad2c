import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { can } from '../access/policy';
import type { SessionContext } from '../accounts/session-context';
import { loadConfig } from '../core/config';
import { DeniedError, NotFoundError } from '../core/errors';
import { findById } from '../core/ids';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { compare, type ComparedCell } from './comparison';
import { labelOf } from './labels';
import { responseRates, type RateCell } from './rates';
import type { Cell, Dimension, Results } from './results-compute';
import { cachedWaveResults } from './results.service';
import { SurveyDimension, SurveyWaveStatus } from './survey.enums';
import { SurveyWave } from './survey.entity';
import { SurveyResultsFilter } from './survey.inputs';
import { SurveyCell, SurveyComparison, SurveyComparisonCell, SurveyRateCell, SurveyResponseRates, SurveyResults } from './results.types';
import { SurveyWaveType } from './survey.types';
import { waveStatus } from './wave-status';

const minCell = () => loadConfig().surveyMinCell;

async function waveOf(ctx: SessionContext, id: string, field: string): Promise<SurveyWave> {
  const wave = await findById(ctx.em, SurveyWave, id);
  if (!wave) throw new NotFoundError(`No survey wave has the id "${String(id).slice(0, 60)}" (${field}).`);
  return wave;
}

/** Results are public once a wave closes; while it is open only moderators and administrators see them (a moving total invites differencing). */
async function requireReadable(ctx: SessionContext, wave: SurveyWave): Promise<void> {
  if (waveStatus(wave) === SurveyWaveStatus.CLOSED) return;
  if (can(await ctx.actor(), 'survey.manage')) return;
  throw new DeniedError('FORBIDDEN', `The results of this wave are published when it closes (${wave.closesOn}).`);
}

function waveResults(ctx: SessionContext, wave: SurveyWave, groupBy: Dimension[], filter: SurveyResultsFilter | null | undefined): Promise<Results> {
  return ctx.catalog().then((catalog) => cachedWaveResults(ctx.em, catalog, wave, groupBy, filter, minCell()));
}

const keyOf = (groupBy: Dimension[], codes: string[], catalog: ReferenceCatalog) =>
  codes.map((code, i) => ({ dimension: groupBy[i] as SurveyDimension, code, label: labelOf(groupBy[i], code, catalog) }));

function cellView(cell: Cell, groupBy: Dimension[], catalog: ReferenceCatalog): SurveyCell {
  return { ...cell, key: keyOf(groupBy, cell.key.map((k) => k.code), catalog), suppressed: cell.suppressed as SurveyCell['suppressed'] } as SurveyCell;
}

function comparedView(cell: ComparedCell, groupBy: Dimension[], catalog: ReferenceCatalog): SurveyComparisonCell {
  return {
    key: keyOf(groupBy, cell.codes, catalog),
    from: cell.from && cellView(cell.from, groupBy, catalog),
    to: cell.to && cellView(cell.to, groupBy, catalog),
    respondentsChange: cell.respondentsChange,
    changes: cell.changes,
  };
}

@Resolver(() => SurveyWaveType)
export class SurveyResultsResolver {
  @Query(() => SurveyResults, { description: 'Aggregated figures of a closed wave (moderators also see open ones): cells of fewer than SURVEY_MIN_CELL responding organizations withheld with their complements; free text never.' })
  async surveyResults(
    @Arg('wave', () => ID, { description: 'Wave id.' }) waveId: string,
    @Arg('groupBy', () => [SurveyDimension], { defaultValue: [], description: 'Up to two dimensions; none gives the total only.' }) groupBy: SurveyDimension[],
    @Arg('filter', () => SurveyResultsFilter, { nullable: true, description: 'Only organizations matching it.' }) filter: SurveyResultsFilter | null,
    @Ctx() ctx: SessionContext,
  ): Promise<SurveyResults> {
    const wave = await waveOf(ctx, waveId, 'wave');
    await requireReadable(ctx, wave);
    const dims = groupBy as Dimension[];
    const results = await waveResults(ctx, wave, dims, filter);
    const catalog = await ctx.catalog();
    return {
      wave: wave as unknown as SurveyWaveType,
      groupBy,
      minCell: results.minCell,
      final: waveStatus(wave) === SurveyWaveStatus.CLOSED,
      total: cellView(results.total, dims, catalog),
      cells: results.cells.map((c) => cellView(c, dims, catalog)),
    };
  }

  @Query(() => SurveyComparison, { description: 'Two waves side by side by the questions they share: each cell in both, and the change where both are published.' })
  async surveyComparison(
    @Arg('from', () => ID, { description: 'The earlier wave.' }) fromId: string,
    @Arg('to', () => ID, { description: 'The later wave.' }) toId: string,
    @Arg('groupBy', () => [SurveyDimension], { defaultValue: [], description: 'Up to two dimensions.' }) groupBy: SurveyDimension[],
    @Arg('filter', () => SurveyResultsFilter, { nullable: true, description: 'Only organizations matching it, in both waves.' }) filter: SurveyResultsFilter | null,
    @Ctx() ctx: SessionContext,
  ): Promise<SurveyComparison> {
    const [from, to] = await Promise.all([waveOf(ctx, fromId, 'from'), waveOf(ctx, toId, 'to')]);
    await requireReadable(ctx, from);
    await requireReadable(ctx, to);
    const dims = groupBy as Dimension[];
    const compared = compare(await waveResults(ctx, from, dims, filter), await waveResults(ctx, to, dims, filter));
    const catalog = await ctx.catalog();
    return {
      from: from as unknown as SurveyWaveType,
      to: to as unknown as SurveyWaveType,
      groupBy,
      questions: compared.questions,
      total: comparedView(compared.total, dims, catalog),
      cells: compared.cells.map((c) => comparedView(c, dims, catalog)),
    };
  }

  @FieldResolver(() => SurveyResponseRates, { description: 'Invited and responding organizations by a dimension. Moderators and administrators see every count at any time; others see a closed wave\'s, with small cells withheld.' })
  async responseRates(
    @Root() wave: SurveyWave,
    @Arg('groupBy', () => SurveyDimension, { nullable: true, description: 'The breakdown; the total only when absent.' }) groupBy: SurveyDimension | null,
    @Ctx() ctx: SessionContext,
  ): Promise<SurveyResponseRates> {
    const staff = can(await ctx.actor(), 'survey.manage');
    if (!staff && waveStatus(wave) !== SurveyWaveStatus.CLOSED) throw new DeniedError('FORBIDDEN', `Response rates of this wave are published when it closes (${wave.closesOn}).`);
    const rates = await responseRates(ctx.em, wave.id, groupBy as Dimension | null, { publicView: !staff, minCell: minCell() });
    const catalog = await ctx.catalog();
    const view = (c: RateCell): SurveyRateCell => ({ ...c, key: groupBy ? keyOf([groupBy as Dimension], c.codes, catalog) : [], suppressed: c.suppressed as SurveyRateCell['suppressed'] });
    return { groupBy: groupBy ?? null, total: view(rates.total), cells: rates.cells.map(view) };
  }
}
