/**
 * The demo's seeded randomness: the same records on every run and platform,
 * so tests and screenshots can rely on them.
 */
export function seededRandom(seed: number) {
  let state = seed;
  /** mulberry32: small, well mixed, and enough for demo data. */
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  /** A weight around 1: `spread` 0.4 gives 0.6 … 1.4. */
  const around = (spread: number) => 1 - spread + 2 * spread * next();
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, between, around, shuffled };
}
export type Random = ReturnType<typeof seededRandom>;

/**
 * `total` split in proportion to `weights` into whole numbers that add up to
 * it exactly (largest remainder): how a year's figure becomes days or trips.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]! += 1;
  }
  return parts;
}

/** `count` items of `from`, spread evenly over it in order (the first, then every so many). */
export function spreadOver<T>(from: readonly T[], count: number): T[] {
  if (count > from.length) throw new Error(`cannot spread ${count} over ${from.length}`);
  return Array.from({ length: count }, (_, i) => from[Math.floor((i * from.length) / count)]!);
}
