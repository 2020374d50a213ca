import { sql, type RawBuilder } from 'kysely';
import type { Db, Trx } from '../../database.ts';
import type { NewSearchDocumentRow, NewSearchPostingRow } from './search.table.ts';

/** The only file that queries the search tables. */

export type Executor = Db | Trx;

/**
 * Rows per INSERT, 4 parameters each: far under SQLite's 32,766 and
 * PostgreSQL's 65,535, and small enough that building the statement stays cheap.
 */
const rowsPerInsert = 1_000;

/** Inserts or replaces the document of (kind, id) and its text; returns its key. Its old postings and tags are removed. */
export async function upsertDocument(trx: Trx, row: Omit<NewSearchDocumentRow, 'key'>, text: { title: string; body: string }): Promise<number> {
  const { key } = await trx
    .insertInto('search_documents')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'id']).doUpdateSet({ published_at: row.published_at, length: row.length }))
    .returning('key')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('search_document_texts')
    .values({ doc_key: key, ...text })
    .onConflict((oc) => oc.column('doc_key').doUpdateSet(text))
    .execute();
  await deleteTermsAndTags(trx, key);
  return key;
}

async function deleteTermsAndTags(trx: Trx, key: number): Promise<void> {
  await trx.deleteFrom('search_postings').where('doc_key', '=', key).execute();
  await trx.deleteFrom('search_document_tags').where('doc_key', '=', key).execute();
}

export async function insertPostings(trx: Trx, rows: readonly NewSearchPostingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    await trx.insertInto('search_postings').values(rows.slice(i, i + rowsPerInsert)).execute();
  }
}

export async function insertTags(trx: Trx, docKey: number, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await trx.insertInto('search_document_tags').values(tags.map((tag) => ({ doc_key: docKey, tag }))).execute();
}

/** Removes a document with its text, postings and tags. */
export async function deleteDocument(trx: Trx, kind: string, id: string): Promise<void> {
  const doc = await trx.deleteFrom('search_documents').where('kind', '=', kind).where('id', '=', id).returning('key').executeTakeFirst();
  if (!doc) return;
  await trx.deleteFrom('search_document_texts').where('doc_key', '=', doc.key).execute();
  await deleteTermsAndTags(trx, doc.key);
}

/** How many documents of a kind there are and their summed length: BM25's N and average length. */
export async function corpusSize(db: Db, kind: string): Promise<{ documents: number; totalLength: number }> {
  const row = await db
    .selectFrom('search_documents')
    .select((eb) => [eb.fn.countAll<number>().as('documents'), eb.fn.sum<number | null>('length').as('total_length')])
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
  return { documents: Number(row.documents), totalLength: Number(row.total_length ?? 0) };
}

/** In how many documents of a kind each term occurs; terms in none are absent. */
export async function documentFrequencies(db: Db, kind: string, terms: readonly string[]): Promise<Map<string, number>> {
  if (terms.length === 0) return new Map();
  const rows = await db
    .selectFrom('search_postings as p')
    .innerJoin('search_documents as d', 'd.key', 'p.doc_key')
    .select((eb) => ['p.term', eb.fn.countAll<number>().as('df')])
    .where('d.kind', '=', kind)
    .where('p.term', 'in', terms)
    .groupBy('p.term')
    .execute();
  return new Map(rows.map((row) => [row.term, Number(row.df)]));
}

export interface RankingQuery {
  kind: string;
  /** Each group needs one of its terms in a document. */
  groups: string[][];
  /** Per term: idf × (k1 + 1), computed once in TypeScript so both databases use the same number. */
  termWeights: Map<string, number>;
  titleWeight: number;
  /** BM25 length normalisation: a term counts wtf / (wtf + lengthBase + lengthFactor × length). */
  lengthBase: number;
  lengthFactor: number;
  tag?: string;
  publishedFrom?: string;
  publishedBefore?: string;
  offset: number;
  limit: number;
}

export interface RankedRow {
  id: string;
  title: string;
  body: string;
  published_at: string;
  /** The score in millionths. */
  score_micros: number;
  total: number;
}

/** Doubles from TypeScript reach both databases as double precision (PostgreSQL would otherwise guess integer). */
const double = (value: number) => sql<number>`cast(${value} as double precision)`;

/**
 * One page of matching documents, best first. Each posting's share of the
 * BM25 score is rounded to millionths before summing: the same arithmetic
 * runs on both databases, and integer sums do not depend on row order, so
 * SQLite and PostgreSQL return identical scores and ties.
 */
export async function rankDocuments(db: Db, query: RankingQuery): Promise<RankedRow[]> {
  const weightedTf = sql<number>`(${sql.lit(query.titleWeight)} * p.title_tf + p.body_tf)`;
  const termWeight = sql<number>`case p.term ${sql.join(
    [...query.termWeights].map(([term, weight]) => sql`when ${term} then ${double(weight)}`),
    sql` `,
  )} end`;
  const share = sql<number>`floor(${termWeight} * ${weightedTf} / (${weightedTf} + ${double(query.lengthBase)} + ${double(query.lengthFactor)} * d.length) * 1000000 + 0.5)`;
  const groupFound = (group: string[]): RawBuilder<unknown> =>
    sql`max(case when p.term in (${sql.join(group)}) then 1 else 0 end) = 1`;

  let matched = db
    .selectFrom('search_postings as p')
    .innerJoin('search_documents as d', 'd.key', 'p.doc_key')
    .select(['d.key', 'd.id', 'd.published_at', sql<number>`sum(${share})`.as('score_micros')])
    .where('d.kind', '=', query.kind)
    .where('p.term', 'in', [...query.termWeights.keys()])
    .groupBy(['d.key', 'd.id', 'd.published_at'])
    .having(sql<boolean>`${sql.join(query.groups.map(groupFound), sql` and `)}`);
  if (query.publishedFrom) matched = matched.where('d.published_at', '>=', query.publishedFrom);
  if (query.publishedBefore) matched = matched.where('d.published_at', '<', query.publishedBefore);
  if (query.tag) {
    const tag = query.tag;
    matched = matched.where((eb) =>
      eb.exists(eb.selectFrom('search_document_tags as t').select(sql.lit(1).as('one')).whereRef('t.doc_key', '=', 'd.key').where('t.tag', '=', tag)),
    );
  }

  // Rank and cut the page on keys alone; only the page's rows bring their text.
  return db
    .with('page', () =>
      db
        .selectFrom(matched.as('m'))
        .select(['m.key', 'm.score_micros', sql<number>`count(*) over ()`.as('total')])
        .orderBy('m.score_micros', 'desc')
        .orderBy('m.published_at', 'desc')
        .orderBy('m.id', 'desc')
        .offset(query.offset)
        .limit(query.limit),
    )
    .selectFrom('page')
    .innerJoin('search_documents as d', 'd.key', 'page.key')
    .innerJoin('search_document_texts as t', 't.doc_key', 'page.key')
    .select(['d.id', 't.title', 't.body', 'd.published_at', 'page.score_micros', 'page.total'])
    .orderBy('page.score_micros', 'desc')
    .orderBy('d.published_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

/** How many documents a ranking query matches, for a page past the last (which returns no rows to carry the total). */
export async function countRanked(db: Db, query: RankingQuery): Promise<number> {
  const rows = await rankDocuments(db, { ...query, offset: 0, limit: 1 });
  return rows[0] ? Number(rows[0].total) : 0;
}
