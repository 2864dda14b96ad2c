/**
 * SQL fragments with their parameters, composed without string-pasting values: every value is a `?`
 * placeholder bound by the driver. Lists are bound as one PostgreSQL array parameter (`= any(?::uuid[])`),
 * which keeps a statement the same shape whatever the list's length.
 */
export interface Sql {
  text: string;
  params: unknown[];
}

export const sql = (text: string, ...params: unknown[]): Sql => ({ text, params });

export function join(parts: Sql[], separator: string): Sql {
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) };
}

/** The conditions combined with AND (each parenthesised); `true` when there are none. */
export function and(parts: Sql[]): Sql {
  return parts.length ? join(parts.map((p) => ({ text: `(${p.text})`, params: p.params })), ' and ') : sql('true');
}

/**
 * A PostgreSQL array literal for one bound parameter (`?::text[]`, `?::uuid[]`, `?::int[]`): every element
 * quoted, with quotes and backslashes escaped, so that a value holding `,`, `"`, `}` or `\` stays one
 * element and never changes the array.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
