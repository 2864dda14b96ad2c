import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationListQuery as ListResult } from '../gql/graphql';
import type { ApiOrganizationFilter } from './filter';
import { request } from '../shared/api/graphql';
import { formatNumber } from '../shared/format/format';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { OrganizationListQuery } from './operations';
import { orgPath } from '../shared/router/router';
import { Link } from '../shared/ui/Link';

export const PAGE_SIZE = 25;

type Edge = ListResult['organizations']['edges'][number];

interface ListState {
  key: string;
  edges: Edge[];
  totalCount: number | null;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  error: string | null;
}

export function ResultList({
  filter,
  filterKey,
  lang,
  onDemo,
  onHighlight,
}: {
  filter: ApiOrganizationFilter;
  filterKey: string;
  lang: Lang;
  onDemo: (demo: boolean) => void;
  onHighlight: (points: { lat: number; lng: number }[]) => void;
}) {
  const { t } = useTranslation();
  const key = `${lang}|${filterKey}`;
  const [state, setState] = useState<ListState>({ key, edges: [], totalCount: null, endCursor: null, hasNextPage: false, loading: true, error: null });
  const [attempt, setAttempt] = useState(0);
  const listRef = useRef<HTMLOListElement>(null);
  const focusIndex = useRef<number | null>(null);
  const headingId = useId();

  const load = (after: string | null, signal?: AbortSignal) =>
    request(OrganizationListQuery, { filter, first: PAGE_SIZE, after, lang: apiLang(lang) }, { signal });

  // first page whenever the filter or the language changes
  useEffect(() => {
    const ctrl = new AbortController();
    setState({ key, edges: [], totalCount: null, endCursor: null, hasNextPage: false, loading: true, error: null });
    load(null, ctrl.signal).then(
      (d) =>
        setState({
          key,
          edges: d.organizations.edges,
          totalCount: d.organizations.totalCount,
          endCursor: d.organizations.pageInfo.endCursor ?? null,
          hasNextPage: d.organizations.pageInfo.hasNextPage,
          loading: false,
          error: null,
        }),
      (e: unknown) => {
        if (!ctrl.signal.aborted) setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` is the filter's and language's identity
  }, [key, attempt]);

  const hasDemo = state.edges.some((e) => e.node.isDemo);
  useEffect(() => onDemo(hasDemo), [hasDemo, onDemo]);

  const more = () => {
    if (state.loading || !state.hasNextPage) return;
    const from = state.edges.length;
    setState((s) => ({ ...s, loading: true }));
    load(state.endCursor).then(
      (d) => {
        focusIndex.current = from;
        setState((s) =>
          s.key !== key
            ? s
            : {
                ...s,
                edges: [...s.edges, ...d.organizations.edges],
                totalCount: d.organizations.totalCount,
                endCursor: d.organizations.pageInfo.endCursor ?? null,
                hasNextPage: d.organizations.pageInfo.hasNextPage,
                loading: false,
              },
        );
      },
      (e: unknown) => setState((s) => ({ ...s, loading: false, error: e instanceof Error ? e.message : String(e) })),
    );
  };

  // after "show more", move the focus to the first new organization
  useEffect(() => {
    if (focusIndex.current == null) return;
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('a.result-link');
    links?.[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [state.edges.length]);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const links = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>('a.result-link') ?? []);
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    let next = -1;
    if (e.key === 'ArrowDown') next = i < 0 ? 0 : Math.min(links.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = i < 0 ? 0 : Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = links.length - 1;
    else return;
    e.preventDefault();
    links[next]?.focus();
  };

  const count = state.totalCount;
  return (
    <section className="results" id="results" aria-labelledby={headingId} tabIndex={-1}>
      <div className="results-head">
        <h2 id={headingId}>{t('results.title')}</h2>
        <p className="results-count" aria-live="polite" data-testid="result-count" data-count={count ?? ''}>
          {count == null ? t('results.loading') : t('results.count', { count, formatted: formatNumber(count) })}
        </p>
      </div>
      {state.error && (
        <p className="error" role="alert">
          {t('app.loadError', { message: state.error })}{' '}
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('app.retry')}
          </button>
        </p>
      )}
      {count === 0 && !state.loading && <p>{t('results.none')}</p>}
      {state.edges.length > 0 && (
        <>
          <p className="visually-hidden">{t('results.keyboardHint')}</p>
          <ol className="result-list" ref={listRef} onKeyDown={onKeyDown} aria-labelledby={headingId} aria-busy={state.loading}>
            {state.edges.map(({ node }) => {
              const places = [...new Set(node.locations.map((l) => l.municipality.name))];
              return (
                <li
                  key={node.id}
                  data-org-id={node.id}
                  onMouseEnter={() => onHighlight(node.locations.map((l) => l.point))}
                  onMouseLeave={() => onHighlight([])}
                  onFocus={() => onHighlight(node.locations.map((l) => l.point))}
                  onBlur={() => onHighlight([])}
                >
                  <Link className="result-link" href={orgPath(node.id)}>
                    <span className="result-name">
                      {node.name}
                      {node.acronym && <span className="acronym"> ({node.acronym})</span>}
                    </span>
                    <span className="result-meta">
                      {places.slice(0, 3).join(', ')}
                      {places.length > 3 && ` +${places.length - 3}`}
                      {node.verification.status === 'VERIFIED' && <span className="badge badge-verified">{t('map.verified')}</span>}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ol>
          <div className="results-foot">
            <span>{t('results.shown', { shown: formatNumber(state.edges.length), total: formatNumber(count ?? 0) })}</span>
            {state.hasNextPage && (
              <button type="button" onClick={more} disabled={state.loading}>
                {state.loading ? t('results.loading') : t('results.more')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
