/**
 * The command-line options the ops runs share, read with node:util's
 * parseArgs: each `--name value` falls back to an environment variable
 * (`SOAK_SECONDS` for soak's `--seconds`), then to its default.
 */
import { parseArgs } from 'node:util';
import type { DatabaseKind } from './kexie-process.ts';

/** Reads `--name value` options; `--help` prints `usage` and exits; an unknown option prints it and exits with 2. */
export function readOptions(names: readonly string[], envPrefix: string, usage: string): (name: string) => string | undefined {
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = Object.fromEntries([...names.map((name) => [name, { type: 'string' as const }]), ['help', { type: 'boolean' as const }]]);
    values = parseArgs({ options, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return (name) => (values[name] as string | undefined) ?? process.env[`${envPrefix}_${name.toUpperCase().replaceAll('-', '_')}`];
}

/** `--db sqlite`, `--db postgres` or `--db both` (SQLite first). */
export function databasesFrom(value: string | undefined): DatabaseKind[] {
  const chosen = value ?? 'both';
  if (chosen === 'both') return ['sqlite', 'postgres'];
  if (chosen === 'sqlite' || chosen === 'postgres') return [chosen];
  throw new Error(`--db must be sqlite, postgres or both, got "${chosen}"`);
}

export function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number ≥ 1, got "${value}"`);
  return parsed;
}
