/**
 * `npm run crash`: kexie killed mid-work, again and again. Each round, staff
 * writers and an Excel import of activities (through the console's HTTP
 * import route) run against a real server process, which is killed with
 * SIGKILL at a random moment and started again on the same database. Then:
 * the database is intact, the derived totals and the audit log agree with
 * the records, the import is all there or not at all, and every write
 * acknowledged before the kill (in this round or any earlier one) is present
 * with its content. Exit code 1 on any failed round.
 */
import { openDatabase } from '../src/platform/db/connection.ts';
import { seededRandom } from '../src/platform/seeded-random.ts';
import { activityWorkbook } from './support/activity-workbook.ts';
import { checkActivityAudit, checkActivityTotals, checkStorage, countImported, importTitlePrefix } from './support/database-integrity.ts';
import { signIn, type HttpClient } from './support/http-client.ts';
import { startKexie, withThrowawayDatabase, type DatabaseKind, type KexieProcess, type ThrowawayDatabase } from './support/kexie-process.ts';
import { RouteStats } from './support/route-stats.ts';
import { databasesFrom, positiveInteger, readOptions } from './support/run-options.ts';
import { prepareWorkload, runWriters, writerServerEnv, type WriteProblem } from './support/staff-writers.ts';
import { readThroughApi, WriteLedger } from './support/write-ledger.ts';

const usage = `usage: npm run crash -- [--rounds 20] [--writers 10] [--rows 4000] [--max-kill-ms 6000] [--seed N] [--db sqlite|postgres|both]
  (defaults also from CRASH_ROUNDS, CRASH_WRITERS, CRASH_ROWS, CRASH_MAX_KILL_MS, CRASH_SEED, CRASH_DB)`;

const option = readOptions(['rounds', 'writers', 'rows', 'max-kill-ms', 'seed', 'db'], 'CRASH', usage);
const rounds = positiveInteger('rounds', option('rounds'), 20);
const writers = positiveInteger('writers', option('writers'), 10);
const importRows = positiveInteger('rows', option('rows'), 4000);
const maxKillMs = positiveInteger('max-kill-ms', option('max-kill-ms'), 6000);
const seed = positiveInteger('seed', option('seed'), Date.now() % 1_000_000);
const databases = databasesFrom(option('db'));

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Parsing the upload takes seconds on a busy machine; past this the server is killed whether or not the import was accepted. */
const acceptDeadlineMs = 60_000;

/** What the import job said last before the kill: how far it had come. */
interface ImportSeen {
  status: string;
  phase: string;
  processed: number;
}

interface RoundOutcome {
  failures: string[];
  line: string;
}

/** Polls the import job until the server stops answering; keeps the last state seen. */
async function watchImport(admin: HttpClient, jobId: string, seen: ImportSeen): Promise<void> {
  // On SQLite a poll waits while the import's transaction holds the one connection: no answer until it commits.
  for (;;) {
    const answer = await admin.send('GET /api/v1/imports/:id', 'GET', `/api/v1/imports/${jobId}`);
    if (answer.status !== 200) return;
    Object.assign(seen, answer.json<ImportSeen>());
    if (seen.status !== 'running') return;
    await delay(100);
  }
}

/** One database's run across its rounds. */
interface CrashRun {
  database: ThrowawayDatabase;
  server: KexieProcess;
  /** Every acknowledged write of every round so far: each must survive every later kill too. */
  ledger: WriteLedger;
}

