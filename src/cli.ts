import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Db } from './database.ts';
import type { Role } from './platform/auth-core.ts';
import { roles } from './platform/auth-core.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import { systemContext, type ServiceContext } from './platform/context.ts';
import { AppError } from './platform/errors.ts';
import { negotiateLocale, translate } from './platform/i18n/catalogue.ts';
import { kexieVersion } from './platform/version.ts';
import type { OrgRow } from './modules/orgs/index.ts';
import type { Importer } from './platform/imports/import-pipeline.ts';
import { parseDate, parseDates, parseTimeRanges, parseWeekdays } from './modules/bookings/slot-plan.ts';

/**
 * The database drivers and modules load when a command runs, not when the
 * command line is parsed: `kexie --help` and a mistyped option answer at once
 * instead of after a second or two of loading.
 */
async function load() {
  const [bootstrap, database, backup, auth, orgs] = await Promise.all([
    import('./bootstrap.ts'),
    import('./platform/db/connection.ts'),
    import('./platform/db/backup.ts'),
    import('./modules/auth/index.ts'),
    import('./modules/orgs/index.ts'),
  ]);
  return { bootstrap, database, backup, auth, orgs };
}

const cliLocale = negotiateLocale(process.env.KEXIE_LOCALE ?? process.env.LANG?.replace('_', '-'));

/**
 * Opens kexie for one command and always closes the database afterwards. The
 * command acts as a system actor over the whole tree; the audit log names it.
 */
async function withKexie<T>(command: string, run: (db: Db, root: OrgRow, ctx: ServiceContext) => Promise<T>): Promise<T> {
  const { bootstrap } = await load();
  const { db, root } = await bootstrap.openKexie(loadConfig());
  try {
    return await run(db, root, systemContext(db, root.id, command));
  } finally {
    await db.destroy();
  }
}

/** An org named on the command line by its 行政区划代码 or its id. */
async function resolveOrg(db: Db, codeOrId: string): Promise<OrgRow> {
  const { orgs } = await load();
  const org = (await orgs.findOrgByCode(db, codeOrId)) ?? (await orgs.findOrgById(db, codeOrId));
  if (!org) throw new AppError('ORG_NOT_FOUND', 404);
  return org;
}

