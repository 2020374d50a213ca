/**
 * Chinese search at the size of a busy association's site: 5,000 articles of
 * about 3,000 characters each. Reports how long indexing takes (each article
 * in its own transaction, as publishing does) and how fast ranked queries
 * are, against the scan a site without an index would run: LIKE '%word%'
 * over title and text, newest first, unranked and without snippets.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Db } from '../src/database.ts';
import { dialectOf } from '../src/platform/db/connection.ts';
import { indexDocument, indexDocuments, searchDocuments, type SearchableDocument, type SearchQuery } from '../src/modules/search/index.ts';
import { startPostgres } from '../test/helpers/throwaway-postgres.ts';
import { comparePair, ms, type BenchReport } from './measure.ts';
import { onPostgres, onSqlite } from './org-subtree.bench.ts';

/** KEXIE_BENCH_SEARCH_DOCS=500 for a quick look; the default is the size the index is built for. */
const documentCount = Number(process.env.KEXIE_BENCH_SEARCH_DOCS) || 5_000;
const charactersPerDocument = 3_000;
const columns = 12;
/** The first documents are indexed as publishing does, one per transaction; the rest as a rebuild does. */
const publishedOneByOne = 100;
const batchSize = 250;

/** Words the queries look for, each in a known share of the articles. */
const topics = [
  { word: '科普', share: 0.4 },
  { word: '科协', share: 0.3 },
  { word: '年会', share: 0.05 },
  { word: '猕猴桃', share: 0.002 },
];

/** mulberry32: the same corpus on every run and on both databases. */
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ordinary Chinese vocabulary: the 50,000 most frequent words of jieba's dictionary, drawn by frequency as in real text. */
function vocabulary(random: () => number): () => string {
  const dictPath = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const entries = fs
    .readFileSync(dictPath, 'utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([word, freq]) => word && /^\p{Script=Han}+$/u.test(word) && Number(freq) > 0)
    .map(([word, freq]) => ({ word: word!, freq: Number(freq) }))
    .sort((a, b) => b.freq - a.freq)
    .slice(0, 50_000);
  const cumulative: number[] = [];
  let sum = 0;
  for (const entry of entries) cumulative.push((sum += entry.freq));
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return entries[low]!.word;
  };
}

function buildCorpus(): SearchableDocument[] {
  const random = seededRandom(20261128);
  const word = vocabulary(random);
  const sentence = () => Array.from({ length: 6 + Math.floor(random() * 10) }, word).join('') + (random() < 0.7 ? '，' : '。');
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  return Array.from({ length: documentCount }, (_, i) => {
    const present = topics.filter((topic) => random() < topic.share).map((topic) => topic.word);
    let text = '';
    while (text.length < charactersPerDocument) {
      text += sentence();
      if (present.length > 0 && random() < 0.05) text += present[Math.floor(random() * present.length)];
    }
    return {
      kind: 'article',
      id: `doc-${String(i).padStart(5, '0')}`,
      title: Array.from({ length: 4 }, word).join('') + (present[0] ?? ''),
      text,
      publishedAt: new Date(start + i * 3 * 3_600_000).toISOString(),
      tags: [`column:${i % columns}`],
    };
  });
}

