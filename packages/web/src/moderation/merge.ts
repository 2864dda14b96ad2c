// Merging duplicates, the page's pure logic: the two ids in the URL, the choices per field and how
// a value shows. The rules (what may be merged, what moves) are the API's; nothing here decides them.

export interface MergePair {
  kept: string | null;
  merged: string | null;
}

export type Source = 'KEPT' | 'MERGED';

export interface ComparedField {
  field: string;
  kept?: unknown;
  merged?: unknown;
  differs: boolean;
}

export function parseMergeQuery(search: string): MergePair {
  const p = new URLSearchParams(search);
  return { kept: p.get('kept') || null, merged: p.get('merged') || null };
}

export function mergeHref(pair: MergePair): string {
  const p = new URLSearchParams();
  if (pair.kept) p.set('kept', pair.kept);
  if (pair.merged) p.set('merged', pair.merged);
  const q = p.toString();
  return q ? `/moderation/merge?${q}` : '/moderation/merge';
}

/** The input's field choices: only the differing fields where the duplicate's value was chosen. */
export function choicesInput(fields: readonly ComparedField[], choices: Record<string, Source>): { field: string; source: Source }[] {
  return fields.filter((f) => f.differs && choices[f.field] === 'MERGED').map((f) => ({ field: f.field, source: 'MERGED' as const }));
}

/** A field's value as text: lists joined, booleans as the given words, empty as a dash. */
export function displayValue(value: unknown, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '—';
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  return String(value);
}

/** The history's label key of a field ("names.sq" → history.fields.names_sq). */
export function fieldLabelKey(field: string): string {
  return `history.fields.${field.replace(/\./g, '_')}`;
}
