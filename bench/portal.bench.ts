/**
 * The portal's cached pages against the fastest thing that could serve them:
 * a bare node:http server sending the same bytes from memory. Each server runs
 * in its own process (this file, started with --serve); autocannon runs here
 * with 50 connections for 10 s per target. The article page is demo-like
 * (~30 KB of HTML with the reference site's text); the target is ≥ 50% of the
 * baseline's requests per second with p99 under 25 ms. Served uncompressed,
 * as autocannon asks for no encoding; the compressed bodies are stored too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { BenchReport } from './measure.ts';

/** The parts of autocannon's result used here (it ships no type declarations). */
interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  throughput: { average: number };
  errors: number;
  non2xx: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: { url: string; connections: number; duration: number }) => Promise<AutocannonResult>;

const thisFile = fileURLToPath(import.meta.url);
const connections = 50;
const durationSeconds = 10;

interface Served {
  port: number;
  articlePath: string;
  articleFile: string;
}

/** --serve kexie: a kexie on a throwaway SQLite with demo-like content; prints where it listens. */
async function serveKexie(dir: string): Promise<void> {
  const [{ buildApp }, { loadConfig }, { openDatabase }, { migrateToLatest }, { ensureSeedOrgs }, { loadDemoSite }, { createColumn, createPublishedArticle }] = await Promise.all([
    import('../src/app.ts'),
    import('../src/platform/config.ts'),
    import('../src/platform/db/connection.ts'),
    import('../src/platform/db/migrator.ts'),
    import('../src/modules/orgs/index.ts'),
    import('../src/modules/portal/index.ts'),
    import('../test/factories/content.ts'),
  ]);
  const config = { ...loadConfig({}), mediaDir: path.join(dir, 'media'), sqliteFile: path.join(dir, 'bench.sqlite'), databaseUrl: undefined, logLevel: 'warn' };
  const db = openDatabase<any>(config) as import('../src/database.ts').Db;
  await migrateToLatest(db);
  const app = await buildApp({ config, db, logger: false });
  await ensureSeedOrgs(db);
  await loadDemoSite(db);
  const seed = fs.readFileSync('/work/shared/seed/000_1560153b2d6f5627.txt', 'utf8');
  const paragraphs = seed.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 40 && !p.startsWith('焦点新闻'));
  const names = ['关于科协', '科普之家', '学会之家', '党务党建', '反邪教工作', '人才之家', '青少年科技教育', '联系我们'];
  const columns = [];
  for (const [i, name] of names.entries()) columns.push(await createColumn(db, { name, slug: `c${i}`, position: i, inNav: true, onHome: i > 0 && i < 7 }));
  for (const [i, column] of columns.entries()) {
    for (let n = 0; n < 8; n++) await createPublishedArticle(db, { title: `${names[i]}动态 ${n + 1}：${paragraphs[n % paragraphs.length]!.slice(0, 18)}`, columnIds: [column.id], isFocus: n === 0 });
  }
  const article = await createPublishedArticle(db, {
    title: '南阳市科协2024年工作回顾：汇聚科技资源 赋能创新发展',
    author: '信息中心',
    source: '南阳市科协',
    columnIds: [columns[1]!.id],
    // The reference article three times over: about the 30 KB of a long report on the real site.
    bodyHtml: [...paragraphs, ...paragraphs, ...paragraphs].map((p, i) => (i % 5 === 0 ? `<h2>${p.slice(0, 12)}</h2><p>${p}</p>` : `<p>${p}</p>`)).join(''),
  });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const articlePath = `/articles/${article.id}`;
  const page = await fetch(address + articlePath).then((r) => r.arrayBuffer());
  const articleFile = path.join(dir, 'article.html');
  fs.writeFileSync(articleFile, Buffer.from(page));
  console.log(JSON.stringify({ port: Number(new URL(address).port), articlePath, articleFile } satisfies Served));
}

/** --serve baseline: node:http sending the article's bytes from memory, with the same content type. */
function serveBaseline(file: string): void {
  const body = fs.readFileSync(file);
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as { port: number }).port })));
}

if (process.argv[2] === '--serve') {
  const [, , , role, arg] = process.argv;
  if (role === 'kexie') await serveKexie(arg!);
  else serveBaseline(arg!);
}

/** Starts this file as a server process and waits for the line saying where it listens. */
function startServer(role: 'kexie' | 'baseline', arg: string): Promise<{ child: ChildProcess; served: Served }> {
  const child = spawn(process.execPath, ['--import', 'tsx', thisFile, '--serve', role, arg], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, served: JSON.parse(line) as Served });
    });
    child.once('exit', (code) => reject(new Error(`${role} server exited with ${code}: ${output}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const rounds = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Each target gets `durationSeconds` in all, as `rounds` short runs taken in
 * turn (a, b, b, a, …) so that whatever else the machine does lands on every
 * target alike. Requests per second over all rounds; latency percentiles are
 * the median of the rounds'.
 */
async function loadInTurns(urls: string[]): Promise<Load[]> {
  for (const url of urls) await autocannon({ url, connections, duration: 2 }); // render, cache, let the JIT settle
  const results = urls.map(() => [] as AutocannonResult[]);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? urls.map((_, i) => i) : urls.map((_, i) => urls.length - 1 - i);
    for (const i of order) results[i]!.push(await autocannon({ url: urls[i]!, connections, duration: durationSeconds / rounds }));
  }
  return results.map((runs) => ({
    requestsPerSecond: runs.reduce((sum, r) => sum + r.requests.average, 0) / runs.length,
    p50: median(runs.map((r) => r.latency.p50)),
    p99: median(runs.map((r) => r.latency.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  }));
}

export default async function portalBench(): Promise<BenchReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kexie-portal-bench-'));
  try {
    const kexie = await startServer('kexie', dir);
    let home: Load;
    let article: Load;
    let bare: Load;
    try {
      const baseline = await startServer('baseline', kexie.served.articleFile);
      try {
        const base = `http://127.0.0.1:${kexie.served.port}`;
        [home, article, bare] = (await loadInTurns([`${base}/`, base + kexie.served.articlePath, `http://127.0.0.1:${baseline.served.port}/`])) as [Load, Load, Load];
      } finally {
        await stopServer(baseline.child);
      }
    } finally {
      await stopServer(kexie.child);
    }
    const pageKb = (fs.statSync(kexie.served.articleFile).size / 1024).toFixed(1);
    const row = (name: string, l: Load) => [name, Math.round(l.requestsPerSecond), l.p50, l.p99, `${((100 * l.requestsPerSecond) / bare.requestsPerSecond).toFixed(0)}%`, l.errors];
    const articleShare = article.requestsPerSecond / bare.requestsPerSecond;
    return {
      title: 'portal: cached pages vs a bare node:http server sending the same bytes',
      columns: ['target', 'req/s', 'p50 ms', 'p99 ms', 'of baseline', 'errors'],
      rows: [row('kexie /', home), row(`kexie article (${pageKb} KB)`, article), row('node:http, same article bytes', bare)],
      notes: [
        `${connections} connections, ${durationSeconds} s per target in ${rounds} alternating rounds after a 2 s warm-up; p50/p99 = median of the rounds'; each server its own process, ${os.cpus().length} CPUs shared with autocannon`,
        `article: ${(articleShare * 100).toFixed(0)}% of baseline (target ≥ 50%), p99 ${article.p99} ms (target < 25 ms): ${articleShare >= 0.5 && article.p99 < 25 ? 'met' : 'NOT met'}`,
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
