import type { Db, Trx } from '../../database.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { analyzeQuery, termFrequencies } from './search.analyzer.ts';
import { highlight, snippet } from './search.highlight.ts';
import * as repo from './search.repository.ts';
import type { NewSearchPostingRow } from './search.table.ts';
import type { Executor } from './search.repository.ts';
import './search.messages.ts';

/** 可检索文档: what an owning module hands the index when a document is published. */
export interface SearchableDocument {
  /** Which kind of record, e.g. 'article'; searches look at one kind. */
  kind: string;
  id: string;
  title: string;
  /** Plain text, no HTML. */
  text: string;
  /** ISO-8601 UTC. */
  publishedAt: string;
  /** Filter labels, e.g. ['column:<id>']. */
  tags: string[];
}

export interface SearchQuery {
  q: string;
  kind: string;
  /** One filter tag the documents must carry. */
  tag?: string;
  /** YYYY-MM-DD, inclusive, a calendar day in China Standard Time, on publishedAt. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  id: string;
  title: string;
  /** HTML-escaped title with the matched words in <mark>. */
  titleHtml: string;
  /** About 120 escaped characters of the text around its densest match, matched words in <mark>. */
  snippetHtml: string;
  publishedAt: string;
  score: number;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  /** The words the query was split into, for the page to show. */
  terms: string[];
}

/** BM25 parameters: the usual term-saturation and length-normalisation constants. */
const k1 = 1.2;
const b = 0.75;
/** A term in the title counts as this many in the body. */
const titleWeight = 3;
export const maxPageSize = 100;
/** Dates in a search are days as readers in China count them (UTC+8 all year). */
const chinaOffsetMs = 8 * 3_600_000;
const dayMs = 24 * 3_600_000;

/**
 * Indexes a document, replacing any earlier version of the same (kind, id).
 * Call it inside the transaction that publishes the document, so the index
 * never disagrees with what is published; given no transaction, it opens one.
 */
export async function indexDocument(db: Executor, doc: SearchableDocument): Promise<void> {
  await indexDocuments(db, [doc]);
}

/**
 * Indexes many documents in one transaction (rebuilding the index, importing
 * a site). Postings of every document are written together in term order: a
 * document touches one index page per distinct term, so writing documents one
 * by one rewrites most of the index each time, while a batch writes each page once.
 */
export async function indexDocuments(db: Executor, docs: readonly SearchableDocument[]): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => indexDocuments(trx, docs));
  const trx = db as Trx;
  // A document given twice in one batch is indexed as its last version.
  const latest = new Map(docs.map((doc) => [`${doc.kind}\u0000${doc.id}`, doc]));
  const postings: NewSearchPostingRow[] = [];
  for (const doc of latest.values()) {
    const titleTerms = termFrequencies(doc.title);
    const bodyTerms = termFrequencies(doc.text);
    const key = await repo.upsertDocument(
      trx,
      { kind: doc.kind, id: doc.id, published_at: doc.publishedAt, length: titleWeight * sumOf(titleTerms) + sumOf(bodyTerms) },
      { title: doc.title, body: doc.text },
    );
    for (const term of new Set([...titleTerms.keys(), ...bodyTerms.keys()])) {
      postings.push({ term, doc_key: key, title_tf: titleTerms.get(term) ?? 0, body_tf: bodyTerms.get(term) ?? 0 });
    }
    await repo.insertTags(trx, key, [...new Set(doc.tags)]);
  }
  postings.sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.doc_key - b.doc_key));
  await repo.insertPostings(trx, postings);
}

const sumOf = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);

/** Takes a document out of the index; removing one that is not there does nothing. */
export async function removeDocument(db: Executor, kind: string, id: string): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => removeDocument(trx, kind, id));
  await repo.deleteDocument(db as Trx, kind, id);
}

/** The words a query is split into (what `searchDocuments` reports as `terms`). */
export function segmentWords(text: string): string[] {
  return analyzeQuery(text).words;
}

