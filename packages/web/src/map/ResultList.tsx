import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationFilter, OrganizationListQuery as OrganizationListResult } from '../gql/graphql';
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

type OrganizationNode = OrganizationListResult['organizations']['edges'][number]['node'];

const RESULT_LINKS = 'a.result-link';

/**
 * Moving through the list's links with the arrow keys, Home and End; after "show more" the focus
 * goes to the first new organization (`focusFrom` is the count shown before the new page).
 */
function useResultKeys(shown: number) {
  const listRef = useRef<HTMLOListElement>(null);
  const focusFrom = useRef<number | null>(null);

  useEffect(() => {
    if (focusFrom.current == null) return;
    listRef.current?.querySelectorAll<HTMLAnchorElement>(RESULT_LINKS)[focusFrom.current]?.focus();
    focusFrom.current = null;
  }, [shown]);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const links = Array.from(listRef.current?.querySelectorAll<HTMLAnchorElement>(RESULT_LINKS) ?? []);
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

  const focusFromNext = () => {
    focusFrom.current = shown;
  };
  return { listRef, onKeyDown, focusFromNext };
}

/** One organization of the list: its name, up to three places, its badge; hovering or focusing it highlights its sites. */
function ResultItem({ node, lang, onHighlight }: { node: OrganizationNode; lang: Lang; onHighlight: (points: { lat: number; lng: number }[]) => void }) {
  const { t } = useTranslation();
  const places = [...new Set(node.locations.map((l) => l.municipality.name))];
  const highlight = () => onHighlight(node.locations.map((l) => l.point));
  const clear = () => onHighlight([]);
  return (
    <li data-org-id={node.id} onMouseEnter={highlight} onMouseLeave={clear} onFocus={highlight} onBlur={clear}>
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
  const headingId = useId();
  const pages = q.data?.pages ?? [];
  const edges = pages.flatMap((p) => p.organizations.edges);
  const count = pages.length ? pages[pages.length - 1]!.organizations.totalCount : null;
  const loading = q.isFetching;
  const keys = useResultKeys(edges.length);

  const hasDemo = edges.some((e) => e.node.isDemo);
  useEffect(() => onDemo(hasDemo), [hasDemo, onDemo]);

  const more = () => {
    if (q.isFetching || !q.hasNextPage) return;
    keys.focusFromNext();
    void q.fetchNextPage();
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
          <ol className="result-list" ref={keys.listRef} onKeyDown={keys.onKeyDown} aria-labelledby={headingId} aria-busy={loading}>
            {edges.map(({ node }) => (
              <ResultItem key={node.id} node={node} lang={lang} onHighlight={onHighlight} />
            ))}
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
