import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../../gql/graphql';
import { request } from './graphql';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

const cache = new Map<string, unknown>();
const CACHE_LIMIT = 50;

/** Forgets every cached result: after a write, or when the signed-in user changes. */
export function clearQueryCache(): void {
  cache.clear();
}

/** Runs a query when its variables change; results are cached by (document, variables). */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { skip?: boolean; cache?: boolean } = {},
): QueryState<TResult> & { retry: () => void } {
  const key = document.toString() + '\n' + JSON.stringify(variables);
  const useCache = options.cache !== false;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<QueryState<TResult> & { key: string }>(() => ({
    key,
    data: useCache ? (cache.get(key) as TResult | undefined) : undefined,
    error: undefined,
    loading: !(useCache && cache.has(key)),
  }));

  useEffect(() => {
    if (options.skip) return;
    if (useCache && cache.has(key)) {
      setState({ key, data: cache.get(key) as TResult, error: undefined, loading: false });
      return;
    }
    const ctrl = new AbortController();
    setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: undefined, loading: true }));
    request(document, variables, { signal: ctrl.signal }).then(
      (data) => {
        if (useCache) {
          if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
          cache.set(key, data);
        }
        setState({ key, data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ key, data: undefined, error: error instanceof Error ? error : new Error(String(error)), loading: false });
      },
    );
    return () => ctrl.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` covers document and variables
  }, [key, options.skip, attempt]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const current = state.key === key ? state : { data: undefined, error: undefined, loading: !options.skip };
  return { data: current.data, error: current.error, loading: current.loading, retry };
}
