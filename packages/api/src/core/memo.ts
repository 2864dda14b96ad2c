/**
 * Values computed once per (object, key) and kept while the object lives: the query cost and the
 * page's compiled SQL, per parsed document (Apollo keeps one per query text) and variables.
 * Bounded both ways, since the keys come from clients: at most `maxPerOwner` keys per object (all
 * dropped at once when full), and a key longer than `maxKeyChars` (large variables) is never kept,
 * so a client cannot make the API hold its request bodies.
 */
export class PerObjectMemo<T> {
  private readonly kept = new WeakMap<object, Map<string, T>>();

  constructor(
    private readonly maxPerOwner: number,
    private readonly maxKeyChars = 2048,
  ) {}

  get(owner: object, key: string, build: () => T): T {
    if (key.length > this.maxKeyChars) return build();
    let byKey = this.kept.get(owner);
    const hit = byKey?.get(key);
    if (hit !== undefined) return hit;
    const value = build();
    if (!byKey) this.kept.set(owner, (byKey = new Map()));
    if (byKey.size >= this.maxPerOwner) byKey.clear();
    byKey.set(key, value);
    return value;
  }
}
