/** A query string's list values trimmed, without empty ones or repeats, in their order. */
export function cleanList(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const s = v.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}
