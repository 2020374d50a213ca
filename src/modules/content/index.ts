/** Columns (栏目), articles with their review workflow and revisions, and scheduled publishing. */
export type { ContentTables, ListStyle } from './content.table.ts';
export { contentRoutes } from './content.routes.ts';
export { onContentChange, readContentChangesSince, type ContentChange } from './content-changes.ts';
export { createArticle, saveArticle, getArticle, previewArticle } from './article.service.ts';
export { submitArticle, approveArticle, returnArticle, recallArticle, withdrawArticle, publishDueArticles, startScheduledPublishing } from './article-workflow.service.ts';
export { createColumn, listColumns } from './column.service.ts';
export { loadDemoContent } from './content.demo.ts';
export type { CreateArticleInput, Article } from './article.schemas.ts';
export type { CreateColumnInput, Column } from './column.schemas.ts';
export type { PublishedArticle, ReviewerCredit } from './article-render.ts';
export {
  listPublicColumns,
  findPublicColumnBySlug,
  listPublishedArticles,
  findPublishedArticle,
  findArticleNeighbours,
  listPublishedForSitemap,
  type PublicColumn,
  type ArticleSummary,
} from './content.public.ts';

import { registerMediaUsageSource } from '../media/index.ts';
import { findArticleTitlesUsingMedia } from './article.repository.ts';

// Media refuses to delete an image or document while an article still shows it.
registerMediaUsageSource((db, mediaId) => findArticleTitlesUsingMedia(db, mediaId));
