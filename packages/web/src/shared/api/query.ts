// The GraphQL data layer: TanStack Query's cache and request state around the typed documents
// (src/gql) sent by request() (graphql.ts). A result is cached by (operation, variables) and kept
// until a write or a change of viewer clears the cache; `fresh` queries (what a viewer may do,
// their own records) are asked again every time a page shows them and never kept.
import { QueryClient, keepPreviousData, queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { TypedDocumentString } from '../../gql/graphql';
import { request } from './graphql';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a failed request shows its error and a retry button at once, as the pages always did
      retry: false,
      // results change only by writes, which clear the cache: never refetch behind the user's back
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

/** The operation's name ("OrganizationProfile"), the first part of its cache key. */
export function operationName(document: { toString(): string }): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? document.toString();
}

/** The cache key and fetch of one operation with its variables (for useQuery, fetchQuery, prefetching). */
export function gqlQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables) {
  return queryOptions({
    queryKey: [operationName(document), variables] as const,
    queryFn: ({ signal }) => request(document, variables, { signal }),
  });
}

export interface GqlQueryOptions {
  /** false: do not ask (yet), e.g. while a form misses what the query needs. */
  enabled?: boolean;
  /** Ask again whenever a page shows it and keep nothing: the viewer's own records and permissions. */
  fresh?: boolean;
  /** While new variables load (another language, another page), go on showing the last result. */
  keepPrevious?: boolean;
}

/** Runs a typed GraphQL query whenever its variables change. */
export function useGqlQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: GqlQueryOptions = {},
): UseQueryResult<TResult, Error> {
  return useQuery({
    ...gqlQuery(document, variables),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    ...(options.fresh ? { staleTime: 0, gcTime: 0, refetchOnMount: 'always' as const } : {}),
  });
}

/** Runs a query once outside React (a map popup), through the same cache. */
export function fetchGql<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  return queryClient.fetchQuery(gqlQuery(document, variables));
}

/**
 * Forgets the cached results: after a write, and when the signed-in user changes. Results no page
 * shows are dropped, so they are never shown again; those on screen stay until their page asks
 * again (its reload after a save) and are asked anew by the next page that shows them.
 */
export function clearQueryCache(): void {
  queryClient.removeQueries({ type: 'inactive' });
  void queryClient.invalidateQueries({ type: 'active', refetchType: 'none' });
}
