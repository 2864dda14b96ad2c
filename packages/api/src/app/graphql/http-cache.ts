import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../context';

/** How long browsers and shared caches may keep a public GraphQL GET response. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

/**
 * HTTP caching of GraphQL responses. Only an anonymous GET query (no session cookie, no
 * Authorization header) answered without errors is `public, max-age=60`: GET is what caches store,
 * and an anonymous answer is the same for everyone. Everything else (POST, mutations, signed-in
 * requests, errors) is `no-store`. The app sends `Vary: Cookie, Authorization` on GET /graphql so
 * that a cache never hands an anonymous answer to a signed-in request. Replaces the header Apollo's
 * cache-control plugin would compute (that plugin runs with calculateHttpHeaders: false).
 */
export function httpCachePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, contextValue }) {
          const anonymous = contextValue?.credentials?.token === null && !request.http?.headers.get('authorization');
          const cacheable =
            request.http?.method === 'GET' &&
            operation?.operation === 'query' &&
            anonymous &&
            (response.http.status ?? 200) === 200 &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors?.length;
          response.http.headers.set('cache-control', cacheable ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}` : 'no-store');
        },
      };
    },
  };
}
