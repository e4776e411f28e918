/**
 * Seeded randomness. Two kinds: a sequential PRNG for one region's choices, and a pure
 * hash of integers for values that several places must agree on without sharing state
 * (a lattice vertex's jitter is computed identically by every cell that uses it).
 */

// Module-scope aliases: under Jest's VM every global lookup (Math) goes through an interceptor,
// which made the hash ~100× slower there than in plain Node.
const imul = Math.imul;
const floor = Math.floor;

/** A 32-bit avalanche mix (the murmur3 finaliser). */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One step of the integer hash: folds v (its low and high 32 bits) into h. */
function fold(h: number, v: number): number {
  h = mix32(h ^ (v >>> 0));
  return mix32((h + (floor(v / 4294967296) >>> 0) + 0x632be5ab) >>> 0);
}

/** Hashes integers to a 32-bit unsigned integer. */
export function hashInts(...values: number[]): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < values.length; i += 1) h = fold(h, values[i]);
  return h;
}

/**
 * A uniform number in [0, 1) determined by three or four integers. Fixed arity on
 * purpose: it runs millions of times and rest parameters are slow under Jest's VM.
 */
export function hashUnit(a: number, b: number, c: number, d = 0): number {
  return fold(fold(fold(fold(0x9e3779b9, a), b), c), d) / 4294967296;
}

/** sfc32: small, fast, and good enough for synthetic data. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seedParts: number[]) {
    this.a = hashInts(1, ...seedParts);
    this.b = hashInts(2, ...seedParts);
    this.c = hashInts(3, ...seedParts);
    this.d = hashInts(4, ...seedParts);
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  /** Uniform integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  range(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by relative weight. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    let total = 0;
    for (const it of items) total += weight(it);
    let x = this.next() * total;
    for (const it of items) {
      x -= weight(it);
      if (x < 0) return it;
    }
    return items[items.length - 1];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}
