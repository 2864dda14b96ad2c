import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return HEX[(n >>> 24) & 0xff] + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}

function hex16(n: number): string {
  return HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}

/** MurmurHash3's finalizer: a bijection on 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** A table for drawing items with given relative weights in O(log n). */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('Weighted: need one weight per item, at least one item');
    let sum = 0;
    for (const w of weights) {
      if (!(w >= 0)) throw new Error('Weighted: weights must be non-negative');
      sum += w;
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error('Weighted: weights sum to zero');
    this.total = sum;
  }

  draw(random: DemoRandom): T {
    const target = random.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * Every random choice of the demo generator goes through one seeded stream, so that the same seed
 * and count give the same rows, ids included. Math.random and the clock are never consulted.
 */
export class DemoRandom {
  private readonly rng: RandomGenerator;

  constructor(seed: number) {
    // pure-rand keeps 32 bits of the seed: refuse others rather than let two seeds give one data set.
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw new RangeError(`seed must be an integer from 0 to ${0xffff_ffff}, got ${seed}`);
    // xoroshiro128plus puts the seed into its state nearly as is, so neighbouring seeds would start
    // with nearly equal outputs: mix it first (a bijection, distinct seeds stay distinct) and warm up.
    this.rng = xoroshiro128plus(fmix32(seed));
    for (let i = 0; i < 16; i++) this.rng.next();
  }

  uint32(): number {
    return this.rng.next() >>> 0;
  }

  /** In [0, 1). 32 bits of resolution are plenty for picking and jittering. */
  float(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** Integer in [min, max], both included, without modulo bias. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Up to `count` distinct items, in drawn order (partial Fisher-Yates on a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = items.slice();
    const n = Math.min(count, pool.length);
    for (let i = 0; i < n; i++) {
      const j = this.int(i, pool.length - 1);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, n);
  }

  /** A version-4 UUID from 122 drawn bits: random-looking like the API's own ids, yet reproducible. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    return (
      `${hex32(a)}-${hex16(b >>> 16)}-${hex16(0x4000 | (b & 0x0fff))}-` +
      `${hex16(0x8000 | ((c >>> 16) & 0x3fff))}-${hex16(c & 0xffff)}${hex32(d)}`
    );
  }
}
