import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationFilter } from '../gql/graphql';
import { request } from '../shared/api/graphql';
import { operationName } from '../shared/api/query';
import { formatNumber } from '../shared/format/format';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { orgPath } from '../shared/router/paths';
import { Link } from '../shared/ui/Link';
import { LoadError } from '../shared/ui/LoadError';
import { OrganizationListQuery } from './operations';
import { DataText } from '../shared/ui/DataText';

export const PAGE_SIZE = 25;

/**
 * The list's pages, 25 organizations at a time by cursor ("show more"). Asked again whenever the
 * map page shows it (as the map's own sites are), never kept once the page is left.
 */
function useOrganizationPages(filter: OrganizationFilter, filterKey: string, lang: Lang) {
  return useInfiniteQuery({
    queryKey: [operationName(OrganizationListQuery), filterKey, lang],
    queryFn: ({ pageParam, signal }) => request(OrganizationListQuery, { filter, first: PAGE_SIZE, after: pageParam, lang: apiLang(lang) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.organizations.pageInfo.hasNextPage ? (last.organizations.pageInfo.endCursor ?? null) : undefined),
    staleTime: 0,
    gcTime: 0,
    refetchOnMount: 'always',
  });
}

export function ResultList({
  filter,
  filterKey,
  lang,
  onDemo,
  onHighlight,
}: {
  filter: OrganizationFilter;
  filterKey: string;
  lang: Lang;
  onDemo: (demo: boolean) => void;
  onHighlight: (points: { lat: number; lng: number }[]) => void;
}) {
  const { t } = useTranslation();
  const q = useOrganizationPages(filter, filterKey, lang);
  const listRef = useRef<HTMLOListElement>(null);
  const focusIndex = useRef<number | null>(null);
  const headingId = useId();
  const pages = q.data?.pages ?? [];
  const edges = pages.flatMap((p) => p.organizations.edges);
  const count = pages.length ? pages[pages.length - 1]!.organizations.totalCount : null;
  const loading = q.isFetching;

  const hasDemo = edges.some((e) => e.node.isDemo);
  useEffect(() => onDemo(hasDemo), [hasDemo, onDemo]);

  const more = () => {
    if (q.isFetching || !q.hasNextPage) return;
    focusIndex.current = edges.length;
    void q.fetchNextPage();
  };

  // after "show more", move the focus to the first new organization
  useEffect(() => {
    if (focusIndex.current == null) return;
    const links = listRef.current?.querySelectorAll<HTMLAnchorElement>('a.result-link');
    links?.[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [edges.length]);

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

  return (
    <section className="results" id="results" aria-labelledby={headingId} tabIndex={-1}>
      <div className="results-head">
        <h2 id={headingId}>{t('results.title')}</h2>
        <p className="results-count" aria-live="polite" data-testid="result-count" data-count={count ?? ''}>
          {count == null ? t('results.loading') : t('results.count', { count, formatted: formatNumber(count) })}
        </p>
      </div>
      <LoadError error={q.error} onRetry={q.refetch} />
      {count === 0 && !loading && <p>{t('results.none')}</p>}
      {edges.length > 0 && (
        <>
          <p className="visually-hidden">{t('results.keyboardHint')}</p>
          <ol className="result-list" ref={listRef} onKeyDown={onKeyDown} aria-labelledby={headingId} aria-busy={loading}>
            {edges.map(({ node }) => {
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
                      <DataText text={node.names} lang={lang} />
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
            <span>{t('results.shown', { shown: formatNumber(edges.length), total: formatNumber(count ?? 0) })}</span>
            {q.hasNextPage && (
              <button type="button" onClick={more} disabled={loading}>
                {loading ? t('results.loading') : t('results.more')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
