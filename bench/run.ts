/**
 * `npm run bench [-- name …]`: runs every `bench/*.bench.ts` in name order (or
 * those whose file name contains one of the given words) and prints the table
 * each returns. A benchmark file default-exports an async function returning
 * a BenchReport; it builds its own throwaway databases and removes them.
 * Benchmarks measure and report; they never fail on timing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchReport } from './measure.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

/** Terminal columns a string takes: CJK characters are two wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function printTable(report: BenchReport): void {
  const cells = [report.columns, ...report.rows.map((row) => row.map(String))];
  const widths = report.columns.map((_, i) => Math.max(...cells.map((row) => displayWidth(row[i] ?? ''))));
  const numeric = (value: string) => /^[\d.,]+(×|%)?$/.test(value);
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - displayWidth(cell));
        return numeric(cell) ? pad + cell : cell + pad;
      })
      .join('  ');
  console.log(`\n${report.title}\n`);
  console.log(line(cells[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
  if (report.notes?.length) console.log(`\n${report.notes.map((n) => `  ${n}`).join('\n')}`);
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const files = fs
    .readdirSync(benchDir)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => wanted.length === 0 || wanted.some((word) => file.includes(word)))
    .sort();
  if (files.length === 0) {
    console.error(`no benchmark matches ${wanted.join(', ')}`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const started = Date.now();
    console.log(`== ${file}`);
    try {
      const bench = (await import(pathToFileURL(path.join(benchDir, file)).href)) as { default: () => Promise<BenchReport> };
      printTable(await bench.default());
      console.log(`\n  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (err) {
      failed++;
      console.error(`${file} failed:`, err);
    }
  }
  return failed ? 1 : 0;
}

main().then(
  (status) => process.exit(status),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
