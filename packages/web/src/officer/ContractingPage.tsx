// "Find contractable providers" (issues 5 and 13): category + municipality or a point + radius, on a
// date → the API's ranked list (contractingSearch), each provider with the conditions of the
// contractable rule that hold and fail, as the API checked them; compare up to four side by side;
// named shortlists; the same list as CSV.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryOptions } from '../shared/categories';
import {
  MAX_COMPARE,
  buildCompareTable,
  contractableCsvHref,
  contractingHref,
  fromEdge,
  isComplete,
  parseContractingQuery,
  searchVariables,
  todayInKosovo,
  toggleCompare,
  type CompareCell,
  type ContractingState,
  type RankedProvider,
} from './contracting';
import { formatDate, formatNumber } from '../shared/format/format';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { formatDecimal, formatMoney } from '../shared/format/numbers';
import { ContractingSearchQuery } from './operations';
import { useRefData } from '../shared/refdata';
import { orgPath, paths } from '../shared/router/paths';
import { navigate } from '../shared/router/router';
import { DemoBanner } from '../shared/ui/DemoBanner';
import { useGateViewer } from '../shared/ui/RoleGate';
import { Link } from '../shared/ui/Link';
import { DataText } from '../shared/ui/DataText';
import { PointPicker } from './PointPicker';
import { LoadError } from '../shared/ui/LoadError';
import { CodeOptions } from '../shared/ui/RefOptions';
import { ShortlistPanel } from './ShortlistPanel';
import { RuleChecks } from './RuleChecks';

export const SEARCH_PAGE = 100;

/** The search the URL describes, ranked by the API with the rule checked for each provider. */
function useProviderSearch(state: ContractingState, on: string, lang: Lang) {
  const ref = useRefData().data;
  const complete = isComplete(state);
  const pointMode = state.mode === 'point';
  const search = useGqlQuery(ContractingSearchQuery, { ...searchVariables(state, on), first: SEARCH_PAGE, lang: apiLang(lang) }, { enabled: complete });
  const loading = complete && search.isFetching;
  const data = search.data?.contractingSearch;
  const ranked = useMemo<RankedProvider[]>(
    () => (complete && ref && data ? data.edges.map((e) => fromEdge(e, state.cat, ref.categoryIndex)) : []),
    [complete, ref, data, state.cat],
  );
  const contractableCount = data?.contractableCount ?? 0;
  const total = data?.totalCount ?? 0;
  const truncated = total > ranked.length;
  const retry = () => search.refetch();
  return { complete, pointMode, loading, error: search.error, ranked, total, contractableCount, truncated, retry };
}

/** An officer of a municipality searches their own municipality first (a URL that names one wins). */
function usePreselectedMunicipality(state: ContractingState, replace: (patch: Partial<ContractingState>) => void) {
  const own = useGateViewer().authority?.municipality?.code;
  useEffect(() => {
    if (own && state.mode === 'municipality' && !state.mun) replace({ mun: own });
  }, [own]); // eslint-disable-line react-hooks/exhaustive-deps -- once, when the page opens
}

/** Up to MAX_COMPARE providers side by side; a new search keeps those still listed. */
function useComparison(ranked: RankedProvider[]) {
  const { t } = useTranslation();
  const [compare, setCompare] = useState<string[]>([]);
  const [compareNote, setCompareNote] = useState('');
  useEffect(() => {
    if (!ranked.length) return;
    setCompare((c) => {
      const next = c.filter((x) => ranked.some((r) => r.provider.id === x));
      return next.length === c.length ? c : next;
    });
  }, [ranked]);
  const compared = compare.map((x) => ranked.find((r) => r.provider.id === x)).filter((r): r is RankedProvider => Boolean(r));

  const onToggle = (orgId: string) => {
    const next = toggleCompare(compare, orgId);
    setCompareNote(next.length === compare.length && !compare.includes(orgId) ? t('contracting.compareFull', { max: MAX_COMPARE }) : '');
    setCompare(next);
  };
  return { compare, compared, compareNote, onToggle };
}

