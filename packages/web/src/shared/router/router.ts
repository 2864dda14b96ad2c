// Routing by hand on the History API: two pages (the map at "/", a profile at "/org/:id"), the
// map page's state in the query string.
import { useSyncExternalStore } from 'react';

export type Route = { page: 'map' } | { page: 'org'; id: string } | { page: 'coverage' } | { page: 'contracts' } | { page: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '' || pathname === '/index.html') return { page: 'map' };
  if (/^\/coverage\/?$/.test(pathname)) return { page: 'coverage' };
  if (/^\/contracts\/?$/.test(pathname)) return { page: 'contracts' };
  const m = /^\/org\/([^/]+)\/?$/.exec(pathname);
  if (m) {
    try {
      return { page: 'org', id: decodeURIComponent(m[1]!) };
    } catch {
      return { page: 'notFound' };
    }
  }
  return { page: 'notFound' };
}

export function orgPath(id: string): string {
  return `/org/${encodeURIComponent(id)}`;
}

const NAVIGATE_EVENT = 'civimap:navigate';

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search;
  if (url === current && !options.replace) return;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
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
