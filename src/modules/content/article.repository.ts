import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../database.ts';
import { dialectOf } from '../../platform/db/connection.ts';
import { likeContaining } from '../../platform/db/like.ts';
import { findPage, type RowWindow } from '../../platform/db/pagination.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type {
  ArticleReviewRow,
  ArticleRevisionRow,
  ArticleRow,
  ArticleStatus,
  ArticleTable,
  LiveArticleRow,
  LiveArticleTable,
} from './content.table.ts';

type Executor = Kysely<Database>;

// ---- the working copy -------------------------------------------------------

export function findArticleById(db: Executor, id: string, scopeRootId?: string): Promise<ArticleRow | undefined> {
  let query = db.selectFrom('articles').selectAll().where('id', '=', id);
  if (scopeRootId) query = query.where(inOrgSubtree(scopeRootId, 'articles.org_id'));
  return query.executeTakeFirst();
}

/** Locks the row on PostgreSQL so two workflow steps on one article queue up instead of racing. */
export function findArticleForUpdate(db: Executor, id: string, scopeRootId: string): Promise<ArticleRow | undefined> {
  let query = db.selectFrom('articles').selectAll().where('id', '=', id).where(inOrgSubtree(scopeRootId, 'articles.org_id'));
  // SQLite has one writer at a time already; FOR UPDATE is PostgreSQL's way to get the same.
  if (dialectOf(db) === 'postgres') query = query.forUpdate();
  return query.executeTakeFirst();
}

export interface ArticleFilter {
  scopeRootId: string;
  q?: string;
  status?: ArticleStatus;
  columnId?: string;
  /** Only articles in review at one of these levels. */
  reviewLevels?: number[];
}

export type ArticleListRow = Pick<ArticleRow, 'id' | 'org_id' | 'title' | 'status' | 'review_level' | 'column_ids' | 'author' | 'is_focus' | 'is_pinned' | 'publish_at' | 'updated_at'> & {
  published_at: string | null;
};

export function findArticles(db: Executor, filter: ArticleFilter, window: RowWindow): Promise<{ rows: ArticleListRow[]; total: number }> {
  let query = db.selectFrom('articles').leftJoin('live_articles', 'live_articles.article_id', 'articles.id').where(inOrgSubtree(filter.scopeRootId, 'articles.org_id'));
  if (filter.q) query = query.where('articles.title', 'like', likeContaining(filter.q));
  if (filter.status) query = query.where('articles.status', '=', filter.status);
  // column_ids is a JSON array of ids; ids contain no quotes, so the quoted id matches one element exactly.
  if (filter.columnId) query = query.where('articles.column_ids', 'like', likeContaining(`"${filter.columnId}"`));
  if (filter.reviewLevels) {
    query = query.where('articles.status', '=', 'in_review').where('articles.review_level', 'in', filter.reviewLevels.length > 0 ? filter.reviewLevels : [-1]);
  }
  return findPage(
    query,
    (q) =>
      q
        .select([
          'articles.id', 'articles.org_id', 'articles.title', 'articles.status', 'articles.review_level', 'articles.column_ids',
          'articles.author', 'articles.is_focus', 'articles.is_pinned', 'articles.publish_at', 'articles.updated_at', 'live_articles.published_at',
        ])
        .orderBy('articles.updated_at', 'desc')
        .orderBy('articles.id', 'desc'),
    window,
  );
}

export async function insertArticle(db: Executor, row: Insertable<ArticleTable>): Promise<void> {
  await db.insertInto('articles').values(row).execute();
}

export async function updateArticle(db: Executor, id: string, changes: Updateable<ArticleTable>): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

