import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractFilter } from '../gql/graphql';
import { contractsHref, parseContractsQuery, toContractFilter, MODALITIES, TOTAL_DIMENSIONS, type ContractsState } from './contracts';
import { formatNumber } from '../shared/format/format';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { formatMoney } from '../shared/format/numbers';
import { ContractTotalsQuery, ContractsQuery, PublicAuthoritiesQuery } from './operations';
import { useRefData } from '../shared/refdata';
import { navigate } from '../shared/router/router';
import { ContractTable } from './ContractTable';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { LoadError } from '../shared/ui/LoadError';
import { CategoryOptgroups, CodeOptions, ValueOptions } from '../shared/ui/RefOptions';
import { FilterSelect } from '../shared/ui/FilterFields';
import { ExportLinks } from '../shared/ui/ExportLinks';
import { TableHead, TableScroll } from '../shared/ui/TableScroll';

export const CONTRACTS_PAGE_SIZE = 25;
export function ContractsPage({ search, lang }: { search: string; lang: Lang }) {
  const { t } = useTranslation();
  const state = useMemo(() => parseContractsQuery(search), [search]);
  const filter = useMemo(() => toContractFilter(state), [state]);
  const filterKey = JSON.stringify(filter);
  // cursor pagination: the cursors of the pages seen so far (the first page has none)
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({ key: filterKey, cursors: [null] });
  const cursors = pages.key === filterKey ? pages.cursors : [null];
  const pageIndex = cursors.length - 1;
  useEffect(() => setPages((p) => (p.key === filterKey ? p : { key: filterKey, cursors: [null] })), [filterKey]);

  const list = useGqlQuery(ContractsQuery, { first: CONTRACTS_PAGE_SIZE, after: cursors[pageIndex] ?? null, filter, lang: apiLang(lang) });
  const headingId = useId();
  const set = (patch: Partial<ContractsState>) => navigate(contractsHref({ ...parseContractsQuery(location.search), ...patch }));

  const conn = list.data?.contracts;
  const first = pageIndex * CONTRACTS_PAGE_SIZE + 1;
  return (
    <main id="main" className="contracts-page" aria-labelledby={headingId}>
      <DemoBanner show={Boolean(conn?.edges.some((e) => e.node.isDemo))} />
      <div className="page-wide">
        <h1 id={headingId}>{t('contracts.title')}</h1>
        <p className="lead">{t('contracts.intro')}</p>
        <ContractFilters state={state} lang={lang} onChange={set} />
        <LoadError error={list.error} onRetry={list.refetch} />
        <p className="contracts-summary" aria-live="polite" data-testid="contracts-summary" data-count={conn?.totalCount ?? ''} data-amount={conn?.totalAmount ?? ''}>
          {conn
            ? t('contracts.summary', { count: conn.totalCount, formatted: formatNumber(conn.totalCount), amount: formatMoney(conn.totalAmount, 'EUR', lang) })
            : t('contracts.loading')}
        </p>

        <section aria-labelledby={`${headingId}-list`}>
          <h2 id={`${headingId}-list`}>{t('contracts.listTitle')}</h2>
          <ContractTable contracts={conn?.edges.map((e) => e.node) ?? []} lang={lang} showProvider testId="contracts-table" busy={list.isFetching} />
          {conn && conn.totalCount > 0 && (
            <nav className="pager" aria-label={t('contracts.pages')}>
              <button type="button" disabled={pageIndex === 0 || list.isFetching} onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}>
                {t('contracts.previous')}
              </button>
              <span data-testid="contracts-page">
                {t('contracts.range', {
                  from: formatNumber(first),
                  to: formatNumber(first + conn.edges.length - 1),
                  total: formatNumber(conn.totalCount),
                })}
              </span>
              <button
                type="button"
                disabled={!conn.pageInfo.hasNextPage || list.isFetching}
                onClick={() => conn.pageInfo.endCursor && setPages({ key: filterKey, cursors: [...cursors, conn.pageInfo.endCursor] })}
              >
                {t('contracts.next')}
              </button>
            </nav>
          )}
        </section>


        <TotalsSection headingId={headingId} state={state} filter={filter} lang={lang} onChange={set} />

        {/* the OCDS export takes an OrganizationFilter (the providers), not a ContractFilter: it holds every contract */}
        <ExportLinks
          filter={{}}
          kinds={['contracts.ocds.json']}
          title={t('contracts.exportTitle')}
          note={Object.keys(filter).length ? t('contracts.exportAllNote') : undefined}
        />
      </div>
    </main>
  );
}

