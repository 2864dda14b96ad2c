import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { csrfPlugin } from '../accounts/csrf-plugin';
import type { GraphQLContext } from './context';
import { buildCivimapSchema } from './schema';

/** Codes a client can act on; anything else is an internal error whose details stay in the log. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

export async function createApolloServer(logger: Logger): Promise<ApolloServer<GraphQLContext>> {
  const server = new ApolloServer<GraphQLContext>({
    schema: await buildCivimapSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Our own GraphiQL is served at GET /graphql; Apollo's landing page would load from a CDN.
    plugins: [ApolloServerPluginLandingPageDisabled(), csrfPlugin()],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
      logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error in a GraphQL request');
      return {
        message: 'Internal server error: the request could not be completed. It has been logged.',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
  await server.start();
  return server;
}