/** `--roles admin,editor`: refused before any database work when a name is not a role. */
function parseRoles(value: string): Role[] {
  const given = value.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = given.filter((r) => !(roles as readonly string[]).includes(r));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown role ${unknown.join(', ')}; choose from ${roles.join(', ')}`);
  if (given.length === 0) throw new InvalidArgumentError(`name at least one of ${roles.join(', ')}`);
  return [...new Set(given)] as Role[];
}

function newPasswordFrom(option: string | undefined): { password: string; generated: boolean } {
  const given = option ?? process.env.KEXIE_NEW_PASSWORD;
  if (given) return { password: given, generated: false };
  // Letters and digits from 18 random bytes: always passes the password policy's two classes.
  return { password: `${randomBytes(18).toString('base64url')}7a`, generated: true };
}

const program = new Command('kexie')
  .description('科协工作平台 kexie: portal, records, figures and the annual review')
  .version(kexieVersion)
  .showHelpAfterError();

program
  .command('serve')
  .description('migrate, seed the organisation tree if empty, and serve the platform')
  .option('--demo', 'load the demo data set into an empty database first (what `npm start` does)', false)
  .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
  .option('--host <host>', 'address to bind (default: $HOST or 127.0.0.1)')
  .action(async (options: { demo: boolean; port?: string; host?: string }) => {
    const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}), ...(options.host ? { HOST: options.host } : {}) });
    const { serve } = await import('./main.ts');
    await serve(config, { demo: options.demo });
  });

program
  .command('migrate')
  .description('bring the database schema up to date and seed the organisation tree if empty')
  .action(async () => {
    const { database } = await load();
    await withKexie('migrate', async () => console.log(`database is up to date: ${database.describeTarget(loadConfig())}`));
  });

program
  .command('demo')
  .description('load the demo data set (skips what is already there)')
  .action(async () => {
    const config = loadConfig();
    const { bootstrap } = await load();
    await withKexie('demo', async (db) => {
      for (const { part, created } of await bootstrap.loadDemoData(db, config)) console.log(`${part}: ${created} created`);
      console.log(`demo login: admin / ${config.demoAdminPassword}`);
    });
  });

const user = program.command('user').description('manage user accounts');

user
  .command('add <username>')
  .description('create a user; prints the password when one is generated')
  .requiredOption('--org <code-or-id>', 'the org the user belongs to (行政区划代码 or id); their data scope')
  .addOption(new Option('--roles <roles>', `comma-separated: ${roles.join(', ')}`).argParser(parseRoles).default(['viewer'], 'viewer'))
  .option('--name <displayName>', 'display name (default: the username)')
  .option('--password <password>', 'initial password (default: $KEXIE_NEW_PASSWORD, else generated)')
  .action(async (username: string, options: { org: string; roles: Role[]; name?: string; password?: string }) => {
    const { auth } = await load();
    await withKexie('user-add', async (db, _root, ctx) => {
      const org = await resolveOrg(db, options.org);
      const { password, generated } = newPasswordFrom(options.password);
      const created = await auth.createUser(ctx, {
        username,
        displayName: options.name ?? username,
        password,
        orgId: org.id,
        roles: options.roles,
      });
      console.log(`created ${created.username} (${created.roles.join(', ')}) in ${created.orgName}`);
      if (generated) console.log(`password: ${password}`);
    });
  });

user
  .command('passwd <username>')
  .description('set a new password, lift any lockout and sign the user out')
  .option('--password <password>', 'the new password (default: $KEXIE_NEW_PASSWORD, else generated)')
  .action(async (username: string, options: { password?: string }) => {
    const { auth } = await load();
    await withKexie('user-passwd', async (db, _root, ctx) => {
      const target = await auth.findUserForCli(db, username);
      if (!target) throw new AppError('USER_NOT_FOUND', 404);
      const { password, generated } = newPasswordFrom(options.password);
      await auth.resetPassword(ctx, target.id, password);
      console.log(`password changed for ${target.username}`);
      if (generated) console.log(`password: ${password}`);
    });
  });

user
  .command('list')
  .description('list users')
  .option('--org <code-or-id>', 'only users in this org and below')
  .action(async (options: { org?: string }) => {
    const { auth } = await load();
    await withKexie('user-list', async (db, _root, ctx) => {
      const under = options.org ? (await resolveOrg(db, options.org)).id : undefined;
      for (let page = 1; ; page++) {
        const result = await auth.listUsers(ctx, { page, pageSize: 200, under });
        for (const u of result.items) {
          console.log([u.username.padEnd(20), u.displayName, u.orgName, u.roles.join(','), u.status].join('\t'));
        }
        if (page * 200 >= result.total) break;
      }
    });
  });

program
  .command('org')
  .description('the organisation tree')
  .command('list')
  .description('print the tree with 行政区划代码')
  .option('--json', 'print JSON instead of a tree')
  .action(async (options: { json?: boolean }) => {
    const { orgs } = await load();
    await withKexie('org-list', async (db, root) => {
      const rows = await orgs.findOrgSubtree(db, root.id);
      if (options.json) return console.log(JSON.stringify(rows, null, 2));
      const byParent = new Map<string | null, OrgRow[]>();
      for (const row of rows) byParent.set(row.parent_id, [...(byParent.get(row.parent_id) ?? []), row]);
      const print = (org: OrgRow, depth: number) => {
        const label = translate(cliLocale, `org.type.${org.type}`);
        const status = org.status === 'active' ? '' : `  [${org.status}]`;
        console.log(`${'  '.repeat(depth)}${org.name}  ${org.admin_code ?? '-'}  ${label}${org.founded_on ? `  ${org.founded_on}` : ''}${status}`);
        for (const child of byParent.get(org.id) ?? []) print(child, depth + 1);
      };
      print(root, 0);
      console.log(`${rows.length} organisations`);
    });
  });

program
  .command('backup')
  .description('write a consistent snapshot of the whole database, safe while the server is writing')
  .requiredOption('--out <file>', 'where to write the backup (.kexie-backup.gz)')
  .action(async (options: { out: string }) => {
    const { database, backup } = await load();
    // Not through openKexie: a backup only reads, and must not migrate or seed a live database behind its server.
    const db = database.openDatabase<any>(loadConfig());
    try {
      const summary = await backup.backupDatabase(db, options.out);
      console.log(`backup written to ${options.out}: ${summary.tables} tables, ${summary.rows} rows, schema ${summary.migration}`);
    } finally {
      await db.destroy();
    }
  });

program
  .command('restore <file>')
  .description('replace the database with a backup (stop the server first)')
  .option('--force', 'replace a database that already holds data', false)
  .action(async (file: string, options: { force: boolean }) => {
    const { database, backup } = await load();
    const summary = await backup.restoreDatabase(loadConfig(), file, { force: options.force });
    console.log(`restored ${summary.rows} rows in ${summary.tables} tables from ${file} into ${database.describeTarget(loadConfig())}`);
  });

/** The activities' Excel format and the import pipeline, loaded only by the commands that move records in or out. */
async function loadActivityExcel() {
  const [excel, pipeline] = await Promise.all([import('./modules/activities/activity.excel.ts'), import('./platform/imports/import-pipeline.ts')]);
  return { ...excel, ...pipeline };
}

/** `--as USER`: the import runs with that user's roles and data scope and is audited under their name. */
async function contextAs(db: Db, fallback: ServiceContext, username: string | undefined): Promise<ServiceContext> {
  if (!username) return fallback;
  const { auth } = await load();
  const found = await auth.findUserForCli(db, username);
  if (!found) throw new AppError('USER_NOT_FOUND', 404);
  if (found.status !== 'active') throw new AppError('ACTIVITY_IMPORT_AS_DISABLED', 409, { params: { username: found.username } });
  return { ...fallback, actor: { kind: 'user', userId: found.id, username: found.username, orgId: found.org_id, roles: found.roles } };
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1990 || year > 2100) throw new InvalidArgumentError('a year between 1990 and 2100');
  return year;
}

/** Problems as `第 N 行 · 列 · 原因`, the form the console shows them in. */
function printRowProblems(errors: readonly { row: number; column: string; message: string }[], total = errors.length) {
  for (const { row, column, message } of errors) console.log(translate(cliLocale, 'activity.cli.rowProblem', { row, column: column || '-', message }));
  if (total > errors.length) console.log(translate(cliLocale, 'activity.cli.moreProblems', { count: total - errors.length }));
}

interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  as?: string;
}

/**
 * Checks and imports an .xlsx file through a module's importer, printing the
 * problems as 第 N 行 · 列 · 原因; the exit code is non-zero when nothing (or
 * not everything asked) was imported.
 */
async function importWorkbook(command: string, file: string, options: ImportOptions, loadImporter: () => Promise<Importer<unknown, unknown>>, importedKey: string) {
  // The commands' lines (第 N 行 · 列 · 原因, 已检查 …) are in the activities' Excel catalogue, loaded with the pipeline.
  const [{ importFromFile, reportedErrorLimit }, importer] = await Promise.all([loadActivityExcel(), loadImporter()]);
  const fs = await import('node:fs');
  const bytes = fs.readFileSync(file);
  const failed = await withKexie(command, async (db, _root, system) => {
    const ctx = await contextAs(db, { ...system, locale: cliLocale }, options.as);
    const outcome = await importFromFile(ctx, importer, bytes, { dryRun: options.dryRun, skipInvalid: options.skipInvalid });
    if (options.dryRun) {
      const { total, invalid } = outcome;
      printRowProblems(outcome.errors.slice(0, reportedErrorLimit), outcome.errors.length);
      console.log(translate(cliLocale, 'activity.cli.checked', { total, valid: total - invalid, invalid }));
      return invalid > 0;
    }
    printRowProblems(outcome.errors);
    if (outcome.failure) {
      console.error(`${translate(cliLocale, 'cli.error')}: ${outcome.failure.message} [${outcome.failure.code}]`);
      return true;
    }
    console.log(translate(cliLocale, importedKey, { imported: outcome.imported, skipped: outcome.skipped }));
    return false;
  });
  if (failed) process.exitCode = 1;
}

const importCommand = program.command('import').description('import records from an Excel file');
const importOptions = (command: Command) =>
  command
    .option('--dry-run', 'check every row and print the problems; write nothing', false)
    .option('--skip-invalid', 'import the rows that pass and report the others', false)
    .option('--as <username>', 'import as this user: their org is the scope and the audit log names them (default: the whole tree, as the system)');

importOptions(
  importCommand
    .command('activities <file>')
    .description('import activities from an .xlsx file in the template’s format (up to 100,000 rows); every row is checked first, and nothing is imported unless all pass'),
).action((file: string, options: ImportOptions) =>
  importWorkbook('import-activities', file, options, async () => (await loadActivityExcel()).activityBulkImporter as Importer<unknown, unknown>, 'activity.cli.imported'),
);
importOptions(
  importCommand
    .command('venue-visits <file>')
    .description('import venue visit figures (参观人数) from an .xlsx file in the template’s format; a day or month already counted is refused'),
).action((file: string, options: ImportOptions) =>
  importWorkbook('import-venue-visits', file, options, async () => (await import('./modules/venues/visit.excel.ts')).visitImporter as Importer<unknown, unknown>, 'venue.cli.imported'),
);
importOptions(
  importCommand
    .command('caravan-trips <file>')
    .description('import caravan trips (出车记录) from an .xlsx file in the template’s format'),
).action((file: string, options: ImportOptions) =>
  importWorkbook('import-caravan-trips', file, options, async () => (await import('./modules/venues/trip.excel.ts')).tripImporter as Importer<unknown, unknown>, 'venue.cli.imported'),
);

program
  .command('export')
  .description('export records to an Excel file')
  .command('activities')
  .description('export a year’s activities in the import format')
  .requiredOption('--year <year>', 'activities starting in this year', parseYear)
  .option('--org <code-or-id>', 'only this org and those below it (行政区划代码 or id)')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .action(async (options: { year: number; org?: string; out: string }) => {
    const { exportActivities } = await loadActivityExcel();
    const fs = await import('node:fs');
    await withKexie('export-activities', async (db, _root, ctx) => {
      const orgId = options.org ? (await resolveOrg(db, options.org)).id : undefined;
      const { bytes, count } = await exportActivities({ ...ctx, locale: cliLocale }, { year: options.year, orgId }, 100_000);
      fs.writeFileSync(options.out, bytes);
      console.log(translate(cliLocale, 'activity.cli.exported', { count, file: options.out }));
    });
  });

/** An opening-plan option read by the plan's own reader; its message says what was expected. */
const planValue =
  <T>(read: (value: string) => T) =>
  (value: string): T => {
    try {
      return read(value);
    } catch (err) {
      throw new InvalidArgumentError((err as Error).message);
    }
  };

function parseCapacity(value: string): number {
  const capacity = Number(value);
  if (!/^\d+$/.test(value) || capacity < 1 || capacity > 2000) throw new InvalidArgumentError('a whole number of people from 1 to 2000');
  return capacity;
}

program
  .command('slots')
  .description('time slots for group bookings (团体预约)')
  .command('generate <venue>')
  .description('make a venue’s bookable slots from its opening days and hours over a date range (the venue by its exact name or id); slots with bookings are never removed')
  .requiredOption('--from <date>', 'first day, YYYY-MM-DD', planValue(parseDate))
  .requiredOption('--to <date>', 'last day, YYYY-MM-DD', planValue(parseDate))
  .addOption(new Option('--weekdays <days>', 'opening days, 1 = Monday … 7 = Sunday, as 2-7 or 1,3,5').argParser(planValue(parseWeekdays)).default([1, 2, 3, 4, 5, 6, 7], 'every day'))
  .requiredOption('--times <ranges>', 'the day’s slots, as 09:00-10:30,14:30-16:00', planValue(parseTimeRanges))
  .requiredOption('--capacity <people>', 'people each slot holds', parseCapacity)
  .addOption(new Option('--closed <dates>', 'closure dates (闭馆日) with no slots, comma separated').argParser(planValue(parseDates)).default([], 'none'))
  .action(async (venueName: string, plan: { from: string; to: string; weekdays: number[]; times: { start: string; end: string }[]; capacity: number; closed: string[] }) => {
    const bookings = await import('./modules/bookings/index.ts');
    await withKexie('slots-generate', async (_db, _root, ctx) => {
      const venue = await bookings.findVenueByNameOrId(ctx, venueName);
      const { closed, ...input } = plan;
      const result = await bookings.generateSlots({ ...ctx, locale: cliLocale }, venue.id, { ...input, closedDates: closed });
      console.log(translate(cliLocale, 'booking.cli.generated', { venue: venue.name, ...result }));
    });
  });

const reviewFormats = ['json', 'md', 'docx', 'pdf'] as const;

function readTemplateFile(fs: typeof import('node:fs'), file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('REPORT_TEMPLATE_UNREADABLE', 400, { params: { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) } });
  }
}

/** The org a report is about: the one named, or the whole tree; a name that matches none is said back. */
async function reportedOrg(db: Db, root: OrgRow, codeOrId: string | undefined): Promise<OrgRow> {
  if (!codeOrId) return root;
  return resolveOrg(db, codeOrId).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'ORG_NOT_FOUND' ? new AppError('REPORT_ORG_UNKNOWN', 404, { params: { org: codeOrId } }) : err;
  });
}

const reportCommand = program.command('report').description('reports made from records');

reportCommand
  .command('annual')
  .description('the annual work review (年度工作回顾) of an org and its subtree, every figure computed from records; json lists every indicator with the previous year beside it')
  .requiredOption('--year <year>', 'the calendar year', parseYear)
  .option('--org <code-or-id>', 'the org reported on, with those below it (行政区划代码 or id; default: the whole tree)')
  .addOption(new Option('--format <format>', 'what to write').choices(reviewFormats).default('json'))
  .option('--out <file>', 'the file to write (json and md go to standard output without it; docx and pdf need it)')
  .option('--template <file>', 'a review template of your own instead of the default annual one (see docs/reports.md)')
  .action(async (options: { year: number; org?: string; format: (typeof reviewFormats)[number]; out?: string; template?: string }) => {
    const [reports, fs] = await Promise.all([import('./modules/reports/index.ts'), import('node:fs')]);
    if (!options.out && (options.format === 'docx' || options.format === 'pdf')) throw new AppError('REPORT_OUT_REQUIRED', 400, { params: { format: options.format } });
    const template = options.template ? readTemplateFile(fs, options.template) : undefined;
    const output = await withKexie('report-annual', async (db, root) => {
      const request = { year: options.year, orgId: (await reportedOrg(db, root, options.org)).id, locale: cliLocale, template };
      if (options.format === 'json') return `${JSON.stringify(await reports.annualIndicatorsJson(db, request), null, 2)}\n`;
      const review = await reports.generateAnnualReview(db, request);
      if (options.format === 'md') return reports.reviewToMarkdown(review);
      return options.format === 'docx' ? reports.reviewToDocx(review) : reports.reviewToPdf(review);
    });
    if (!options.out) return void process.stdout.write(output);
    fs.writeFileSync(options.out, output);
    console.log(translate(cliLocale, 'report.cli.written', { file: options.out }));
  });

reportCommand
  .command('return')
  .description('the statistical return (科协统计年报) of an org and its subtree as an .xlsx; rows no module records yet say so rather than 0')
  .requiredOption('--year <year>', 'the calendar year', parseYear)
  .option('--org <code-or-id>', 'the org reported on, with those below it (行政区划代码 or id; default: the whole tree)')
  .requiredOption('--out <file>', 'the .xlsx file to write')
  .action(async (options: { year: number; org?: string; out: string }) => {
    const [reports, fs] = await Promise.all([import('./modules/reports/index.ts'), import('node:fs')]);
    await withKexie('report-return', async (db, root, ctx) => {
      const org = await reportedOrg(db, root, options.org);
      const { bytes, statisticalReturn } = await reports.exportStatisticalReturn({ ...ctx, locale: cliLocale }, { year: options.year, orgId: org.id });
      fs.writeFileSync(options.out, bytes);
      const rows = statisticalReturn.forms.flatMap((form) => form.rows);
      const sourced = rows.filter((row) => row.value !== null).length;
      console.log(translate(cliLocale, 'return.cli.written', { org: org.name, year: options.year, file: options.out, sourced, pending: rows.length - sourced }));
    });
  });

async function report(err: unknown): Promise<never> {
  // Already loaded when one of their errors was thrown.
  const { BackupError } = await import('./platform/db/backup.ts');
  const { MigrationFailedError } = await import('./platform/db/migrator.ts');
  if (err instanceof AppError) {
    console.error(`${translate(cliLocale, 'cli.error')}: ${translate(cliLocale, err.code, err.options.params)} [${err.code}]`);
    for (const detail of err.options.details ?? []) {
      console.error(`  ${detail.path ?? ''} ${translate(cliLocale, detail.message, err.options.params)}`);
    }
  } else if (err instanceof ConfigError) {
    console.error(`configuration: ${err.message}`);
  } else if (err instanceof BackupError || err instanceof MigrationFailedError) {
    // Expected failures the operator can act on: the message, not a stack trace.
    console.error(`${translate(cliLocale, 'cli.error')}: ${err.message}`);
  } else {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  }
  process.exit(1);
}

/**
 * Settles once the command line's command is done. The CLI tests run many
 * command lines in one process, each through a fresh copy of this module, and
 * wait on it.
 */
export const commandDone = program.parseAsync(process.argv).catch(report);