/** Moves a scheduled article to published only if it still is scheduled: of several processes, exactly one wins. */
export async function claimScheduledArticle(db: Executor, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ status: 'published', review_level: null, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findDueScheduledArticles(db: Executor, now: string, limit: number): Promise<ArticleRow[]> {
  return db.selectFrom('articles').selectAll().where('status', '=', 'scheduled').where('publish_at', '<=', now).orderBy('publish_at').limit(limit).execute();
}

export async function countArticlesInColumn(db: Executor, columnId: string): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('column_ids', 'like', likeContaining(`"${columnId}"`))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countArticlesInReview(db: Executor): Promise<number> {
  const row = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['in_review']).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- revisions and reviews --------------------------------------------------

export async function insertRevision(db: Executor, row: ArticleRevisionRow): Promise<void> {
  await db.insertInto('article_revisions').values(row).execute();
}

export function findRevisions(db: Executor, articleId: string): Promise<Omit<ArticleRevisionRow, 'snapshot'>[]> {
  return db
    .selectFrom('article_revisions')
    .select(['id', 'article_id', 'number', 'note', 'created_by', 'created_by_name', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('number', 'desc')
    .execute();
}

export function findRevisionByNumber(db: Executor, articleId: string, number: number): Promise<ArticleRevisionRow | undefined> {
  return db.selectFrom('article_revisions').selectAll().where('article_id', '=', articleId).where('number', '=', number).executeTakeFirst();
}

export function findRevisionById(db: Executor, id: string): Promise<ArticleRevisionRow | undefined> {
  return db.selectFrom('article_revisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertReview(db: Executor, row: ArticleReviewRow): Promise<void> {
  await db.insertInto('article_reviews').values(row).execute();
}

export function findReviews(db: Executor, articleId: string): Promise<(ArticleReviewRow & { revision_number: number })[]> {
  return db
    .selectFrom('article_reviews')
    .innerJoin('article_revisions', 'article_revisions.id', 'article_reviews.revision_id')
    .selectAll('article_reviews')
    .select('article_revisions.number as revision_number')
    .where('article_reviews.article_id', '=', articleId)
    .orderBy('article_reviews.created_at', 'desc')
    .orderBy('article_reviews.id', 'desc')
    .execute();
}

/** The approvals given to one submitted revision since it was last submitted, level by level. */
export function findApprovalsSince(db: Executor, articleId: string, revisionId: string, since: string): Promise<ArticleReviewRow[]> {
  return db
    .selectFrom('article_reviews')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('revision_id', '=', revisionId)
    .where('decision', '=', 'approve')
    .where('created_at', '>=', since)
    .orderBy('level')
    .execute();
}

// ---- what the public sees -----------------------------------------------------

export function findLiveArticle(db: Executor, articleId: string): Promise<LiveArticleRow | undefined> {
  return db.selectFrom('live_articles').selectAll().where('article_id', '=', articleId).executeTakeFirst();
}

export function findLiveArticlesByIds(db: Executor, ids: readonly string[]): Promise<Pick<LiveArticleRow, 'article_id' | 'published_at' | 'revision_id'>[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('live_articles').select(['article_id', 'published_at', 'revision_id']).where('article_id', 'in', ids).execute();
}

/** Replaces the live copy and its column listings in one go. */
export async function putLiveArticle(db: Executor, row: LiveArticleRow, columnIds: readonly string[]): Promise<void> {
  await db.deleteFrom('live_article_columns').where('article_id', '=', row.article_id).execute();
  await db.deleteFrom('live_articles').where('article_id', '=', row.article_id).execute();
  await db.insertInto('live_articles').values(row).execute();
  await db
    .insertInto('live_article_columns')
    .values(columnIds.map((columnId) => ({ article_id: row.article_id, column_id: columnId, published_at: row.published_at, is_pinned: row.is_pinned })))
    .execute();
}

export async function deleteLiveArticle(db: Executor, articleId: string): Promise<void> {
  await db.deleteFrom('live_article_columns').where('article_id', '=', articleId).execute();
  await db.deleteFrom('live_articles').where('article_id', '=', articleId).execute();
}

export type LiveSummaryRow = Pick<
  LiveArticleTable,
  'article_id' | 'title' | 'subtitle' | 'summary' | 'primary_column_id' | 'cover_media_id' | 'is_focus' | 'is_pinned' | 'published_at' | 'updated_at'
>;
const summaryColumns = [
  'live_articles.article_id', 'live_articles.title', 'live_articles.subtitle', 'live_articles.summary', 'live_articles.primary_column_id',
  'live_articles.cover_media_id', 'live_articles.is_focus', 'live_articles.is_pinned', 'live_articles.published_at', 'live_articles.updated_at',
] as const;

export interface LiveListFilter {
  columnId?: string;
  focus?: boolean;
  withCover?: boolean;
}

/** Published articles, pinned first, then newest; a column list is one index range. */
export async function findLiveArticles(db: Executor, filter: LiveListFilter, window: RowWindow): Promise<{ rows: LiveSummaryRow[]; total: number }> {
  if (filter.columnId) {
    let query = db
      .selectFrom('live_article_columns')
      .innerJoin('live_articles', 'live_articles.article_id', 'live_article_columns.article_id')
      .where('live_article_columns.column_id', '=', filter.columnId);
    if (filter.focus !== undefined) query = query.where('live_articles.is_focus', '=', filter.focus ? 1 : 0);
    if (filter.withCover) query = query.where('live_articles.cover_media_id', 'is not', null);
    return findPage(
      query,
      (q) => q.select(summaryColumns).orderBy('live_article_columns.is_pinned', 'desc').orderBy('live_article_columns.published_at', 'desc').orderBy('live_articles.article_id', 'desc'),
      window,
    );
  }
  let query = db.selectFrom('live_articles');
  if (filter.focus !== undefined) query = query.where('live_articles.is_focus', '=', filter.focus ? 1 : 0);
  if (filter.withCover) query = query.where('live_articles.cover_media_id', 'is not', null);
  return findPage(
    query,
    (q) => q.select(summaryColumns).orderBy('live_articles.is_pinned', 'desc').orderBy('live_articles.published_at', 'desc').orderBy('live_articles.article_id', 'desc'),
    window,
  );
}

export function findLiveColumnIds(db: Executor, articleIds: readonly string[]): Promise<{ article_id: string; column_id: string }[]> {
  if (articleIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('live_article_columns').select(['article_id', 'column_id']).where('article_id', 'in', articleIds).execute();
}

/** The next newer and next older article in a column, by the column's own order. */
export async function findLiveNeighbours(db: Executor, articleId: string, columnId: string) {
  const self = await db
    .selectFrom('live_article_columns')
    .select(['published_at', 'article_id'])
    .where('column_id', '=', columnId)
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  if (!self) return { newer: undefined, older: undefined };
  const base = db
    .selectFrom('live_article_columns')
    .innerJoin('live_articles', 'live_articles.article_id', 'live_article_columns.article_id')
    .select(['live_articles.article_id', 'live_articles.title'])
    .where('live_article_columns.column_id', '=', columnId);
  const [older, newer] = await Promise.all([
    base
      .where((eb) =>
        eb.or([
          eb('live_article_columns.published_at', '<', self.published_at),
          eb.and([eb('live_article_columns.published_at', '=', self.published_at), eb('live_article_columns.article_id', '<', articleId)]),
        ]),
      )
      .orderBy('live_article_columns.published_at', 'desc')
      .orderBy('live_article_columns.article_id', 'desc')
      .executeTakeFirst(),
    base
      .where((eb) =>
        eb.or([
          eb('live_article_columns.published_at', '>', self.published_at),
          eb.and([eb('live_article_columns.published_at', '=', self.published_at), eb('live_article_columns.article_id', '>', articleId)]),
        ]),
      )
      .orderBy('live_article_columns.published_at', 'asc')
      .orderBy('live_article_columns.article_id', 'asc')
      .executeTakeFirst(),
  ]);
  return { newer, older };
}

export function findLiveForSitemap(db: Executor): Promise<{ article_id: string; updated_at: string }[]> {
  return db.selectFrom('live_articles').select(['article_id', 'updated_at']).orderBy('published_at', 'desc').execute();
}

/** Titles of articles whose working copy or live copy shows this media item (cover, body image or attachment). */
export async function findArticleTitlesUsingMedia(db: Executor, mediaId: string): Promise<string[]> {
  const pattern = likeContaining(mediaId);
  const [working, live] = await Promise.all([
    db
      .selectFrom('articles')
      .select('title')
      .where((eb) => eb.or([eb('cover_media_id', '=', mediaId), eb('attachment_ids', 'like', pattern), eb('body_html', 'like', pattern)]))
      .execute(),
    db
      .selectFrom('live_articles')
      .select('title')
      .where((eb) => eb.or([eb('cover_media_id', '=', mediaId), eb('attachment_ids', 'like', pattern), eb('body_html', 'like', pattern)]))
      .execute(),
  ]);
  return [...new Set([...working, ...live].map((row) => row.title))];
}

// ---- the change log -----------------------------------------------------------

export async function insertContentChange(db: Executor, row: { id: string; at: string; change: string }): Promise<void> {
  await db.insertInto('content_changes').values(row).execute();
}

export function findContentChangesSince(db: Executor, since: string): Promise<{ id: string; at: string; change: string }[]> {
  return db.selectFrom('content_changes').selectAll().where('at', '>=', since).orderBy('at').orderBy('id').execute();
}

export async function deleteContentChangesBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('content_changes').where('at', '<', before).execute();
}
