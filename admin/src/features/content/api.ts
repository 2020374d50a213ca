import { useCallback, useEffect, useState } from 'react';
import { api, type Page, type Query } from '../../app/api.ts';
import type {
  Article,
  ArticleContent,
  ArticleListItem,
  CreateArticleInput,
  Review,
  RevisionDetail,
  RevisionDiff,
  RevisionSummary,
  SaveArticleInput,
} from '../../../../src/modules/content/article.schemas.ts';
import type { Column, CreateColumnInput, ReviewLevels, UpdateColumnInput } from '../../../../src/modules/content/column.schemas.ts';
import type { MediaEntry } from '../../../../src/modules/media/media.schemas.ts';

// The API's own types (type-only imports: nothing server-side is bundled).
export type { Article, ArticleContent, ArticleListItem, Column, CreateColumnInput, Review, RevisionDetail, RevisionDiff, RevisionSummary, UpdateColumnInput };
export type ArticleStatus = Article['status'];
export type ListStyle = Column['listStyle'];
export type MediaInfo = Pick<MediaEntry, 'id' | 'kind' | 'url' | 'originalName' | 'alt' | 'mimeType' | 'bytes' | 'width' | 'height'> & { thumbnailUrl?: string | null };

export const articleStatuses: ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'withdrawn'];
export const listStyles: ListStyle[] = ['list', 'pictures', 'page'];
/** The server's limit on review levels (初审 … at most five). */
export const maxReviewLevels = 5;

export const fetchColumns = () => api<{ items: Column[] }>('GET', '/columns');
export const createColumn = (input: CreateColumnInput) => api<Column>('POST', '/columns', input);
export const updateColumn = (id: string, changes: UpdateColumnInput) => api<Column>('PATCH', `/columns/${id}`, changes);
export const deleteColumn = (id: string) => api<void>('DELETE', `/columns/${id}`);

export const fetchReviewLevels = () => api<ReviewLevels>('GET', '/review-levels');
export const saveReviewLevels = (names: string[]) => api<ReviewLevels>('PUT', '/review-levels', { names });

export const fetchArticles = (query: Query) => api<Page<ArticleListItem>>('GET', '/articles', undefined, query);
export const fetchArticle = (id: string) => api<Article>('GET', `/articles/${id}`);
export const createArticle = (input: CreateArticleInput) => api<Article>('POST', '/articles', input);
/** A new revision; answers 409 ARTICLE_EDIT_CONFLICT when someone saved after `baseRevision`. */
export const saveArticle = (id: string, input: SaveArticleInput) => api<Article>('PUT', `/articles/${id}`, input);
export const submitArticle = (id: string) => api<Article>('POST', `/articles/${id}/submit`);
export const recallArticle = (id: string) => api<Article>('POST', `/articles/${id}/recall`);
/** `level` is the review level the reviewer saw, so a stale screen cannot decide a later one. */
export const approveArticle = (id: string, level: number | null) => api<Article>('POST', `/articles/${id}/approve`, level ? { level } : {});
export const returnArticle = (id: string, reason: string, level: number | null) => api<Article>('POST', `/articles/${id}/return`, level ? { reason, level } : { reason });
export const withdrawArticle = (id: string, reason?: string) => api<Article>('POST', `/articles/${id}/withdraw`, reason ? { reason } : {});

export const fetchReviews = (id: string) => api<{ items: Review[] }>('GET', `/articles/${id}/reviews`);
export const fetchRevisions = (id: string) => api<{ items: RevisionSummary[] }>('GET', `/articles/${id}/revisions`);
export const fetchRevision = (id: string, number: number) => api<RevisionDetail>('GET', `/articles/${id}/revisions/${number}`);
export const fetchRevisionDiff = (id: string, from: number, to: number) => api<RevisionDiff>('GET', `/articles/${id}/revisions/diff`, undefined, { from, to });
/** Makes an old revision the newest draft; it never publishes. */
export const restoreRevision = (id: string, number: number) => api<Article>('POST', `/articles/${id}/revisions/${number}/restore`);

export const fetchMedia = (id: string) => api<MediaEntry>('GET', `/media/${id}`);

/** The staff preview the portal renders with the public article template. */
export const previewUrl = (id: string) => `/preview/articles/${id}`;

/** Every column, loaded once per page; `reload` after a change. */
export function useColumns() {
  const [columns, setColumns] = useState<Column[]>();
  const [error, setError] = useState<unknown>();
  const reload = useCallback(() => {
    fetchColumns().then(
      (list) => (setColumns(list.items), setError(undefined)),
      (err: unknown) => setError(err),
    );
  }, []);
  useEffect(reload, [reload]);
  return { columns, error, reload };
}
