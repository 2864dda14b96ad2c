// How a revision's field-level changes read in the history view: values as short text, lists
// as what was added and removed, codes by their names.

export interface FieldChangeLike {
  field: string;
  old?: unknown;
  new?: unknown;
}

export interface DiffRow {
  field: string;
  old: string;
  new: string;
  /** For lists: the items added and removed (the full old and new lists are in old/new). */
  added?: string[];
  removed?: string[];
}

export type Namer = (field: string, value: string) => string;

const EMPTY = '—';

/** One value as text: null and empty show as a dash, lists joined, objects as key: value pairs. */
export function formatValue(value: unknown, field = '', name: Namer = (_f, v) => v): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(v, field, name)).join(', ') : EMPTY;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v != null && v !== '');
    return entries.length ? entries.map(([k, v]) => `${k}: ${formatValue(v, `${field}.${k}`, name)}`).join('; ') : EMPTY;
  }
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return name(field, String(value));
}

/** The rows of a revision, in the order the API gave them. */
export function diffRows(changes: readonly FieldChangeLike[], name?: Namer): DiffRow[] {
  return changes.map((c) => {
    const row: DiffRow = { field: c.field, old: formatValue(c.old, c.field, name), new: formatValue(c.new, c.field, name) };
    if (Array.isArray(c.old) || Array.isArray(c.new)) {
      const before = (Array.isArray(c.old) ? c.old : []).map((v) => formatValue(v, c.field, name));
      const after = (Array.isArray(c.new) ? c.new : []).map((v) => formatValue(v, c.field, name));
      row.added = after.filter((v) => !before.includes(v));
      row.removed = before.filter((v) => !after.includes(v));
    }
    return row;
  });
}

/** Actions whose old values revertRevision can apply. */
export function isRevertible(action: string): boolean {
  return action === 'UPDATE' || action === 'REVERT';
}
