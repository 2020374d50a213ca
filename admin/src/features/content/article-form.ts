import dayjs, { type Dayjs } from 'dayjs';
import type { Article, ArticleContent } from './api.ts';

/** The editor form's fields: the article's editable fields as the controls hold them (the body lives in the editor). */
export interface ArticleFormValues {
  title: string;
  subtitle?: string;
  author?: string;
  source?: string;
  columnIds: string[];
  coverMediaId?: string | null;
  attachmentIds?: string[];
  tags?: string[];
  isFocus?: boolean;
  isPinned?: boolean;
  publishAt?: Dayjs | null;
}

export const articleFormFields: (keyof ArticleFormValues)[] = [
  'title',
  'subtitle',
  'author',
  'source',
  'columnIds',
  'coverMediaId',
  'attachmentIds',
  'tags',
  'isFocus',
  'isPinned',
  'publishAt',
];

export const emptyArticleForm: ArticleFormValues = {
  title: '',
  subtitle: '',
  author: '',
  source: '',
  columnIds: [],
  coverMediaId: null,
  attachmentIds: [],
  tags: [],
  isFocus: false,
  isPinned: false,
  publishAt: null,
};

export function formValuesOf(article: ArticleContent): ArticleFormValues {
  return {
    title: article.title,
    subtitle: article.subtitle,
    author: article.author,
    source: article.source,
    columnIds: article.columnIds,
    coverMediaId: article.coverMediaId,
    attachmentIds: article.attachmentIds,
    tags: article.tags,
    isFocus: article.isFocus,
    isPinned: article.isPinned,
    publishAt: article.publishAt ? dayjs(article.publishAt) : null,
  };
}

/** What the server stores, from the form and the editor: every field present, optional ones empty rather than missing. */
export function contentOf(values: ArticleFormValues, bodyHtml: string): ArticleContent {
  return {
    title: values.title.trim(),
    subtitle: (values.subtitle ?? '').trim(),
    author: (values.author ?? '').trim(),
    source: (values.source ?? '').trim(),
    columnIds: values.columnIds,
    coverMediaId: values.coverMediaId ?? null,
    // TipTap's empty document is one empty paragraph: store no body rather than that.
    bodyHtml: bodyHtml === '<p></p>' ? '' : bodyHtml,
    attachmentIds: values.attachmentIds ?? [],
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    isFocus: values.isFocus ?? false,
    isPinned: values.isPinned ?? false,
    publishAt: values.publishAt ? values.publishAt.toISOString() : null,
  };
}

/** Whether the website shows an older revision than the one being edited (有未发布的修改). */
export function hasUnpublishedChanges(article: Pick<Article, 'live' | 'revision'>): boolean {
  return article.live !== null && article.live.revision < article.revision;
}
