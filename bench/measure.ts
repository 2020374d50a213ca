/**
 * Timing for benchmarks: run two competing implementations of the same query
 * in alternation, so drift on the machine (another process, a checkpoint)
 * lands on both, and report median and 95th percentile. Benchmarks report;
 * they never assert on timing.
 */

/** What one `*.bench.ts` file returns for `bench/run.ts` to print. */
export interface BenchReport {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Lines printed under the table: setup sizes, how to read the numbers. */
  notes?: string[];
}

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
}

export interface Budget {
  /** Untimed runs first: caches, prepared plans, JIT. */
  warmup: number;
  minRuns: number;
  maxRuns: number;
  /** Stop once both sides together have used this much wall time (after minRuns). */
  maxMs: number;
}

export const defaultBudget: Budget = { warmup: 3, minRuns: 10, maxRuns: 200, maxMs: 2500 };

function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
}

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Times `a` and `b` alternately (a, b, b, a, …) within the budget. */
export async function comparePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  budget: Budget = defaultBudget,
): Promise<{ a: Timing; b: Timing }> {
  for (let i = 0; i < budget.warmup; i++) {
    await a();
    await b();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  const started = Date.now();
  for (let i = 0; i < budget.maxRuns; i++) {
    // Swap the order every round so neither side always runs on a warm cache left by the other.
    if (i % 2 === 0) {
      samplesA.push(await timeOnce(a));
      samplesB.push(await timeOnce(b));
    } else {
      samplesB.push(await timeOnce(b));
      samplesA.push(await timeOnce(a));
    }
    if (i + 1 >= budget.minRuns && Date.now() - started > budget.maxMs) break;
  }
  return { a: summarise(samplesA), b: summarise(samplesB) };
}

/** Milliseconds for a table cell: three significant figures, never scientific notation. */
export function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}
