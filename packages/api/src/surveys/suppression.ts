/**
 * Statistical disclosure control of a table of counts (pure; results-compute.ts calls it).
 *
 * Primary: a cell counting fewer than `min` organizations (and more than none) is withheld.
 * Complementary: a published total minus the published cells of its line would give a withheld cell
 * back, so every line (all cells of a one-way table; each row and each column of a two-way table)
 * that has exactly one withheld cell gets a second one: its smallest published cell. Repeated until
 * no line has exactly one, since hiding a cell in a row can leave its column with one.
 */
export type Suppression = 'PRIMARY' | 'COMPLEMENTARY';

export interface CountCell {
  id: string;
  n: number;
  /** The lines (row, column, whole table) the cell adds up into. */
  lines: string[];
}

export function suppressCells(cells: CountCell[], min: number, already: ReadonlyMap<string, Suppression> = new Map()): Map<string, Suppression> {
  const hidden = new Map<string, Suppression>(already);
  for (const cell of cells) if (!hidden.has(cell.id) && cell.n > 0 && cell.n < min) hidden.set(cell.id, 'PRIMARY');
  const lines = new Map<string, CountCell[]>();
  for (const cell of cells) for (const line of cell.lines) lines.set(line, [...(lines.get(line) ?? []), cell]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const members of lines.values()) {
      if (members.filter((c) => hidden.has(c.id)).length !== 1) continue;
      const candidate = members
        .filter((c) => !hidden.has(c.id) && c.n > 0)
        .sort((a, b) => a.n - b.n || a.id.localeCompare(b.id))[0];
      // A line of one non-empty cell: its total is that cell, and the total is withheld by its own count.
      if (!candidate) continue;
      hidden.set(candidate.id, 'COMPLEMENTARY');
      changed = true;
    }
  }
  return hidden;
}
