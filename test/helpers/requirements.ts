/**
 * What the tests need from the machine beyond npm's packages, each with the
 * Debian package that provides it: `npm test` (test/run-all.ts) installs the
 * missing ones where it can and names what it skipped where it cannot; a test
 * that needs one checks it here and says what to install.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findPostgresBin } from './throwaway-postgres.ts';

/** A piece the machine lacks: the Debian package that brings it, and what is missing, for a person. */
export interface Shortfall {
  debianPackage: string;
  problem: string;
}

/** `chromium (/usr/bin/chromium)`: the package first, so a reader knows what to install. */
export const describeShortfall = ({ debianPackage, problem }: Shortfall) => `${debianPackage} (${problem})`;

export const chromiumPath = '/usr/bin/chromium';
const libreofficeProgramDir = '/usr/lib/libreoffice/program';

/** Whether `command` runs at all (it exists on the PATH and starts). */
const runs = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).error === undefined;

/**
 * The browser tier: Debian's Chromium, CJK fonts so that Chinese renders as
 * text rather than boxes in screenshots, and Java for the Nu HTML Checker.
 * `document.fonts.check()` inside the browser claims fonts exist when they do
 * not; `fc-list :lang=zh` tells the truth.
 */
export function browserShortfalls(): Shortfall[] {
  const missing: Shortfall[] = [];
  if (!fs.existsSync(chromiumPath)) missing.push({ debianPackage: 'chromium', problem: chromiumPath });
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.error) missing.push({ debianPackage: 'fontconfig', problem: 'no fc-list on the PATH' });
  if (fonts.status !== 0 || fonts.stdout.trim() === '') missing.push({ debianPackage: 'fonts-noto-cjk', problem: 'fc-list :lang=zh lists no font' });
  if (spawnSync('java', ['-version']).status !== 0) missing.push({ debianPackage: 'default-jre-headless', problem: 'no java on the PATH' });
  return missing;
}

/**
 * The office round trips: LibreOffice Calc makes spreadsheets from CSV as
 * people do, Writer turns the annual review into PDF, and pdftotext reads the
 * PDF back.
 */
export function officeShortfalls(): Shortfall[] {
  const missing: Shortfall[] = [];
  if (!fs.existsSync(path.join(libreofficeProgramDir, 'libsclo.so'))) missing.push({ debianPackage: 'libreoffice-calc', problem: `no ${libreofficeProgramDir}/libsclo.so` });
  if (!fs.existsSync(path.join(libreofficeProgramDir, 'libswlo.so'))) missing.push({ debianPackage: 'libreoffice-writer', problem: `no ${libreofficeProgramDir}/libswlo.so` });
  if (!runs('pdftotext', ['-v'])) missing.push({ debianPackage: 'poppler-utils', problem: 'no pdftotext on the PATH' });
  return missing;
}

/** The PostgreSQL tier: a server named by KEXIE_TEST_PG_URL, or server binaries to start a throwaway cluster from. */
export function postgresShortfalls(): Shortfall[] {
  if (process.env.KEXIE_TEST_PG_URL || findPostgresBin()) return [];
  return [{ debianPackage: 'postgresql', problem: 'no server binaries under /usr/lib/postgresql/*/bin and no KEXIE_TEST_PG_URL' }];
}

/** Why the browser tier cannot run here (Debian package first), or [] when it can. */
export const missingBrowserRequirements = (): string[] => browserShortfalls().map(describeShortfall);

/** Why the office round trips cannot run here (Debian package first), or [] when they can. */
export const missingOfficeRequirements = (): string[] => officeShortfalls().map(describeShortfall);