/** Totals of the filtered contracts by authority, category, municipality or year. */
function TotalsSection({ headingId, state, filter, lang, onChange }: { headingId: string; state: ContractsState; filter: ContractFilter; lang: Lang; onChange: (patch: Partial<ContractsState>) => void }) {
  const { t } = useTranslation();
  const totals = useGqlQuery(ContractTotalsQuery, { by: state.by, filter, lang: apiLang(lang) });
  return (
    <section aria-labelledby={`${headingId}-totals`} className="contract-totals">
      <h2 id={`${headingId}-totals`}>{t('contracts.totalsTitle')}</h2>
      <FilterSelect id={`${headingId}-by`} name="by" className="field field-inline" label={t('contracts.by')} value={state.by} onChange={(v) => onChange({ by: v as ContractsState['by'] })}>
        <ValueOptions values={TOTAL_DIMENSIONS} label={(d) => t(`contracts.dimension.${d}`)} />
      </FilterSelect>
      {state.by === 'CATEGORY' && <p className="hint">{t('contracts.categoryNote')}</p>}
      <LoadError error={totals.error} />
      <TableScroll label={t('contracts.totalsTitle')}>
        <table className="data-table" data-testid="totals-table" aria-busy={totals.isFetching}>
          <TableHead columns={[{ label: t(`contracts.dimension.${state.by}`) }, { label: t('contracts.col.count'), num: true }, { label: t('contracts.col.amount'), num: true }]} />
          <tbody>
            {totals.data?.contractTotals.map((row) => (
              <tr key={row.key} data-key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num" data-value={row.contracts}>
                  {formatNumber(row.contracts)}
                </td>
                <td className="num" data-value={row.amount}>
                  {formatMoney(row.amount, 'EUR', lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function ContractFilters({ state, lang, onChange }: { state: ContractsState; lang: Lang; onChange: (patch: Partial<ContractsState>) => void }) {
  const { t } = useTranslation();
  const { data: ref } = useRefData();
  const authorities = useGqlQuery(PublicAuthoritiesQuery, { lang: apiLang(lang) });
  const years = useGqlQuery(ContractTotalsQuery, { by: 'YEAR', filter: {}, lang: apiLang(lang) });
  const id = useId();
  const yearList = [...(years.data?.contractTotals.map((y) => Number(y.key)).filter(Number.isFinite) ?? [])].sort((a, b) => b - a);
  const sortedAuthorities = [...(authorities.data?.publicAuthorities ?? [])].sort(
    (a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, lang) : a.kind === 'MINISTRY' ? -1 : b.kind === 'MINISTRY' ? 1 : a.kind.localeCompare(b.kind)),
  );
  return (
    <form className="contract-filters" aria-label={t('contracts.filters')} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect id={`${id}-auth`} name="authority" label={t('contracts.authority')} value={state.authority ?? ''} any={t('filters.any')} onChange={(v) => onChange({ authority: v || null })}>
        <CodeOptions items={sortedAuthorities} />
      </FilterSelect>
      <FilterSelect id={`${id}-cat`} name="category" label={t('contracts.category')} value={state.category ?? ''} any={t('filters.any')} onChange={(v) => onChange({ category: v || null })}>
        <CategoryOptgroups tree={ref?.categoryTree ?? []} />
      </FilterSelect>
      <FilterSelect id={`${id}-year`} name="year" label={t('contracts.year')} value={String(state.year ?? '')} any={t('filters.any')} onChange={(v) => onChange({ year: v ? Number(v) : null })}>
        <ValueOptions values={yearList} label={String} />
      </FilterSelect>
      <FilterSelect
        id={`${id}-mod`}
        name="modality"
        label={t('contracts.modality')}
        value={state.modality ?? ''}
        any={t('filters.any')}
        onChange={(v) => onChange({ modality: (v || null) as ContractsState['modality'] })}
      >
        <ValueOptions values={MODALITIES} label={(m) => t(`enum.modality.${m}`)} />
      </FilterSelect>
    </form>
  );
}