/** The index-free baseline: every word as a substring of title or text, newest first, with the total. */
async function likeScan(db: Db, query: SearchQuery, words: string[]) {
  let filtered = db
    .selectFrom('search_documents as d')
    .innerJoin('search_document_texts as t', 't.doc_key', 'd.key')
    .where('d.kind', '=', query.kind);
  for (const w of words) filtered = filtered.where((eb) => eb.or([eb('t.title', 'like', `%${w}%`), eb('t.body', 'like', `%${w}%`)]));
  if (query.tag) {
    const tag = query.tag;
    filtered = filtered.where('d.key', 'in', (eb) => eb.selectFrom('search_document_tags').select('doc_key').where('tag', '=', tag));
  }
  const [rows, count] = await Promise.all([
    filtered.select(['d.id', 't.title', 't.body']).orderBy('d.published_at', 'desc').limit(query.pageSize).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

async function storageSize(db: Db): Promise<string> {
  if (dialectOf(db) === 'sqlite') {
    const { rows } = await sql<{ bytes: number }>`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`.execute(db);
    return `${(rows[0]!.bytes / 2 ** 20).toFixed(0)} MB database file`;
  }
  const { rows } = await sql<{ bytes: number }>`select sum(pg_total_relation_size(c.oid))::bigint as bytes from pg_class c
    where c.relname in ('search_documents', 'search_document_texts', 'search_postings', 'search_document_tags') and c.relkind = 'r'`.execute(db);
  return `${(Number(rows[0]!.bytes) / 2 ** 20).toFixed(0)} MB in the search tables`;
}

async function benchDialect(db: Db, corpus: SearchableDocument[], rows: BenchReport['rows'], notes: string[]) {
  const dialect = dialectOf(db);
  // Publishing indexes one document at a time; a rebuild hands over batches.
  const oneByOne = corpus.slice(0, publishedOneByOne);
  let started = performance.now();
  for (const doc of oneByOne) await indexDocument(db, doc);
  const oneByOneMs = (performance.now() - started) / oneByOne.length;
  started = performance.now();
  for (let i = publishedOneByOne; i < corpus.length; i += batchSize) await indexDocuments(db, corpus.slice(i, i + batchSize));
  const batchSeconds = (performance.now() - started) / 1000;
  await sql`analyze`.execute(db);
  const postings = await db.selectFrom('search_postings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  notes.push(
    `${dialect}: ${oneByOne.length} documents one by one, ${oneByOneMs.toFixed(0)} ms each; ` +
      `${corpus.length - oneByOne.length} in batches of ${batchSize} in ${batchSeconds.toFixed(1)} s (${((corpus.length - oneByOne.length) / batchSeconds).toFixed(0)} a second); ` +
      `${Number(postings.n).toLocaleString('en')} postings, ${await storageSize(db)}`,
  );

  const cases: { label: string; query: Partial<SearchQuery> & { q: string }; words: string[] }[] = [
    { label: '科普 (in ~40%)', query: { q: '科普' }, words: ['科普'] },
    { label: '科协 年会 (both words)', query: { q: '科协 年会' }, words: ['科协', '年会'] },
    { label: '猕猴桃 (rare)', query: { q: '猕猴桃' }, words: ['猕猴桃'] },
    { label: '科普 in one column', query: { q: '科普', tag: 'column:3' }, words: ['科普'] },
    { label: 'a word in no document', query: { q: 'zzqx' }, words: ['zzqx'] },
  ];
  for (const c of cases) {
    const query: SearchQuery = { kind: 'article', page: 1, pageSize: 10, ...c.query };
    const ranked = await searchDocuments(db, query);
    const scanned = await likeScan(db, query, c.words);
    const timing = await comparePair(() => searchDocuments(db, query), () => likeScan(db, query, c.words));
    rows.push([
      dialect,
      c.label,
      `${ranked.total} / ${scanned.total}`,
      ms(timing.a.medianMs),
      ms(timing.a.p95Ms),
      ms(timing.b.medianMs),
      ms(timing.b.p95Ms),
      `${(timing.b.medianMs / timing.a.medianMs).toFixed(2)}×`,
    ]);
  }
}

export default async function searchBench(): Promise<BenchReport> {
  const rows: BenchReport['rows'] = [];
  const corpus = buildCorpus();
  const characters = corpus.reduce((sum, doc) => sum + doc.title.length + doc.text.length, 0);
  const notes = [`corpus: ${corpus.length} documents, ${(characters / 1e6).toFixed(1)} million characters, ${columns} columns`];

  await onSqlite((db) => benchDialect(db, corpus, rows, notes));
  const server = await startPostgres();
  if (server) {
    try {
      await onPostgres(server.url, (db) => benchDialect(db, corpus, rows, notes));
    } finally {
      server.stop();
    }
  } else {
    notes.push('postgres: SKIPPED (no PostgreSQL binaries and no KEXIE_TEST_PG_URL)');
  }

  notes.push(
    'index = searchDocuments: BM25-ranked page of 10 with highlighted titles and snippets (what the portal runs)',
    "LIKE = substring scan, newest first, no ranking, no snippets; hits differ where a substring is not a word (学科普及 has 科普 but not the word)",
    'LIKE/index = median of the scan ÷ median of the index query: above 1 means the index is faster',
  );
  return {
    title: 'search: jieba inverted index vs LIKE scan',
    columns: ['dialect', 'query', 'hits index / LIKE', 'index median ms', 'index p95 ms', 'LIKE median ms', 'LIKE p95 ms', 'LIKE/index'],
    rows,
    notes,
  };
}
