import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageQuery as CoverageResult } from '../gql/graphql';
import {
  buildScale,
  byRegion,
  coverageCsv,
  coverageHref,
  coverageOrganizationFilter,
  defaultDir,
  legendEntries,
  parseCoverageQuery,
  sortRows,
  toCoverageFilter,
  GAP_FILL,
  GAP_STROKE,
  SORT_KEYS,
  type ColourScale,
  type CoverageRow,
  type CoverageState,
  type SortKey,
} from './coverage';
import { formatDate, formatNumber } from '../shared/format/format';
import { useConfig } from '../shared/api/config';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, localeTag, type Lang } from '../shared/i18n/lang';
import { formatDecimal } from '../shared/format/numbers';
import { useBoundaryShapes } from '../shared/map/boundaries';
import { CoverageQuery } from './operations';
import { useRefData } from '../shared/refdata';
import { navigate } from '../shared/router/router';
import { CoverageMap, type CoverageMapRow } from './CoverageMap';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { LoadError } from '../shared/ui/LoadError';
import { CategoryOptgroups, CodeOptions } from '../shared/ui/RefOptions';
import { FilterSelect, TargetGroupChecklist } from '../shared/ui/FilterFields';
import { ExportLinks } from '../shared/ui/ExportLinks';
import { TableScroll } from '../shared/ui/TableScroll';

/** The report's rows for one category: a gap is a municipality the API lists as one, or without providers. */
function coverageRows(data: CoverageResult, category: string): CoverageMapRow[] {
  const gaps = new Set(data.coverage.gaps.filter((g) => g.category.code === category).map((g) => g.municipality.code));
  return data.coverage.cells
    .filter((c) => c.category.code === category)
    .map((c) => ({
      code: c.municipality.code,
      name: c.municipality.name,
      regionCode: c.municipality.region.code,
      regionName: c.municipality.region.name,
      population: c.municipality.population,
      providers: c.providers,
      sites: c.sites,
      per10k: c.providersPer10k,
      nearestKm: c.nearestSiteKm ?? null,
      gap: gaps.has(c.municipality.code) || c.providers === 0,
      seat: c.municipality.seat,
    }));
}

export function CoveragePage({ search, lang }: { search: string; lang: Lang }) {
  const { t } = useTranslation();
  const { data: ref, error: refError, retry: refRetry } = useRefData();
  const state = useMemo(() => parseCoverageQuery(search), [search]);
  const category = state.category ?? ref?.categoryTree[0]?.code ?? null;
  const filter = category ? toCoverageFilter(state, category) : null;
  const q = useGqlQuery(CoverageQuery, { filter, lang: apiLang(lang) }, { enabled: Boolean(filter) });
  const headingId = useId();
  const shapes = useBoundaryShapes();
  // the coverage report counts demo records (the API's default): say so when the product serves them
  const config = useConfig();

  const set = (patch: Partial<CoverageState>, replace = false) => navigate(coverageHref({ ...parseCoverageQuery(location.search), ...patch }), { replace });

  const rows = useMemo(() => (q.data && category ? coverageRows(q.data, category) : []), [q.data, category]);

  const scale = useMemo(() => buildScale(rows.map((r) => r.per10k)), [rows]);
  const categoryName = category ? (ref?.categoryIndex.get(category)?.name ?? category) : '';
  const gapCount = rows.filter((r) => r.gap).length;

  return (
    <main id="main" className="coverage-page" aria-labelledby={headingId}>
      <DemoBanner show={config?.demoData === true} />
      <div className="page-wide">
        <h1 id={headingId}>{t('coverage.title')}</h1>
        <p className="lead">{t('coverage.intro')}</p>
        <LoadError error={refError} onRetry={refRetry} />
        {ref && <CoverageFilters state={state} category={category} onChange={set} />}
        <LoadError error={q.error} onRetry={q.refetch} />
        <p className="coverage-status" aria-live="polite" data-testid="coverage-status" data-loading={q.isFetching ? 'true' : 'false'} data-category={category ?? ''}>
          {q.isFetching || !q.data
            ? t('coverage.loading')
            : t('coverage.summary', { category: categoryName, count: gapCount, municipalities: rows.length })}
          {q.data && !q.isFetching && <span className="muted"> · {t('coverage.generatedAt', { date: formatDate(q.data.coverage.generatedAt, lang) })}</span>}
        </p>

        <div className="coverage-grid">
          <section aria-labelledby={`${headingId}-map`}>
            <h2 id={`${headingId}-map`}>{t('coverage.mapTitle', { category: categoryName })}</h2>
            <CoverageMap rows={rows} scale={scale} lang={lang} shapes={shapes} label={t('coverage.mapLabel', { category: categoryName })} />
            <p className="hint">{t('coverage.mapHint')}</p>
          </section>
          <Legend scale={scale} lang={lang} circles={shapes != null && shapes.size === 0} />
        </div>

        <CoverageTable rows={rows} sort={state.sort} dir={state.dir} lang={lang} onSort={(sort, dir) => set({ sort, dir }, true)} />
        <RegionCharts rows={rows} regionOrder={ref?.regions.map((r) => r.code) ?? []} lang={lang} />

        {category && (
          <ExportLinks filter={coverageOrganizationFilter(state, category)}>
            <li>
              <TableCsvLink rows={sortRows(rows, state.sort, state.dir, localeTag(lang))} category={category} />
            </li>
          </ExportLinks>
        )}
      </div>
    </main>
  );
}