/** One round: write and import, kill at `killAfterMs`, restart, check. Leaves the restarted server in `run.server`. */
async function crashRound(run: CrashRun, round: number, killAfterMs: number): Promise<RoundOutcome> {
  const { database, server, ledger } = run;
  const stats = new RouteStats();
  const setup = await prepareWorkload(server.baseUrl, stats, { admin: 2, fangcheng: 2, editor: 2 });
  const { client: importer } = await signIn(server.baseUrl, stats, 'admin');
  const titlePrefix = `${importTitlePrefix}R${round}-`;
  const workbook = await activityWorkbook(titlePrefix, importRows);
  const roundStart = new Date().toISOString();
  const problems: WriteProblem[] = [];
  let killed = false;

  const writing = runWriters({ setup, ledger, tag: `R${round}-`, stopped: () => killed, problems }, writers);
  const seen: ImportSeen = { status: 'not started', phase: 'uploading', processed: 0 };
  let accepted!: () => void;
  const importAccepted = new Promise<void>((resolve) => (accepted = resolve));
  const importing = (async () => {
    const answer = await importer.send('POST /api/v1/activities/excel/import', 'POST', '/api/v1/activities/excel/import', {
      bytes: workbook,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    accepted();
    if (answer.status === 202) {
      seen.status = 'accepted';
      await watchImport(importer, answer.json<{ id: string }>().id, seen);
    } else if (answer.status !== 0) problems.push({ route: 'POST /api/v1/activities/excel/import', status: answer.status, body: answer.body.slice(0, 300) });
  })();

  // The moment is counted from the import's acceptance, so that on a slow machine too the kill lands while it checks and writes, or just after.
  await Promise.race([importAccepted, delay(acceptDeadlineMs)]);
  await delay(killAfterMs);
  killed = true;
  await server.kill();
  await Promise.all([writing, importing]);

  const restartStarted = performance.now();
  const restarted = (run.server = await startKexie(database, { demo: false, env: writerServerEnv }));
  const restartMs = performance.now() - restartStarted;

  const failures = problems.map((p) => `unexpected ${p.status} from ${p.route}: ${p.body}`);
  const db = openDatabase<any>(database.target);
  let importLine: string;
  try {
    failures.push(...(await checkStorage(db)), ...(await checkActivityTotals(db)), ...(await checkActivityAudit(db, roundStart)));
    const imported = await countImported(db, titlePrefix, roundStart);
    if (imported.rows !== 0 && imported.rows !== importRows) failures.push(`import half-applied: ${imported.rows} of ${importRows} rows`);
    if (imported.auditedRows !== imported.rows) failures.push(`import audit: the audit log counts ${imported.auditedRows} imported rows, ${imported.rows} are there`);
    importLine = `import ${imported.rows === importRows ? 'all' : imported.rows === 0 ? 'none' : imported.rows} of ${importRows} rows (job last seen ${seen.status === 'running' ? `${seen.phase} ${seen.processed}` : seen.status})`;
  } finally {
    await db.destroy();
  }

  const { client: checker } = await signIn(restarted.baseUrl, stats, 'admin');
  const lost = await ledger.findLost(readThroughApi(checker));
  failures.push(...lost.slice(0, 20).map((line) => `lost acknowledged write: ${line}`));
  if (stats.serverErrors > 0) failures.push(`${stats.serverErrors} responses with status 5xx`);

  const acknowledged = Object.values(ledger.acknowledged).reduce((a, b) => a + b, 0);
  const line = `killed ${(killAfterMs / 1000).toFixed(2)} s after the import was ${seen.status === 'not started' ? 'sent' : 'accepted'}, restarted in ${(restartMs / 1000).toFixed(1)} s; ${importLine}; ${acknowledged} acknowledged writes so far on ${ledger.size} records, ${lost.length} lost; ${failures.length === 0 ? 'integrity ok' : 'FAILED'}`;
  return { failures, line };
}

async function crashRuns(kind: DatabaseKind): Promise<{ recovered: number; lost: number; failures: string[] }> {
  return withThrowawayDatabase(kind, 'crash', async (database) => {
    console.log(`\n== crash on ${database.describe}: ${rounds} rounds, ${writers} writers, an import of ${importRows} rows, SIGKILL within ${maxKillMs} ms of the import being accepted, seed ${seed}`);
    const random = seededRandom(seed);
    const server = await startKexie(database, { demo: true, env: writerServerEnv });
    const run: CrashRun = { database, server, ledger: new WriteLedger() };
    const failures: string[] = [];
    let recovered = 0;
    try {
      for (let round = 1; round <= rounds; round++) {
        const killAfterMs = random.between(0, maxKillMs);
        try {
          const outcome = await crashRound(run, round, killAfterMs);
          console.log(`round ${String(round).padStart(2)}/${rounds}: ${outcome.line}`);
          if (outcome.failures.length === 0) recovered++;
          else for (const failure of outcome.failures) (failures.push(`round ${round}: ${failure}`), console.log(`    ${failure}`));
        } catch (error) {
          failures.push(`round ${round}: ${(error as Error).message}`);
          console.log(`round ${String(round).padStart(2)}/${rounds}: FAILED: ${(error as Error).message}`);
          break;
        }
      }
    } finally {
      await run.server.stop();
    }
    const lost = failures.filter((f) => f.includes('lost acknowledged write')).length;
    return { recovered, lost, failures };
  });
}

let allRecovered = true;
const summaries: string[] = [];
for (const kind of databases) {
  const { recovered, lost, failures } = await crashRuns(kind).catch((error: Error) => ({ recovered: 0, lost: 0, failures: [error.stack ?? error.message] }));
  const ok = recovered === rounds && failures.length === 0;
  allRecovered &&= ok;
  summaries.push(`${kind}: ${recovered}/${rounds} recoveries, integrity ${ok ? 'ok' : 'FAILED'}, ${lost} lost acknowledged writes`);
  if (!ok && recovered === 0) console.log(failures.join('\n'));
}
console.log(`\n${summaries.join('\n')}`);
process.exit(allRecovered ? 0 : 1);
