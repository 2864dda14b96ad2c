// The moderators' queue (issue 13): filtered by kind with a count per kind, searched by the
// organization's name, oldest or newest first; the filters live in the URL. After a decision the
// focus moves on to the next item, so a moderator works down the list from the keyboard.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VerificationQueueQuery } from './operations';
import { clearQueryCache, useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { navigate } from '../shared/router/router';
import { LoadError } from '../shared/ui/LoadError';
import { itemKey, QueueItem } from './QueueItem';
import { nextFocus, parseQueueQuery, QUEUE_KINDS, queueHref, queueVariables, type QueueState } from './queue';
import { paths } from '../shared/router/paths';
import { Link } from '../shared/ui/Link';
import '../shared/ui/signed-in.css';

export const QUEUE_PAGE = 100;

export function ModerationPage({ lang, search }: { lang: Lang; search: string }) {
  const { t } = useTranslation();
  const state = useMemo(() => parseQueueQuery(search), [search]);
  const [after, setAfter] = useState<string | null>(null);
  const [pageNo, setPageNo] = useState(1);
  useEffect(() => {
    setAfter(null);
    setPageNo(1);
  }, [search]);
  const q = useGqlQuery(VerificationQueueQuery, { first: QUEUE_PAGE, after, lang: apiLang(lang), ...queueVariables(state) }, { fresh: true });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const conn = q.data?.verificationQueue;
  const headings = useRef<(HTMLHeadingElement | null)[]>([]);
  const [focusAfterLoad, setFocusAfterLoad] = useState<number | null>(null);
  useEffect(() => {
    if (focusAfterLoad === null || q.isFetching || !conn) return;
    const next = nextFocus(conn.edges.length, focusAfterLoad);
    (next === null ? heading.current : headings.current[next])?.focus();
    setFocusAfterLoad(null);
  }, [focusAfterLoad, q.isFetching, conn]);
  const decided = (index: number) => {
    clearQueryCache();
    setFocusAfterLoad(index);
    void q.refetch();
  };
  const set = (patch: Partial<QueueState>) => navigate(queueHref({ ...state, ...patch }));
  return (
    <section className="moderation">
      <h1 ref={heading} tabIndex={-1}>
        {t('moderation.title')}
      </h1>
      <p>
        <Link href={paths.merge()}>{t('merge.title')}</Link>
      </p>
      <QueueFilters state={state} counts={conn?.countsByKind ?? null} set={set} />
      <LoadError error={q.error} onRetry={q.refetch} />
      {conn && (
        <p data-testid="queue-count" data-count={conn.totalCount} aria-live="polite">
          {t('moderation.count', { count: conn.totalCount })}
        </p>
      )}
      {conn && (
        <ol className="queue" data-testid="queue" data-page={pageNo}>
          {conn.edges.map((e, i) => (
            <QueueItem key={itemKey(e.node)} item={e.node} lang={lang} onDone={() => decided(i)} headingRef={(el) => (headings.current[i] = el)} />
          ))}
        </ol>
      )}
      {q.isFetching && <p aria-live="polite">{t('nav.loading')}</p>}
      {conn?.pageInfo.hasNextPage && (
        <button
          type="button"
          onClick={() => {
            setAfter(conn.pageInfo.endCursor ?? null);
            setPageNo((n) => n + 1);
          }}
        >
          {t('moderation.next')}
        </button>
      )}
      {after && (
        <button
          type="button"
          onClick={() => {
            setAfter(null);
            setPageNo(1);
          }}
        >
          {t('moderation.first')}
        </button>
      )}
    </section>
  );
}

/** Kind (with its count for the search), words of the name, and the order. */
function QueueFilters({ state, counts, set }: { state: QueueState; counts: readonly { kind: string; count: number }[] | null; set: (patch: Partial<QueueState>) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [words, setWords] = useState(state.q);
  useEffect(() => setWords(state.q), [state.q]);
  const count = (kind: string) => counts?.find((c) => c.kind === kind)?.count;
  const all = counts ? counts.reduce((sum, c) => sum + c.count, 0) : undefined;
  const label = (text: string, n: number | undefined) => (n === undefined ? text : `${text} (${n})`);
  return (
    <form className="queue-filters" data-testid="queue-filters" aria-label={t('moderation.filters')} onSubmit={(e) => (e.preventDefault(), set({ q: words }))}>
      <fieldset className="field">
        <legend>{t('moderation.kindFilter')}</legend>
        <div className="kind-choice">
          <label>
            <input type="radio" name="kind" checked={state.kind === null} onChange={() => set({ kind: null })} /> {label(t('moderation.allKinds'), all)}
          </label>
          {QUEUE_KINDS.map((kind) => (
            <label key={kind} data-kind={kind} data-count={count(kind) ?? ''}>
              <input type="radio" name="kind" value={kind} checked={state.kind === kind} onChange={() => set({ kind })} /> {label(t(`moderation.kind.${kind}`), count(kind))}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('moderation.search')}</label>
        <div className="inline-form">
          <input id={`${id}-q`} type="search" maxLength={200} value={words} onChange={(e) => setWords(e.target.value)} />
          <button type="submit">{t('moderation.searchButton')}</button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-order`}>{t('moderation.order')}</label>
        <select id={`${id}-order`} value={state.order} onChange={(e) => set({ order: e.target.value as QueueState['order'] })}>
          <option value="OLDEST_FIRST">{t('moderation.oldestFirst')}</option>
          <option value="NEWEST_FIRST">{t('moderation.newestFirst')}</option>
        </select>
      </div>
    </form>
  );
}
