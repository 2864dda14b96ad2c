import { paths } from '../shared/router/paths';

/** Where to go after signing in: only a path on this site (never another origin), else "My organizations". */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return paths.me;
}
