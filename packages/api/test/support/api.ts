import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import type { GraphQLFormattedError } from 'graphql';
import { ANONYMOUS, type RequestCredentials } from '../../src/accounts/auth';
import { createApolloServer } from '../../src/app/graphql/apollo';
import { createContext, type GraphQLContext } from '../../src/app/context';
import { ReferenceCache } from '../../src/reference/reference-catalog';
import type { TestDatabase } from './test-database';

export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface ActAs {
  token: string | null;
  via?: 'bearer' | 'cookie';
  csrfHeader?: boolean;
}

export interface TestApi {
  /** `as` runs the operation with that session token, as a bearer token (or as a cookie, with or without the CSRF header). */
  query: <T = any>(query: string, variables?: Record<string, unknown>, as?: ActAs) => Promise<GraphQLResult<T>>;
  /** Counts the SQL statements the next operation runs. */
  countStatements: <T>(run: () => Promise<T>) => Promise<{ result: T; statements: string[] }>;
  reference: ReferenceCache;
  apollo: ApolloServer<GraphQLContext>;
}

/** Runs operations through the real Apollo server and schema, each with a request-scoped context, as HTTP requests would. */
export async function createTestApi(db: TestDatabase): Promise<TestApi> {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const apollo = await createApolloServer(logger);
  const reference = new ReferenceCache(db.orm);
  const statements: string[] = [];
  let counting = false;
  db.orm.em.getConnection().getKnex().on('query', (q: { sql: string }) => {
    if (counting) statements.push(q.sql);
  });
  return {
    apollo,
    reference,
    query: async (query, variables, as) => {
      const credentials: RequestCredentials = as?.token
        ? { ...ANONYMOUS, token: as.token, via: as.via ?? 'bearer', csrfHeader: as.csrfHeader ?? as.via !== 'cookie' }
        : ANONYMOUS;
      const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(db.orm, reference, logger, credentials) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as GraphQLResult;
    },
    countStatements: async (run) => {
      statements.length = 0;
      counting = true;
      try {
        const result = await run();
        return { result, statements: [...statements] };
      } finally {
        counting = false;
      }
    },
  };
}
