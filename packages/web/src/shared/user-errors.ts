// The API's typed userErrors ({ field, message, code }) sorted for a form: those of a field the form
// shows go next to that field, the others above the form; a stale version is a case of its own.

export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

/** ["input", "names", "sq"] → "names.sq"; the argument names of plain mutations stay as they are. */
export function fieldKey(field: readonly string[] | null | undefined): string {
  if (!field?.length) return '';
  const parts = field[0] === 'input' ? field.slice(1) : field;
  return parts.filter((p) => !/^\d+$/.test(p)).join('.');
}

export interface SortedErrors {
  /** Messages by form field key. */
  byField: Record<string, string[]>;
  /** Messages that belong to no field the form shows. */
  general: UserErrorLike[];
  /** Someone else saved the record since it was loaded. */
  stale: boolean;
}

/** No errors (a form before its first save, or after a good one). */
export const NO_ERRORS: SortedErrors = Object.freeze({ byField: {}, general: [], stale: false }) as SortedErrors;

export function sortErrors(errors: readonly UserErrorLike[], formFields: Iterable<string>, aliases: Record<string, string> = {}): SortedErrors {
  const known = new Set(formFields);
  const out: SortedErrors = { byField: {}, general: [], stale: false };
  for (const e of errors) {
    if (e.code === 'STALE_VERSION') {
      out.stale = true;
      continue;
    }
    let key = fieldKey(e.field);
    key = aliases[key] ?? key;
    // a field inside a group (names.sq) shows at the group's first field when the group is not split
    if (!known.has(key) && known.has(`${key}.sq`)) key = `${key}.sq`;
    if (key && known.has(key)) (out.byField[key] ??= []).push(e.message);
    else out.general.push(e);
  }
  return out;
}

/** An id for the error element of a field, for aria-describedby. */
export function errorId(formId: string, key: string): string {
  return `${formId}-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}-error`;
}

/** A request that failed before the API could answer, shown like a userError. */
export function networkError(e: unknown): UserErrorLike {
  return { code: 'NETWORK', message: e instanceof Error ? e.message : String(e), field: null };
}
