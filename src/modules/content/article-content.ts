import { findMediaByIds } from '../media/index.ts';
import type { Db } from '../../database.ts';
import { AppError } from '../../platform/errors.ts';
import { sanitizeBody } from './article-body.ts';
import type { ArticleContent, CreateArticleInput } from './article.schemas.ts';
import { findColumnsByIds } from './column.repository.ts';
import type { ArticleRow, ArticleTable } from './content.table.ts';

/** The editable fields of a working copy, in API form: what a revision snapshots. */
export function contentOf(row: Pick<ArticleRow, keyof ArticleRowContent>): ArticleContent {
  return {
    title: row.title,
    subtitle: row.subtitle,
    author: row.author,
    source: row.source,
    columnIds: JSON.parse(row.column_ids) as string[],
    coverMediaId: row.cover_media_id,
    bodyHtml: row.body_html,
    attachmentIds: JSON.parse(row.attachment_ids) as string[],
    tags: JSON.parse(row.tags) as string[],
    isFocus: row.is_focus === 1,
    isPinned: row.is_pinned === 1,
    publishAt: row.publish_at,
  };
}

type ArticleRowContent = Pick<
  ArticleTable,
  'title' | 'subtitle' | 'author' | 'source' | 'column_ids' | 'cover_media_id' | 'body_html' | 'attachment_ids' | 'tags' | 'is_focus' | 'is_pinned' | 'publish_at'
>;

export function rowFieldsOf(content: ArticleContent): ArticleRowContent {
  return {
    title: content.title,
    subtitle: content.subtitle,
    author: content.author,
    source: content.source,
    column_ids: JSON.stringify(content.columnIds),
    cover_media_id: content.coverMediaId,
    body_html: content.bodyHtml,
    attachment_ids: JSON.stringify(content.attachmentIds),
    tags: JSON.stringify(content.tags),
    is_focus: content.isFocus ? 1 : 0,
    is_pinned: content.isPinned ? 1 : 0,
    publish_at: content.publishAt,
  };
}

/** Whether two versions differ in anything an editor can change. */
export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Normalises what an editor sent (trimmed text, sanitised body, ISO time) and
 * checks everything it points at exists: columns, a cover that is an image,
 * attachments that are documents. Every problem is reported with its field.
 */
export async function cleanContent(db: Db, input: CreateArticleInput & { author: string }): Promise<ArticleContent> {
  const content: ArticleContent = {
    title: input.title.trim(),
    subtitle: input.subtitle?.trim() ?? '',
    author: input.author.trim(),
    source: input.source?.trim() ?? '',
    columnIds: input.columnIds,
    coverMediaId: input.coverMediaId ?? null,
    bodyHtml: sanitizeBody(input.bodyHtml),
    attachmentIds: input.attachmentIds ?? [],
    tags: [...new Set((input.tags ?? []).map((tag) => tag.trim()))],
    isFocus: input.isFocus ?? false,
    isPinned: input.isPinned ?? false,
    publishAt: input.publishAt ? new Date(input.publishAt).toISOString() : null,
  };
  const columns = new Set((await findColumnsByIds(db, content.columnIds)).map((c) => c.id));
  const unknownColumn = content.columnIds.find((id) => !columns.has(id));
  if (unknownColumn) {
    throw new AppError('ARTICLE_COLUMN_UNKNOWN', 400, { params: { id: unknownColumn }, details: [{ path: 'body.columnIds', code: 'exists', message: 'ARTICLE_COLUMN_UNKNOWN' }] });
  }
  const media = new Map((await findMediaByIds(db, [...(content.coverMediaId ? [content.coverMediaId] : []), ...content.attachmentIds])).map((m) => [m.id, m]));
  if (content.coverMediaId && media.get(content.coverMediaId)?.kind !== 'image') {
    throw new AppError('ARTICLE_COVER_NOT_IMAGE', 400, { details: [{ path: 'body.coverMediaId', code: 'exists', message: 'ARTICLE_COVER_NOT_IMAGE' }] });
  }
  const badAttachment = content.attachmentIds.find((id) => media.get(id)?.kind !== 'attachment');
  if (badAttachment) {
    throw new AppError('ARTICLE_ATTACHMENT_UNKNOWN', 400, { params: { id: badAttachment }, details: [{ path: 'body.attachmentIds', code: 'exists', message: 'ARTICLE_ATTACHMENT_UNKNOWN' }] });
  }
  return content;
}
