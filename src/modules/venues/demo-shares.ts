/** How the demo's yearly figures are shared out over days, trips and schools. */

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