export function ContractingPage({ search, lang }: { search: string; lang: Lang }) {
  const { t } = useTranslation();
  const viewer = useGateViewer();
  const id = useId();
  const state = useMemo(() => parseContractingQuery(search), [search]);
  const on = state.on || todayInKosovo();
  const set = (patch: Partial<ContractingState>) => navigate(contractingHref({ ...parseContractingQuery(location.search), ...patch }));
  const replace = (patch: Partial<ContractingState>) => navigate(contractingHref({ ...parseContractingQuery(location.search), ...patch }), { replace: true });
  usePreselectedMunicipality(state, replace);
  const { complete, pointMode, loading, error, ranked, total, contractableCount, truncated, retry } = useProviderSearch(state, on, lang);
  const { compare, compared, compareNote, onToggle } = useComparison(ranked);
  return (
    <main id="main" className="officer-page" aria-labelledby={`${id}-h`}>
      <DemoBanner show={ranked.some((r) => r.provider.isDemo)} />
      <h1 id={`${id}-h`}>{t('officer.title.contracting')}</h1>
      <p className="lead">{t('contracting.intro')}</p>
      <p>
        <Link href={paths.recordContract()}>{t('recordContract.link')}</Link>
        {viewer.authority && <span className="hint"> · {t('recordContract.forAuthority', { name: viewer.authority.name })}</span>}
      </p>
      <SearchForm id={id} state={state} on={on} set={set} />
      <div className="contracting-layout">
        <section aria-labelledby={`${id}-results`}>
          <h2 id={`${id}-results`}>{t('contracting.results')}</h2>
          {!complete && <p>{t(pointMode ? 'contracting.needPoint' : 'contracting.needInput')}</p>}
          <LoadError error={error} onRetry={retry} />
          {complete && (
            <p aria-live="polite" data-testid="contracting-summary" data-count={loading ? '' : total} data-contractable={loading ? '' : contractableCount}>
              {loading ? t('contracting.loading') : t('contracting.summary', { count: total, contractable: contractableCount, date: formatDate(on, lang) })}
            </p>
          )}
          {complete && !loading && total > 0 && (
            <p>
              <a href={contractableCsvHref(state, on, lang)} download data-testid="contractable-csv">
                {t('contracting.downloadCsv')}
              </a>
            </p>
          )}
          {truncated && <p className="hint">{t('contracting.truncated', { count: SEARCH_PAGE })}</p>}
          <ol className="provider-list" data-testid="provider-list" aria-busy={loading}>
            {ranked.map((r) => (
              <ProviderItem key={r.provider.id} item={r} lang={lang} on={on} checked={compare.includes(r.provider.id)} disabled={!compare.includes(r.provider.id) && compare.length >= MAX_COMPARE} onToggle={onToggle} />
            ))}
          </ol>
          <p className="hint" aria-live="polite" data-testid="compare-note">
            {compareNote || (ranked.length ? t('contracting.compareHint', { max: MAX_COMPARE, n: compare.length }) : '')}
          </p>
          {compared.length > 0 && <CompareView items={compared} withDistance={pointMode} lang={lang} />}
        </section>
        <ShortlistPanel selected={compared.map((r) => ({ id: r.provider.id, name: r.provider.name }))} lang={lang} />
      </div>
    </main>
  );
}