/**
 * Documents of one kind holding every word of the query, best first by BM25
 * (title matches weigh more), then newest first. A query with no words, or
 * with a word no document holds, finds nothing; it is never an error.
 */
export async function searchDocuments(db: Db, query: SearchQuery): Promise<SearchResult> {
  const window = checkQuery(query);
  const analyzed = analyzeQuery(query.q);
  const empty = { items: [], total: 0, terms: analyzed.words };
  if (analyzed.groups.length === 0) return empty;

  const [corpus, frequencies] = await Promise.all([repo.corpusSize(db, query.kind), repo.documentFrequencies(db, query.kind, analyzed.terms)]);
  // Every word must be found, so a word no document holds settles it without ranking.
  if (!analyzed.groups.every((group) => group.some((term) => frequencies.has(term)))) return empty;

  const averageLength = corpus.totalLength / corpus.documents || 1;
  const termWeights = new Map(
    [...frequencies].map(([term, df]) => [term, Math.log(1 + (corpus.documents - df + 0.5) / (df + 0.5)) * (k1 + 1)]),
  );
  const ranking: repo.RankingQuery = {
    kind: query.kind,
    groups: analyzed.groups.map((group) => group.filter((term) => frequencies.has(term))),
    termWeights,
    titleWeight,
    lengthBase: k1 * (1 - b),
    lengthFactor: (k1 * b) / averageLength,
    tag: query.tag,
    publishedFrom: window.publishedFrom,
    publishedBefore: window.publishedBefore,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  };
  const rows = await repo.rankDocuments(db, ranking);
  const total = rows[0] ? Number(rows[0].total) : ranking.offset > 0 ? await repo.countRanked(db, ranking) : 0;

  const terms = new Set(analyzed.terms);
  return {
    items: rows.map((row) => ({
      id: row.id,
      title: row.title,
      titleHtml: highlight(row.title, terms),
      snippetHtml: snippet(row.body, terms),
      publishedAt: row.published_at,
      score: Number(row.score_micros) / 1_000_000,
    })),
    total,
    terms: analyzed.words,
  };
}

/** Checks paging and dates (each problem named by its field) and turns the dates into a UTC range. */
function checkQuery(query: SearchQuery): { publishedFrom?: string; publishedBefore?: string } {
  const details: ErrorDetail[] = [];
  const problem = (path: string, code: string) => details.push({ path, code, message: code });
  if (!Number.isInteger(query.page) || query.page < 1) problem('query.page', 'SEARCH_PAGE_INVALID');
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > maxPageSize) problem('query.pageSize', 'SEARCH_PAGE_SIZE_INVALID');
  const from = query.from ? startOfChinaDay(query.from) : undefined;
  const to = query.to ? startOfChinaDay(query.to) : undefined;
  if (from === null) problem('query.from', 'SEARCH_DATE_INVALID');
  if (to === null) problem('query.to', 'SEARCH_DATE_INVALID');
  if (from && to && to < from) problem('query.to', 'SEARCH_DATE_RANGE_REVERSED');
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 400, { details, params: { maxPageSize } });
  return {
    publishedFrom: from?.toISOString(),
    // `to` is inclusive: everything before the next day's midnight.
    publishedBefore: to ? new Date(to.getTime() + dayMs).toISOString() : undefined,
  };
}

/** Midnight of a YYYY-MM-DD day in China, or null when the text is not a real date (2026-02-30). */
function startOfChinaDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
  const utcMidnight = new Date(Date.UTC(year, month - 1, date));
  // Date.UTC rolls 02-30 over to 03-02: a real date reads back as itself.
  const real = utcMidnight.getUTCFullYear() === year && utcMidnight.getUTCMonth() === month - 1 && utcMidnight.getUTCDate() === date;
  return real ? new Date(utcMidnight.getTime() - chinaOffsetMs) : null;
}
