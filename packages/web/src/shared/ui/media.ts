// Layout decisions that CSS alone cannot make (a control that exists only on a phone).
import { useSyncExternalStore } from 'react';

/** The width below which the app uses its phone layout (the same number as the CSS media queries). */
export const PHONE_QUERY = '(max-width: 760px)';

/** Whether a media query matches now, re-rendering when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (cb) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', cb);
      return () => list.removeEventListener('change', cb);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}
