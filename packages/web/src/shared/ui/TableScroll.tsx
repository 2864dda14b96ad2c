import type { ReactNode } from 'react';

/**
 * A wide table's box, which scrolls sideways on a narrow screen: focusable, so that keyboard users
 * can scroll it with the arrow keys even when the table holds no link or button (axe's
 * scrollable-region-focusable, WCAG 2.1.1), and named for screen readers.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A column of a data table: its heading, `num` for figures (right-aligned), false to leave it out. */
export type Column = { label: string; num?: boolean } | false;

/** A data table's head: one row of column headings. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map(
          (c, i) =>
            c && (
              <th key={i} scope="col" className={c.num ? 'num' : undefined}>
                {c.label}
              </th>
            ),
        )}
      </tr>
    </thead>
  );
}
