// A minimal GraphQL-over-HTTP client: typed documents are plain strings (documentMode: 'string'),
// so no GraphQL runtime is bundled.
import type { TypedDocumentString } from '../../gql/graphql';

export const GRAPHQL_URL = '/graphql';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: { signal?: AbortSignal; url?: string; fetch?: typeof fetch } = {},
): Promise<TResult> {
  const doFetch = options.fetch ?? fetch;
  const res = await doFetch(options.url ?? GRAPHQL_URL, {
    method: 'POST',
    // x-civimap-csrf: the API refuses cookie-authenticated mutations without it (docs/accounts.md)
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', 'x-civimap-csrf': '1' },
    body: JSON.stringify({ query: document.toString(), variables }),
    // the session is the API's httpOnly cookie, on this origin only
    credentials: 'same-origin',
    signal: options.signal,
  });
  let body: { data?: TResult | null; errors?: { message: string }[] };
  try {
    body = await res.json();
  } catch {
    throw new GraphQLRequestError(`HTTP ${res.status}`, res.status);
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), res.status);
  if (!res.ok || body.data == null) throw new GraphQLRequestError(`HTTP ${res.status}`, res.status);
  return body.data;
}
