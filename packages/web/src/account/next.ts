import { clearQueryCache } from '../shared/api/query';
import { paths } from '../shared/router/paths';
import { navigate } from '../shared/router/router';
import { refreshSession } from '../shared/session';

/** Where to go after signing in: only a path on this site (never another origin), else "My organizations". */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return paths.me;
}

/** Signed in (or registered): nothing cached for the previous viewer stays, then back to `?next=`. */
export async function afterSignIn(search: string): Promise<void> {
  clearQueryCache();
  await refreshSession();
  navigate(safeNext(search));
}
