// One mechanism for every route: after a client-side route change the focus moves to the new
// page's heading (its <h1>), so that screen reader users hear where they are and keyboard users
// start from the top of the new content. Pages load lazily and many render their heading only
// once their data is there, so the heading is awaited (a MutationObserver, up to HEADING_WAIT_MS).
import { useEffect, useRef } from 'react';

const HEADING_WAIT_MS = 10_000;

/**
 * The heading a route change focuses: the main region's first rendered h1. While a lazy page loads,
 * React may keep the previous page in the document under `display: none`: its heading has no box.
 */
export function pageHeading(doc: Document): HTMLElement | null {
  const rendered = (list: NodeListOf<HTMLElement>) => [...list].find((h) => h.getClientRects().length > 0) ?? null;
  return rendered(doc.querySelectorAll<HTMLElement>('main h1')) ?? rendered(doc.querySelectorAll<HTMLElement>('h1'));
}

/**
 * Focuses `heading` unless the user has moved the focus themselves since the route changed
 * (`before` is what had the focus then: the link they followed, or the body).
 */
export function focusHeading(heading: HTMLElement, before: Element | null): boolean {
  const active = heading.ownerDocument.activeElement;
  const untouched = !active || active === heading.ownerDocument.body || active === before || !active.isConnected;
  if (!untouched) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  return heading.ownerDocument.activeElement === heading;
}

/** Moves the focus to the page's heading after each route change (not on the first page load). */
export function useRouteFocus(path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const before = document.activeElement;
    let done = false;
    // effects run after the commit: the old page is gone, the new one (or its fallback) is there
    const attempt = () => {
      if (done) return;
      const heading = pageHeading(document);
      if (!heading) return;
      const active = document.activeElement;
      const moved = active && active !== document.body && active !== before && active.isConnected;
      // focused, or the user went elsewhere themselves: either way this route change is done
      if (focusHeading(heading, before) || moved) stop();
    };
    const observer = new MutationObserver(attempt);
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = window.setTimeout(() => stop(), HEADING_WAIT_MS);
    function stop() {
      done = true;
      observer.disconnect();
      window.clearTimeout(timer);
    }
    attempt();
    return stop;
  }, [path]);
}
