import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to SQLite under ./data on localhost:3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, databaseUrl: undefined, cookieSecure: 'auto' });
    expect(config.sqliteFile).toMatch(/data[/\\]kexie\.sqlite$/);
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://kexie@db/kexie' }).databaseUrl).toBe('postgres://kexie@db/kexie');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(new ConfigError('PORT must be an integer ≥ 0, got "eighty"'));
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
    expect(() => loadConfig({ KEXIE_COOKIE_SECURE: 'sometimes' })).toThrow(/KEXIE_COOKIE_SECURE must be one of auto, always, never/);
  });
});