function CoverageFilters({ state, category, onChange }: { state: CoverageState; category: string | null; onChange: (patch: Partial<CoverageState>) => void }) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  const id = useId();
  if (!ref) return null;
  return (
    <form className="coverage-filters" aria-label={t('coverage.filters')} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect id={`${id}-cat`} name="category" label={t('coverage.category')} value={category ?? ''} onChange={(v) => onChange({ category: v || null })}>
        <CategoryOptgroups tree={ref.categoryTree} />
      </FilterSelect>
      <FilterSelect id={`${id}-region`} name="region" label={t('filters.region')} value={state.regions[0] ?? ''} any={t('filters.any')} onChange={(v) => onChange({ regions: v ? [v] : [] })}>
        <CodeOptions items={ref.regions} />
      </FilterSelect>
      <TargetGroupChecklist groups={ref.targetGroups} selected={state.targetGroups} onChange={(targetGroups) => onChange({ targetGroups })} />
    </form>
  );
}

function Legend({ scale, lang, circles }: { scale: ColourScale; lang: Lang; circles: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const entries = legendEntries(scale);
  return (
    <section className="legend" aria-labelledby={id} data-testid="legend">
      <h2 id={id}>{t('coverage.legendTitle')}</h2>
      <ul>
        {entries.map((e, i) => (
          <li key={i} data-class={i}>
            <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e.from == null || e.from >= e.to
              ? t('coverage.legendFirst', { to: formatDecimal(e.to, 2, lang) })
              : t('coverage.legendRange', { from: formatDecimal(e.from, 2, lang), to: formatDecimal(e.to, 2, lang) })}
          </li>
        ))}
        <li data-class="-1">
          <span className="swatch swatch-gap" style={{ background: GAP_FILL, borderColor: GAP_STROKE }} aria-hidden="true" />
          {t('coverage.legendGap')}
        </li>
      </ul>
      {circles && <p className="hint">{t('coverage.legendCircles')}</p>}
    </section>
  );
}

const NUMERIC: SortKey[] = ['providers', 'sites', 'per10k', 'nearestKm'];

