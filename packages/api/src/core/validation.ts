import { invalid, type UserError } from './user-errors';

const EMAIL = /^[^\s@"<>()\[\],;:\\]+@[^\s@"<>()\[\],;:\\]+\.[^\s@"<>()\[\],;:\\]{2,}$/u;

/** Trimmed and lower-cased, or null when it is not a plausible address. */
export function normaliseEmail(value: string): string | null {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email) || email.includes('..')) return null;
  return email;
}

/** A day that exists, written YYYY-MM-DD: 2024-02-29 is one, 2024-02-31 and 2023-02-29 are not. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** Digits, spaces and + ( ) - . / only, with 6 to 15 digits (E.164 allows 15). */
export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return /^\+?[0-9][0-9 ()./-]*$/.test(text) && digits >= 6 && digits <= 15;
}

/** NUL and other control characters, except tab and newlines. */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const LIMITS = {
  name: 300,
  /** Per language: a long profile fits; a pasted document does not. */
  description: 10_000,
  shortText: 1_000,
  url: 2_000,
  socialLinks: 10,
  count: 1_000_000,
  listItems: 200,
} as const;

/**
 * Collects every problem of one input, each with the path of its field, so a form can show them
 * all at once. Normalising methods return the cleaned value (or undefined when invalid).
 */
export class Validator {
  readonly errors: UserError[] = [];

  constructor(private readonly root: string[] = ['input']) {}

  get ok(): boolean {
    return this.errors.length === 0;
  }

  error(field: string, message: string): undefined {
    this.errors.push(invalid(message, [...this.root, ...field.split('.')]));
    return undefined;
  }

  /** Trimmed; empty becomes null; NUL and other control characters (except tab and newlines) refused. */
  text(field: string, value: string | null | undefined, max: number, options: { required?: boolean } = {}): string | null | undefined {
    if (value === undefined) return options.required ? this.error(field, 'This field is required.') : undefined;
    const trimmed = value === null ? '' : value.trim();
    if (!trimmed) return options.required ? this.error(field, 'This field is required.') : null;
    if (trimmed.length > max) return this.error(field, `At most ${max.toLocaleString('en')} characters; got ${trimmed.length.toLocaleString('en')}.`);
    if (CONTROL_CHARACTERS.test(trimmed)) return this.error(field, 'Contains control characters.');
    return trimmed;
  }

  email(field: string, value: string | null | undefined): string | null | undefined {
    if (value === undefined || value === null || !value.trim()) return value === undefined ? undefined : null;
    return normaliseEmail(value) ?? this.error(field, `"${value.slice(0, 80)}" is not a valid email address.`);
  }

  /** Only http and https: javascript:, data: and other schemes would run or load things where the link is shown. */
  url(field: string, value: string | null | undefined): string | null | undefined {
    const text = this.text(field, value, LIMITS.url);
    if (!text) return text;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return this.error(field, `"${text.slice(0, 80)}" is not a valid address: write it in full, starting with https://.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return this.error(field, `Only http and https addresses are accepted; got ${url.protocol}`);
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return this.error(field, `"${url.hostname}" is not a host name.`);
    return text;
  }

  phone(field: string, value: string | null | undefined): string | null | undefined {
    const text = this.text(field, value, 40);
    if (!text) return text;
    if (!isPhoneNumber(text)) {
      return this.error(field, `"${text}" is not a phone number: digits, spaces and + ( ) - . / only, 6 to 15 digits (e.g. +383 38 123 456).`);
    }
    return text;
  }

  int(field: string, value: number | null | undefined, min: number, max: number): number | null | undefined {
    if (value === undefined || value === null) return value;
    if (!Number.isInteger(value) || value < min || value > max) return this.error(field, `Must be a whole number from ${min} to ${max}; got ${value}.`);
    return value;
  }

  number(field: string, value: number | null | undefined, min: number, max: number): number | null | undefined {
    if (value === undefined || value === null) return value;
    if (!Number.isFinite(value) || value < min || value > max) return this.error(field, `Must be a number from ${min} to ${max}; got ${value}.`);
    return value;
  }

  /** A real calendar date as YYYY-MM-DD. */
  date(field: string, value: string | null | undefined, options: { required?: boolean } = {}): string | null | undefined {
    if (value === undefined || value === null || value === '') {
      return options.required ? this.error(field, 'This date is required (YYYY-MM-DD).') : value === undefined ? undefined : null;
    }
    const year = Number(value.slice(0, 4));
    if (!isCalendarDate(value) || year < 1900 || year > 2200) {
      return this.error(field, `"${String(value).slice(0, 20)}" is not a date: write YYYY-MM-DD (e.g. 2024-03-31).`);
    }
    return value;
  }

  /** Known codes, deduplicated and sorted (so that a revision shows a set, not an order). */
  codes(field: string, values: string[] | null | undefined, known: (code: string) => boolean, what: string, options: { required?: boolean } = {}): string[] | undefined {
    if (values === undefined || values === null) {
      return options.required ? this.error(field, `Choose at least one ${what}.`) : values === null ? [] : undefined;
    }
    if (values.length > LIMITS.listItems) return this.error(field, `At most ${LIMITS.listItems} items.`);
    const unknown = values.filter((v) => !known(v));
    if (unknown.length) return this.error(field, `Unknown ${what} code${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).join(', ')}.`);
    const unique = [...new Set(values)].sort();
    if (options.required && !unique.length) return this.error(field, `Choose at least one ${what}.`);
    return unique;
  }
}
