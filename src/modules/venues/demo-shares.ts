/** How the demo's yearly figures are shared out over days, trips and schools. */

// Shared with the activities' demo, so it lives in the platform.
export { apportion } from '../../platform/apportion.ts';

/** `count` items of `from`, spread evenly over it in order (the first, then every so many). */
export function spreadOver<T>(from: readonly T[], count: number): T[] {
  if (count > from.length) throw new Error(`cannot spread ${count} over ${from.length}`);
  return Array.from({ length: count }, (_, i) => from[Math.floor((i * from.length) / count)]!);
}
