import type { ApolloServerPlugin } from '@apollo/server';
import { csrfDenial } from './auth';
import type { SessionContext } from './session-context';

/**
 * Refuses a mutation authenticated by the session cookie unless it carries the CSRF header (see
 * auth.ts for why a header suffices). Bearer tokens are not ambient, so they need no such proof;
 * anonymous mutations (register, signIn) have no authority to abuse. Apollo's own csrfPrevention
 * (on by default) additionally refuses "simple" requests that skip the CORS preflight.
 */
export function csrfPlugin(): ApolloServerPlugin<SessionContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const denial = csrfDenial(contextValue.credentials);
          if (denial) throw denial;
        },
      };
    },
  };
}
