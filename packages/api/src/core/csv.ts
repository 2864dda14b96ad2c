import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import type { Response } from 'express';
import { once } from 'node:events';

/**
 * The one CSV writer of every export (organizations, services, locations, shortlists, coverage, and
 * any later one): a plain RFC 4180 table, header row first, CRLF line ends, UTF-8 with a byte-order
 * mark by default (Excel reads ë, ç, č, š, ž correctly only with it; `?bom=0` drops it for tools
 * that dislike it). Licence, time, filter and demo flag live in HTTP headers and the data package
 * (/export/datapackage.json), never in the file, so strict parsers read it unchanged.
 */

/** A cell beginning with one of these is read as a formula by spreadsheets (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Values that start like a formula but are only a number or a phone number: digits, spaces and
 * `+ - ( ) . /`, with at least one digit, and nothing else. They hold no function name, cell
 * reference or separator a formula could use to reach anything, so they are left exactly as they
 * are: `+383 44 123 456` and `-12.5` keep their meaning in Excel, pandas and R alike.
 */
const PLAIN_NUMBER = /^[+-]?[0-9 ().\/-]*[0-9][0-9 ().\/-]*$/;

/**
 * Neutralises a text cell a spreadsheet would run as a formula by prefixing an apostrophe (Excel
 * and LibreOffice then show it as text); numbers and phone numbers (PLAIN_NUMBER) stay unchanged.
 * The apostrophe is not part of the value: the data package says so for every text field.
 */
export function neutraliseCell(value: string): string {
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** What a cell holds, as text: dates as ISO 8601 (seconds, UTC), lists joined with ';', null as empty. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoSeconds(value);
  if (Array.isArray(value)) return neutraliseCell(value.map((v) => csvCell(v)).join(';'));
  if (typeof value === 'string') return neutraliseCell(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return neutraliseCell(JSON.stringify(value));
}

/** An instant in ISO 8601 to the second, in UTC (what Table Schema's datetime "default" format reads). */
export function isoSeconds(value: Date | string): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface CsvDownload {
  /** File name without the date and extension, e.g. "civimap-organizations". */
  baseName: string;
  /** The licence of the data, linked with rel="license". */
  licence: { name: string; url: string };
  /** Absolute URL of the data package describing this file, linked with rel="describedby". */
  describedBy?: string;
  /** When the file is made; its date goes into the file name. */
  generatedAt: Date;
}

/** Whether the request asked for no byte-order mark (`?bom=0` or `?bom=false`). */
export function wantsBom(query: Record<string, unknown>): boolean {
  const value = query.bom;
  return !(value === '0' || value === 'false');
}

/**
 * Sets the headers of a CSV download: the content type, `Content-Disposition` with a dated file name
 * (civimap-organizations-2026-12-01.csv) and `Link` to the licence and the data package.
 */
export function setCsvHeaders(res: Response, download: CsvDownload): void {
  res.type('text/csv; charset=utf-8');
  const date = download.generatedAt.toISOString().slice(0, 10);
  res.setHeader('Content-Disposition', `attachment; filename="${download.baseName}-${date}.csv"`);
  const links = [`<${download.licence.url}>; rel="license"; title="${download.licence.name.replace(/"/g, '')}"`];
  if (download.describedBy) links.push(`<${download.describedBy}>; rel="describedby"; type="application/json"`);
  res.setHeader('Link', links.join(', '));
}

/** RFC 4180: a header row, CRLF after every record, fields with a comma, quote or line break quoted. */
const STRINGIFY_OPTIONS = { header: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

export interface CsvWriter {
  /** Writes one record (its cells in the order of the columns), waiting while the client is slow. */
  write(row: readonly unknown[]): Promise<void>;
  /** Ends the file and waits until every byte is handed to the response. */
  end(): Promise<void>;
}

/**
 * A streaming CSV writer into a response: the header row first, then the records. Every cell goes
 * through csvCell (formula neutralisation, ISO dates, ';' lists); quoting is csv-stringify's, RFC 4180.
 */
export function createCsvWriter(res: Response, columns: readonly string[], options: { bom?: boolean } = {}): CsvWriter {
  const stream = stringify({ ...STRINGIFY_OPTIONS, columns: [...columns], bom: options.bom ?? true });
  stream.pipe(res);
  return {
    async write(row) {
      if (!stream.write(row.map((cell) => csvCell(cell)))) await once(stream, 'drain');
    },
    async end() {
      stream.end();
      await once(stream, 'end');
    },
  };
}

/** A whole CSV as text (header first, CRLF, optional BOM), for small tables and tests. */
export function csvText(columns: readonly string[], rows: readonly (readonly unknown[])[], options: { bom?: boolean } = {}): string {
  return stringifySync(rows.map((row) => row.map(csvCell)), { ...STRINGIFY_OPTIONS, columns: [...columns], bom: options.bom ?? true });
}
