// Navigation by hand on the History API: the current location as a React store, and the matching
// of a path against a pattern ("/org/:id/edit") for the route table (app/routes.ts).
import { useSyncExternalStore } from 'react';

export { orgPath } from './paths';

/**
 * The parameters of `pathname` if it matches `pattern` (literal segments and ":name"), else null.
 * One trailing slash is ignored; a parameter that is not valid percent-encoding does not match.
 */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (!w.startsWith(':')) {
      if (w !== g) return null;
      continue;
    }
    if (!g) return null;
    try {
      params[w.slice(1)] = decodeURIComponent(g);
    } catch {
      return null;
    }
  }
  return params;
}

const NAVIGATE_EVENT = 'civimap:navigate';

/** `state`: what the page at `url` is told of how it was reached (history.state; kept on reload and back). */
export function navigate(url: string, options: { replace?: boolean; state?: unknown } = {}): void {
  const current = location.pathname + location.search;
  if (url === current && !options.replace) return;
  if (options.replace) history.replaceState(options.state ?? null, '', url);
  else history.pushState(options.state ?? null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  window.addEventListener(NAVIGATE_EVENT, cb);
  return () => {
    window.removeEventListener('popstate', cb);
    window.removeEventListener(NAVIGATE_EVENT, cb);
  };
}

export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + '\n' + location.search);
  const [pathname, search] = href.split('\n') as [string, string];
  return { pathname, search };
}

/** True for a plain left click that the SPA should handle (not a new tab, window or download). */
export function isPlainClick(e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; defaultPrevented: boolean }): boolean {
  return !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

let lastMapSearch = '';
/** The query string of the map page the user last saw, so "back to the map" restores it. */
export function rememberMapSearch(search: string): void {
  lastMapSearch = search;
}
export function mapHref(): string {
  return '/' + lastMapSearch;
}
