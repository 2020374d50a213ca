import type { Db } from '../../database.ts';
import type { ArticleSummary, PublishedArticle, ReviewerCredit } from './article-render.ts';
import * as articles from './article.repository.ts';
import * as columns from './column.repository.ts';
import type { Column } from './column.schemas.ts';
import { inTreeOrder, toColumn } from './column.service.ts';
import type { ColumnRow } from './content.table.ts';

/**
 * What the public website reads: only what has been published, no actor,
 * no scope. Everything here is cheap enough to run per uncached page.
 */

/** A column as the portal uses it: the console's view without its timestamps. */
export type PublicColumn = Omit<Column, 'createdAt' | 'updatedAt'>;

function toPublicColumn(row: ColumnRow): PublicColumn {
  const { createdAt: _created, updatedAt: _updated, ...column } = toColumn(row);
  return column;
}

export async function listPublicColumns(db: Db): Promise<PublicColumn[]> {
  return inTreeOrder(await columns.findAllColumns(db)).map(toPublicColumn);
}

export async function findPublicColumnBySlug(db: Db, slug: string): Promise<PublicColumn | undefined> {
  const row = await columns.findColumnBySlug(db, slug);
  return row && toPublicColumn(row);
}

export async function listPublishedArticles(
  db: Db,
  query: { columnId?: string; focus?: boolean; withCover?: boolean; limit: number; offset?: number },
): Promise<{ items: ArticleSummary[]; total: number }> {
  const { rows, total } = await articles.findLiveArticles(db, query, { limit: query.limit, offset: query.offset ?? 0 });
  const listed = await articles.findLiveColumnIds(db, rows.map((r) => r.article_id));
  const columnsOf = (row: (typeof rows)[number]) => [row.primary_column_id, ...listed.filter((l) => l.article_id === row.article_id && l.column_id !== row.primary_column_id).map((l) => l.column_id)];
  return {
    items: rows.map((row) => ({
      id: row.article_id,
      title: row.title,
      subtitle: row.subtitle,
      summary: row.summary,
      columnIds: columnsOf(row),
      coverMediaId: row.cover_media_id,
      isFocus: row.is_focus === 1,
      isPinned: row.is_pinned === 1,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
    })),
    total,
  };
}

export async function findPublishedArticle(db: Db, id: string): Promise<PublishedArticle | undefined> {
  const row = await articles.findLiveArticle(db, id);
  if (!row) return undefined;
  const listed = await articles.findLiveColumnIds(db, [id]);
  return {
    id: row.article_id,
    title: row.title,
    subtitle: row.subtitle,
    summary: row.summary,
    columnIds: [row.primary_column_id, ...listed.map((l) => l.column_id).filter((c) => c !== row.primary_column_id)],
    coverMediaId: row.cover_media_id,
    isFocus: row.is_focus === 1,
    isPinned: row.is_pinned === 1,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    author: row.author,
    source: row.source,
    bodyHtml: row.body_html,
    attachmentIds: JSON.parse(row.attachment_ids) as string[],
    tags: JSON.parse(row.tags) as string[],
    reviewers: JSON.parse(row.reviewers) as ReviewerCredit[],
  };
}

/** 上一篇 is the newer article in the column's list, 下一篇 the older one, as Chinese portals print them. */
export type { ArticleSummary };

export async function findArticleNeighbours(db: Db, articleId: string, columnId: string) {
  const { newer, older } = await articles.findLiveNeighbours(db, articleId, columnId);
  return {
    previous: newer ? { id: newer.article_id, title: newer.title } : null,
    next: older ? { id: older.article_id, title: older.title } : null,
  };
}

export async function listPublishedForSitemap(db: Db): Promise<{ id: string; updatedAt: string }[]> {
  return (await articles.findLiveForSitemap(db)).map((row) => ({ id: row.article_id, updatedAt: row.updated_at }));
}
