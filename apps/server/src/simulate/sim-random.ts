// Mulberry32: a small seeded PRNG, so a seed gives the same city twice; with the few draws the
// simulator needs (pick, chance, between, weighted).

export interface Rng {
  next(): number;
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  between(lo: number, hi: number): number;
  weighted<T extends string>(w: Record<T, number>): T;
  /** An index drawn with the given cumulative weights (ascending, last = total). */
  cumulative(cum: readonly number[]): number;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    between: (lo, hi) => lo + next() * (hi - lo),
    weighted: <T extends string>(w: Record<T, number>): T => {
      const total = Object.values<number>(w).reduce((s, x) => s + x, 0);
      let r = next() * total;
      for (const [k, v] of Object.entries<number>(w)) {
        r -= v;
        if (r <= 0) return k as T;
      }
      return Object.keys(w)[0] as T;
    },
    cumulative: (cum) => {
      const r = next() * (cum[cum.length - 1] ?? 0);
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cum[mid] as number) > r) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/** Cumulative sums of weights, for Rng.cumulative. */
export function cumulativeOf(weights: readonly number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += w));
}
