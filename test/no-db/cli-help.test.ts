import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTestTimeouts, runKexie } from '../cli/kexie-process.ts';

// Help never opens a database (each test checks that its SQLite file is never
// created), so it runs once rather than once per database.
describe('kexie --help', cliTestTimeouts, () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-cli-help-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const commands = ['serve', 'migrate', 'demo', 'user add', 'user passwd', 'user list', 'org list', 'backup', 'restore'];

  it.concurrent('lists every command', async () => {
    const result = await runKexie({ databaseUrl: undefined, sqliteFile: path.join(dataDir, 'kexie.sqlite') }, ['--help']);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'user', 'org', 'backup', 'restore']) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.concurrent.each(commands)('explains `%s` without touching the database', async (command) => {
    const sqliteFile = path.join(dataDir, `${command.replace(' ', '-')}.sqlite`);
    const result = await runKexie({ databaseUrl: undefined, sqliteFile }, [...command.split(' '), '--help']);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: kexie ${command} \\[options\\]`));
    expect(result.stdout).toContain('-h, --help');
    expect(fs.existsSync(sqliteFile)).toBe(false);
  });
});