function CoverageTable({ rows, sort, dir, lang, onSort }: { rows: CoverageRow[]; sort: SortKey; dir: 'asc' | 'desc'; lang: Lang; onSort: (k: SortKey, d: 'asc' | 'desc') => void }) {
  const { t } = useTranslation();
  const id = useId();
  const sorted = useMemo(() => sortRows(rows, sort, dir, localeTag(lang)), [rows, sort, dir, lang]);
  // keep the focus on the header button that was pressed (the page re-renders from the URL)
  const pressed = useRef<SortKey | null>(null);
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!pressed.current) return;
    table.current?.querySelector<HTMLButtonElement>(`button[data-sort="${pressed.current}"]`)?.focus();
    pressed.current = null;
  }, [sort, dir]);
  return (
    <section className="coverage-table-section" aria-labelledby={id}>
      <h2 id={id}>{t('coverage.tableTitle')}</h2>
      <p className="visually-hidden">{t('coverage.sortHint')}</p>
      <TableScroll label={t('coverage.tableTitle')}>
        <table className="data-table" ref={table} data-testid="coverage-table" aria-labelledby={id}>
          <thead>
            <tr>
              {SORT_KEYS.map((k) => {
                const active = k === sort;
                return (
                  <th key={k} scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={NUMERIC.includes(k) ? 'num' : undefined}>
                    <button
                      type="button"
                      className="sort-button"
                      data-sort={k}
                      onClick={() => {
                        pressed.current = k;
                        onSort(k, active ? (dir === 'asc' ? 'desc' : 'asc') : defaultDir(k));
                      }}
                    >
                      {t(`coverage.col.${k}`)}
                      <span className="sort-mark" aria-hidden="true">
                        {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.code} data-municipality={r.code} className={r.gap ? 'row-gap' : undefined}>
                <th scope="row">
                  {r.name}
                  {r.gap && <span className="badge badge-gap">{t('coverage.gap')}</span>}
                </th>
                <td>{r.regionName}</td>
                <td className="num" data-value={r.providers}>{formatNumber(r.providers)}</td>
                <td className="num" data-value={r.sites}>{formatNumber(r.sites)}</td>
                <td className="num" data-value={r.per10k}>{formatDecimal(r.per10k, 2, lang)}</td>
                <td className="num" data-value={r.nearestKm ?? ''}>{r.nearestKm == null ? t('coverage.noSite') : formatDecimal(r.nearestKm, 1, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

const BAR_H = 18;
const LABEL_W = 150;
const CHART_W = 520;
const VALUE_W = 50;

function RegionCharts({ rows, regionOrder, lang }: { rows: CoverageRow[]; regionOrder: string[]; lang: Lang }) {
  const { t } = useTranslation();
  const id = useId();
  const groups = useMemo(() => byRegion(rows, regionOrder, localeTag(lang)), [rows, regionOrder, lang]);
  const max = Math.max(0, ...rows.map((r) => r.per10k));
  const barSpace = CHART_W - LABEL_W - VALUE_W;
  return (
    <section className="region-charts" aria-labelledby={id}>
      <h2 id={id}>{t('coverage.chartTitle')}</h2>
      <div className="chart-grid">
        {groups.map((g) => {
          const capId = `${id}-${g.regionCode}`;
          const height = g.rows.length * (BAR_H + 6) + 4;
          const desc = g.rows.map((r) => `${r.name}: ${formatDecimal(r.per10k, 2, lang)}`).join('; ');
          return (
            <figure key={g.regionCode} className="chart" data-region={g.regionCode}>
              <figcaption id={capId}>{g.regionName}</figcaption>
              <svg viewBox={`0 0 ${CHART_W} ${height}`} width="100%" role="img" aria-labelledby={capId} aria-describedby={`${capId}-desc`}>
                <desc id={`${capId}-desc`}>{t('coverage.chartDesc', { values: desc })}</desc>
                {g.rows.map((r, i) => {
                  const y = 2 + i * (BAR_H + 6);
                  const w = max > 0 ? (r.per10k / max) * barSpace : 0;
                  return (
                    <g key={r.code} data-municipality={r.code}>
                      <title>{`${r.name}: ${formatDecimal(r.per10k, 2, lang)}`}</title>
                      <text x={LABEL_W - 6} y={y + BAR_H - 5} textAnchor="end" className="chart-label">
                        {r.name}
                      </text>
                      {r.gap ? (
                        <rect x={LABEL_W} y={y + 2} width={6} height={BAR_H - 4} fill={GAP_FILL} stroke={GAP_STROKE} strokeDasharray="3 2" />
                      ) : (
                        <rect x={LABEL_W} y={y} width={Math.max(1, w)} height={BAR_H} className="chart-bar" />
                      )}
                      <text x={LABEL_W + (r.gap ? 10 : Math.max(1, w) + 4)} y={y + BAR_H - 5} className="chart-value">
                        {r.gap ? t('coverage.gap') : formatDecimal(r.per10k, 2, lang)}
                      </text>
                    </g>
                  );
                })}
              </svg>
            </figure>
          );
        })}
      </div>
    </section>
  );
}

function TableCsvLink({ rows, category }: { rows: CoverageRow[]; category: string }) {
  const { t } = useTranslation();
  const [href, setHref] = useState<string | null>(null);
  const header = ['municipality_code', 'municipality', 'region', 'providers', 'sites', 'providers_per_10k', 'nearest_site_km', 'gap'];
  const csv = coverageCsv(rows, header);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [csv]);
  if (!href) return null;
  return (
    <a href={href} download={`civimap-coverage-${category}.csv`} data-export="coverage.csv">
      {t('export.kind.coverageCsv')}
    </a>
  );
}
