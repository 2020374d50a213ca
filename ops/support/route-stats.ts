/**
 * What each route answered during a run: how many requests, by status class,
 * and their latency percentiles, printed as a table.
 */

interface RouteRecord {
  latenciesMs: number[];
  byClass: { ok: number; clientError: number; serverError: number; noAnswer: number };
}

/** `status` 0 means no answer came at all (connection refused or reset). */
export class RouteStats {
  private readonly routes = new Map<string, RouteRecord>();

  record(route: string, status: number, latencyMs: number): void {
    let entry = this.routes.get(route);
    if (!entry) this.routes.set(route, (entry = { latenciesMs: [], byClass: { ok: 0, clientError: 0, serverError: 0, noAnswer: 0 } }));
    if (status === 0) entry.byClass.noAnswer++;
    else {
      entry.latenciesMs.push(latencyMs);
      if (status >= 500) entry.byClass.serverError++;
      else if (status >= 400) entry.byClass.clientError++;
      else entry.byClass.ok++;
    }
  }

  get serverErrors(): number {
    return [...this.routes.values()].reduce((sum, r) => sum + r.byClass.serverError, 0);
  }

  get unanswered(): number {
    return [...this.routes.values()].reduce((sum, r) => sum + r.byClass.noAnswer, 0);
  }

  get requests(): number {
    return [...this.routes.values()].reduce((sum, r) => sum + r.latenciesMs.length + r.byClass.noAnswer, 0);
  }

  /** One line per route, readers and writers alike, in a fixed-width table. */
  table(): string {
    const header = ['route', 'requests', '2xx/3xx', '4xx', '5xx', 'no answer', 'p50 ms', 'p99 ms', 'max ms'];
    const rows = [...this.routes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, { latenciesMs, byClass }]) => {
        const sorted = [...latenciesMs].sort((a, b) => a - b);
        return [
          route,
          String(sorted.length + byClass.noAnswer),
          String(byClass.ok),
          String(byClass.clientError),
          String(byClass.serverError),
          String(byClass.noAnswer),
          formatMs(percentile(sorted, 50)),
          formatMs(percentile(sorted, 99)),
          formatMs(sorted.at(-1)),
        ];
      });
    return formatTable(header, rows);
  }
}

function percentile(sorted: number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function formatMs(value: number | undefined): string {
  if (value === undefined) return '-';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** Columns padded to their widest cell; the first left-aligned, numbers right-aligned. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
