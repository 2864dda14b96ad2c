import { CONTROL_CHARACTERS, isCalendarDate } from '../core/validation';

export interface ImportIssue {
  column: string | null;
  code: string;
  message: string;
}

/** A `;`-separated list cell. */
export const list = (value: string) => value.split(';').map((v) => v.trim()).filter(Boolean);

/**
 * One CSV row's cells by column, read with the import's rules: each getter returns the typed value
 * or null, and records what is wrong in which column. Every error of the row is collected; none stops
 * the others from being reported.
 */
export class CsvRowReader {
  readonly errors: ImportIssue[] = [];

  constructor(
    readonly values: Record<string, string>,
    extraFields: number,
  ) {
    if (extraFields > 0) this.err(null, 'TOO_MANY_FIELDS', `The row has ${extraFields} more field(s) than the header; a comma inside a value needs quotes.`);
    for (const [column, value] of Object.entries(values)) {
      if (CONTROL_CHARACTERS.test(value)) this.err(column, 'CONTROL_CHARACTER', 'The value contains control characters.');
    }
  }

  err(column: string | null, code: string, message: string): void {
    this.errors.push({ column, code, message });
  }

  /** The raw cell ('' when the column is absent). */
  cell(column: string): string {
    return this.values[column] ?? '';
  }

  text(column: string, max: number, required = false): string | null {
    const value = this.cell(column);
    if (!value) {
      if (required) this.err(column, 'REQUIRED', `${column} is required.`);
      return null;
    }
    if (value.length > max) this.err(column, 'TOO_LONG', `${column} has ${value.length} characters; at most ${max}.`);
    return value;
  }

  whole(column: string, min: number, max: number): number | null {
    const value = this.cell(column);
    if (!value) return null;
    if (!/^-?\d+$/.test(value)) return this.err(column, 'NOT_A_NUMBER', `${column} must be a whole number; got "${value}".`), null;
    const n = Number(value);
    if (n < min || n > max) return this.err(column, 'OUT_OF_RANGE', `${column} must be from ${min} to ${max}; got ${n}.`), null;
    return n;
  }

  choice<T extends string>(column: string, allowed: T[]): T | null {
    const value = this.cell(column).toUpperCase();
    if (!value) return null;
    if (!allowed.includes(value as T)) return this.err(column, 'INVALID_CHOICE', `${column} must be one of ${allowed.join(', ')}; got "${this.values[column]}".`), null;
    return value as T;
  }

  codes(column: string, lookup: (code: string) => { id: string } | undefined, what: string): string[] {
    return list(this.cell(column)).flatMap((code) => {
      const found = lookup(code);
      if (!found) return this.err(column, 'UNKNOWN_CODE', `Unknown ${what} "${code}".`), [];
      return [found.id];
    });
  }

  date(column: string): string | null {
    const value = this.cell(column);
    if (!value) return null;
    if (!isCalendarDate(value)) return this.err(column, 'INVALID_DATE', `${column} must be a date YYYY-MM-DD; got "${value}".`), null;
    return value;
  }
}
