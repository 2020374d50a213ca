import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../database.ts';
import { inOrgSubtree } from '../orgs/index.ts';
import type { AnnualReviewRow, AnnualReviewTable } from './review.table.ts';

type Executor = Kysely<Database>;

/** The review, if it exists and its org is in the scope under `scopeRootId`. */
export function findReviewById(db: Executor, id: string, scopeRootId: string): Promise<AnnualReviewRow | undefined> {
  return db.selectFrom('annual_reviews').selectAll().where('id', '=', id).where(inOrgSubtree(scopeRootId, 'annual_reviews.org_id')).executeTakeFirst();
}

export function findReviewByOrgYear(db: Executor, orgId: string, year: number): Promise<AnnualReviewRow | undefined> {
  return db.selectFrom('annual_reviews').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
}

export interface ReviewFilter {
  scopeRootId: string;
  year?: number;
  orgId?: string;
}

/** Reviews in scope without their documents, newest year first. */
export function findReviews(db: Executor, filter: ReviewFilter) {
  let query = db
    .selectFrom('annual_reviews')
    .select(['id', 'org_id', 'year', 'title', 'revision', 'article_id', 'generated_at', 'updated_by_name', 'created_at', 'updated_at'])
    .where(inOrgSubtree(filter.scopeRootId, 'annual_reviews.org_id'));
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
  return query.orderBy('year', 'desc').orderBy('updated_at', 'desc').limit(500).execute();
}

export async function insertReview(db: Executor, row: AnnualReviewRow): Promise<void> {
  await db.insertInto('annual_reviews').values(row).execute();
}

/**
 * Writes a change only if the row is still at `expectedRevision`: the
 * compare-and-set that keeps two editors from overwriting each other.
 * Returns false when someone saved first.
 */
export async function updateReviewAtRevision(db: Executor, id: string, expectedRevision: number, changes: Updateable<AnnualReviewTable>): Promise<boolean> {
  const result = await db.updateTable('annual_reviews').set(changes).where('id', '=', id).where('revision', '=', expectedRevision).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Notes the article the review went out as; the text is unchanged, so the revision stays. */
export async function setReviewArticle(db: Executor, id: string, articleId: string, updatedAt: string): Promise<void> {
  await db.updateTable('annual_reviews').set({ article_id: articleId, updated_at: updatedAt }).where('id', '=', id).execute();
}
