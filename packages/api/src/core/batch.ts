/** The helpers DataLoader batch functions share: results in the order of the keys asked for. */

/** One list per key (empty where nothing matched). */
export function groupBy<T>(keys: readonly string[], items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) groups.get(keyOf(item))?.push(item);
  return keys.map((k) => groups.get(k) ?? []);
}

/** One item per key, or null where none has that id. */
export function byIds<T extends { id: string }>(keys: readonly string[], items: T[]): (T | null)[] {
  const map = new Map(items.map((i) => [i.id, i]));
  return keys.map((k) => map.get(k) ?? null);
}
