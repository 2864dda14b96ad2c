// Who is signed in: one `me` query shared by every component through a tiny external store, asked
// again after signing in or out. The session itself is the API's httpOnly cookie.
import { useSyncExternalStore } from 'react';
import type { SessionQuery as SessionResult } from '../gql/graphql';
import { graphql } from '../gql';
import { request } from './api/graphql';
import { clearQueryCache } from './api/query';

/** Who is signed in (null: nobody). */
export const SessionQuery = graphql(`
  query Session {
    me {
      id
      displayName
      email
      role
    }
  }
`);

export type SessionUser = NonNullable<SessionResult['me']>;

export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  user: SessionUser | null;
}

let state: SessionState = { status: 'loading', user: null };
let started = false;
const listeners = new Set<() => void>();

function set(next: SessionState) {
  state = next;
  listeners.forEach((l) => l());
}

/** Asks the API who is signed in; every cached query result is dropped when the answer changes. */
export async function refreshSession(): Promise<SessionUser | null> {
  started = true;
  try {
    const data = await request(SessionQuery, {});
    const user = data.me ?? null;
    if ((user?.id ?? null) !== (state.user?.id ?? null)) clearQueryCache();
    set({ status: 'ready', user });
    return user;
  } catch {
    set({ status: 'error', user: null });
    return null;
  }
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  if (!started) void refreshSession();
  return () => listeners.delete(cb);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}

export function isModerator(user: SessionUser | null): boolean {
  return user?.role === 'MODERATOR' || user?.role === 'ADMIN';
}
