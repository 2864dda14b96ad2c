/** Relay pages: 20 by default, at most 100 (DESIGN section 3). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