/** Category, where (a municipality, or a point and a radius on a small map) and the licence date. */
function SearchForm({ id, state, on, set }: { id: string; state: ContractingState; on: string; set: (patch: Partial<ContractingState>) => void }) {
  const { t } = useTranslation();
  const ref = useRefData().data;
  const pointMode = state.mode === 'point';
  return (
    <form className="contracting-form" aria-label={t('contracting.formLabel')} onSubmit={(e) => e.preventDefault()} data-testid="contracting-form">
      <div className="field">
        <label htmlFor={`${id}-cat`}>{t('contracting.category')}</label>
        <select id={`${id}-cat`} name="cat" value={state.cat} onChange={(e) => set({ cat: e.target.value })}>
          <option value="">{t('contracting.chooseCategory')}</option>
          {categoryOptions(ref?.categoryTree ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('contracting.where')}</legend>
        <div className="mode-choice">
          <label>
            <input type="radio" name="mode" value="municipality" checked={!pointMode} onChange={() => set({ mode: 'municipality' })} /> {t('contracting.modeMunicipality')}
          </label>
          <label>
            <input type="radio" name="mode" value="point" checked={pointMode} onChange={() => set({ mode: 'point' })} /> {t('contracting.modePoint')}
          </label>
        </div>
        {!pointMode && (
          <div className="field">
            <label htmlFor={`${id}-mun`}>{t('contracting.municipality')}</label>
            <select id={`${id}-mun`} name="mun" value={state.mun} onChange={(e) => set({ mun: e.target.value })}>
              <option value="">{t('contracting.chooseMunicipality')}</option>
              <CodeOptions items={ref?.municipalities ?? []} />
            </select>
          </div>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-on`}>{t('contracting.date')}</label>
        <input id={`${id}-on`} type="date" name="on" value={on} required onChange={(e) => set({ on: e.target.value === todayInKosovo() ? '' : e.target.value })} />
      </div>
      {pointMode && (
        <div className="field" style={{ gridColumn: '1 / -1' }}>
          <PointPicker lat={state.lat} lng={state.lng} radiusKm={state.radiusKm} label={t('contracting.pickPoint')} onPick={(lat, lng) => set({ lat, lng })} />
          <p className="hint">{t('contracting.pickPointHint')}</p>
          <div className="form-grid">
            <NumberInput id={`${id}-lat`} label={t('contracting.lat')} value={state.lat} step="0.00001" onCommit={(lat) => set({ lat })} />
            <NumberInput id={`${id}-lng`} label={t('contracting.lng')} value={state.lng} step="0.00001" onCommit={(lng) => set({ lng })} />
            <NumberInput id={`${id}-r`} label={t('contracting.radius')} value={state.radiusKm} step="1" min="1" max="200" onCommit={(r) => r != null && r > 0 && set({ radiusKm: r })} />
          </div>
        </div>
      )}
    </form>
  );
}


function NumberInput({ id, label, value, onCommit, step, min, max }: { id: string; label: string; value: number | null; onCommit: (v: number | null) => void; step: string; min?: string; max?: string }) {
  const [text, setText] = useState(value == null ? '' : String(value));
  useEffect(() => setText(value == null ? '' : String(value)), [value]);
  const commit = () => {
    const n = text.trim() === '' ? null : Number(text);
    if (n === null || Number.isFinite(n)) onCommit(n);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        max={max}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
      />
    </div>
  );
}

function ProviderItem({ item, lang, on, checked, disabled, onToggle }: { item: RankedProvider; lang: Lang; on: string; checked: boolean; disabled: boolean; onToggle: (id: string) => void }) {
  const { t } = useTranslation();
  const p = item.provider;
  const boxId = `compare-${p.id}`;
  return (
    <li className="provider-item" data-testid="provider-row" data-org-id={p.id} data-contractable={item.contractable}>
      <div>
        <h3>
          <Link href={orgPath(p.id)}>
            <DataText text={p.names} lang={lang} fallback={p.name} />
          </Link>
          {p.acronym ? <span className="acronym"> ({p.acronym})</span> : null}
        </h3>
        <ul className="provider-facts">
          <li>
            <span className={`badge ${item.contractable ? 'badge-contractable' : 'badge-not-contractable'}`}>
              {item.contractable ? t('contracting.contractable') : t('contracting.notContractable')}
            </span>
          </li>
          <li>
            {item.verified ? (
              <span className="badge badge-verified">{t('contracting.verifiedOn', { date: formatDate(p.verification.verifiedAt, lang) })}</span>
            ) : (
              <span className="badge badge-unverified">{t('contracting.unverified')}</span>
            )}
          </li>
          {item.distanceKm != null && <li data-testid="distance">{t('contracting.distance', { km: formatDecimal(item.distanceKm, 1, lang) })}</li>}
          <li data-testid="capacity" data-value={item.capacity ?? ''}>
            {item.capacity == null ? t('contracting.capacityUnknown') : t('contracting.capacity', { formatted: formatNumber(item.capacity) })}
            {item.residentialPlaces != null && ` · ${t('contracting.places', { formatted: formatNumber(item.residentialPlaces) })}`}
          </li>
        </ul>
        <RuleChecks checks={item.checks} on={on} lang={lang} />
      </div>
      <div>
        <input type="checkbox" id={boxId} checked={checked} disabled={disabled} onChange={() => onToggle(p.id)} />{' '}
        <label htmlFor={boxId}>{t('contracting.compareThis', { name: p.name })}</label>
      </div>
    </li>
  );
}

function CompareView({ items, withDistance, lang }: { items: RankedProvider[]; withDistance: boolean; lang: Lang }) {
  const { t } = useTranslation();
  const table = buildCompareTable(items, { withDistance, lang });
  const cell = (c: CompareCell) => {
    switch (c.kind) {
      case 'bool':
        return c.value ? t('contracting.yes') : t('contracting.no');
      case 'number':
        return c.value == null ? '—' : formatDecimal(c.value, Number.isInteger(c.value) ? 0 : 1, lang);
      case 'list':
        return c.value.length ? (
          <ul>
            {c.value.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        ) : (
          '—'
        );
      case 'verification':
        return c.verified ? t('contracting.verifiedOn', { date: formatDate(c.verifiedAt, lang) }) : t('contracting.unverified');
      case 'contracts':
        return t('contracting.contractsSoFar', { count: c.count, amount: formatMoney(c.amount, 'EUR', lang) });
    }
  };
  return (
    <section aria-labelledby="compare-h">
      <h2 id="compare-h">{t('contracting.compareTitle')}</h2>
      <div className="table-scroll">
        <table className="data-table compare-table" data-testid="compare-table">
          <caption className="visually-hidden">{t('contracting.compareCaption')}</caption>
          <thead>
            <tr>
              <td />
              {table.columns.map((c, i) => (
                <th key={c.id} scope="col" data-org-id={c.id}>
                  <DataText text={items[i]?.provider.names} lang={lang} fallback={c.name} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{t(`contracting.row.${row.key}`)}</th>
                {row.cells.map((c, i) => (
                  <td key={table.columns[i]!.id}>{cell(c)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
