/**
 * `npm run soak`: kexie under a working day's load, compressed. A real server
 * process on a throwaway database (SQLite, then PostgreSQL) serves portal
 * readers and staff writers at once for a fixed time; afterwards every
 * acknowledged write is read back through the API. Fails (exit code 1) on
 * any 5xx, any request left unanswered, any write answered unexpectedly, or
 * any acknowledged write missing or not holding its final content.
 */
import { startKexie, withThrowawayDatabase, type DatabaseKind } from './support/kexie-process.ts';
import { signIn } from './support/http-client.ts';
import { discoverPortalPages, runPortalReaders } from './support/portal-readers.ts';
import { RouteStats } from './support/route-stats.ts';
import { databasesFrom, positiveInteger, readOptions } from './support/run-options.ts';
import { prepareWorkload, runWriters, writerServerEnv, type WriteProblem } from './support/staff-writers.ts';
import { readThroughApi, WriteLedger } from './support/write-ledger.ts';

const usage = `usage: npm run soak -- [--seconds 60] [--readers 200] [--writers 10] [--db sqlite|postgres|both]
  (defaults also from SOAK_SECONDS, SOAK_READERS, SOAK_WRITERS, SOAK_DB)`;

const option = readOptions(['seconds', 'readers', 'writers', 'db'], 'SOAK', usage);
const seconds = positiveInteger('seconds', option('seconds'), 60);
const readers = positiveInteger('readers', option('readers'), 200);
const writers = positiveInteger('writers', option('writers'), 10);
const databases = databasesFrom(option('db'));

interface SoakResult {
  kind: DatabaseKind;
  failures: string[];
}

async function soak(kind: DatabaseKind): Promise<SoakResult> {
  return withThrowawayDatabase(kind, 'soak', async (database) => {
    console.log(`\n== soak on ${database.describe}: ${readers} readers, ${writers} writers, ${seconds} s`);
    const server = await startKexie(database, { demo: true, env: writerServerEnv });
    try {
      // One table for the whole run; the requests of the setup and of the checks afterwards are named as such.
      const stats = new RouteStats();
      const setup = await prepareWorkload(server.baseUrl, stats);
      const pages = await discoverPortalPages(server.baseUrl, stats);
      const requestsBefore = stats.requests;
      const ledger = new WriteLedger();
      const problems: WriteProblem[] = [];
      const deadline = Date.now() + seconds * 1000;
      const stopped = () => Date.now() >= deadline;
      const started = performance.now();
      await Promise.all([
        runPortalReaders(server.baseUrl, stats, pages, readers, stopped),
        runWriters({ setup, ledger, tag: '', stopped, problems }, writers),
      ]);
      const elapsed = (performance.now() - started) / 1000;
      const requestsInRun = stats.requests - requestsBefore;

      const { client: checker } = await signIn(server.baseUrl, stats, 'admin');
      const lost = await ledger.findLost(readThroughApi(checker));

      console.log(stats.table());
      const acknowledged = Object.entries(ledger.acknowledged).map(([kind, n]) => `${n} ${kind}`).join(', ');
      console.log(`${requestsInRun} requests in the timed ${elapsed.toFixed(1)} s (${(requestsInRun / elapsed).toFixed(0)}/s); acknowledged writes: ${acknowledged} over ${ledger.size} records`);
      console.log(`5xx: ${stats.serverErrors}, unanswered: ${stats.unanswered}, unexpected write answers: ${problems.length}, lost writes: ${lost.length}`);

      const failures = [
        ...(stats.serverErrors > 0 ? [`${stats.serverErrors} responses with status 5xx`] : []),
        ...(stats.unanswered > 0 ? [`${stats.unanswered} requests got no answer`] : []),
        ...problems.slice(0, 20).map((p) => `unexpected ${p.status} from ${p.route}: ${p.body}`),
        ...lost.slice(0, 20).map((line) => `lost write: ${line}`),
      ];
      if (failures.length > 0) console.log(server.output().split('\n').filter((line) => /"level":[56]0/.test(line)).slice(0, 20).join('\n'));
      return { kind, failures };
    } finally {
      await server.stop();
    }
  });
}

const results: SoakResult[] = [];
for (const kind of databases) {
  try {
    results.push(await soak(kind));
  } catch (error) {
    results.push({ kind, failures: [`the run itself failed: ${(error as Error).stack ?? error}`] });
  }
}
console.log('');
for (const { kind, failures } of results) {
  console.log(failures.length === 0 ? `${kind}: zero 5xx, zero lost writes` : `${kind}: FAILED\n  ${failures.join('\n  ')}`);
}
process.exit(results.every((r) => r.failures.length === 0) ? 0 : 1);
