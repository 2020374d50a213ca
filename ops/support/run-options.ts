/**
 * The command-line options the ops runs share, read with node:util's
 * parseArgs: which databases, and whole numbers with an environment
 * variable as the fallback.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DatabaseKind } from './kexie-process.ts';

export function readOptions<T extends NonNullable<ParseArgsConfig['options']>>(options: T, usage: string) {
  try {
    return parseArgs({ options: { ...options, help: { type: 'boolean' } }, strict: true }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
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
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${value}"`);
  return parsed;
}
