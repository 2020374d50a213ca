/**
 * Seeded randomness for demo data: the same records on every run and
 * platform, so tests and screenshots can rely on them.
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
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Picks by weight: `weights[i]` is how likely index i is. */
  const weighted = (weights: readonly number[]) => {
    let r = next() * weights.reduce((sum, w) => sum + w, 0);
    for (const [index, weight] of weights.entries()) if ((r -= weight) < 0) return index;
    return weights.length - 1;
  };
  /** `total` split into `parts` positive whole numbers, unevenly. */
  const partition = (total: number, parts: number) => {
    const cuts = new Set<number>();
    while (cuts.size < parts - 1) cuts.add(between(1, total - 1));
    const sorted = [0, ...[...cuts].sort((a, b) => a - b), total];
    return sorted.slice(1).map((cut, i) => cut - sorted[i]!);
  };
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, between, around, pick, weighted, partition, shuffled };
}
export type Random = ReturnType<typeof seededRandom>;
