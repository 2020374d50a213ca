import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { articleStatuses } from './content.table.ts';

export const ArticleStatusSchema = Type.Enum(articleStatuses, { description: 'draft 草稿 · in_review 审核中 · scheduled 定时发布 · published 已发布 · withdrawn 已撤稿' });

/** The editable fields of an article: what each revision snapshots. */
const editableFields = {
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  subtitle: Type.String({ maxLength: 200 }),
  author: Type.String({ maxLength: 60 }),
  source: Type.String({ maxLength: 100 }),
  columnIds: Type.Array(Id, { minItems: 1, maxItems: 5, uniqueItems: true, description: 'Primary column first' }),
  coverMediaId: Nullable(Id),
  bodyHtml: Type.String({ maxLength: 500_000, description: 'Sanitised on save against an allow-list' }),
  attachmentIds: Type.Array(Id, { maxItems: 30, uniqueItems: true }),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: 20, pattern: '\\S' }), { maxItems: 10, uniqueItems: true }),
  isFocus: Type.Boolean({ description: '焦点新闻' }),
  isPinned: Type.Boolean({ description: '置顶' }),
  publishAt: Nullable(Type.String({ format: 'date-time', description: 'Future: publish then. Past: the date printed as 发布时间' })),
};

export const ArticleContent = Type.Object(editableFields);
export type ArticleContent = Static<typeof ArticleContent>;

export const CreateArticleBody = StrictObject({
  ...editableFields,
  subtitle: Type.Optional(editableFields.subtitle),
  author: Type.Optional(editableFields.author),
  source: Type.Optional(editableFields.source),
  coverMediaId: Type.Optional(editableFields.coverMediaId),
  attachmentIds: Type.Optional(editableFields.attachmentIds),
  tags: Type.Optional(editableFields.tags),
  isFocus: Type.Optional(editableFields.isFocus),
  isPinned: Type.Optional(editableFields.isPinned),
  publishAt: Type.Optional(editableFields.publishAt),
});
export type CreateArticleInput = Static<typeof CreateArticleBody>;

export const SaveArticleBody = StrictObject({
  ...editableFields,
  baseRevision: Type.Integer({ minimum: 1, description: 'The revision number the edit started from; a newer one on the server answers 409 instead of overwriting it' }),
});
export type SaveArticleInput = Static<typeof SaveArticleBody>;

const Review = Type.Object({
  id: Id,
  level: Type.Integer(),
  levelName: Type.String(),
  decision: Type.Enum(['approve', 'return']),
  reason: Nullable(Type.String()),
  reviewerName: Type.String(),
  revisionNumber: Type.Integer(),
  createdAt: IsoDateTime,
});
export type Review = Static<typeof Review>;

export const Article = Type.Object({
  id: Id,
  orgId: Id,
  status: ArticleStatusSchema,
  reviewLevel: Nullable(Type.Integer()),
  reviewLevelName: Nullable(Type.String()),
  revision: Type.Integer({ description: 'The current revision number' }),
  ...editableFields,
  createdBy: Nullable(Id),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  live: Nullable(Type.Object({ revision: Type.Integer(), publishedAt: IsoDateTime }, { description: 'What the portal shows now' })),
  lastReturn: Nullable(Review),
  permissions: Type.Object({
    edit: Type.Boolean(),
    submit: Type.Boolean(),
    recall: Type.Boolean(),
    review: Type.Boolean({ description: 'The actor may approve or return the current level' }),
    withdraw: Type.Boolean(),
  }),
});
export type Article = Static<typeof Article>;

export const ArticleListItem = Type.Object({
  id: Id,
  orgId: Id,
  title: Type.String(),
  status: ArticleStatusSchema,
  reviewLevel: Nullable(Type.Integer()),
  reviewLevelName: Nullable(Type.String()),
  columnIds: Type.Array(Id),
  author: Type.String(),
  isFocus: Type.Boolean(),
  isPinned: Type.Boolean(),
  publishAt: Nullable(IsoDateTime),
  publishedAt: Nullable(IsoDateTime),
  updatedAt: IsoDateTime,
});
export type ArticleListItem = Static<typeof ArticleListItem>;

export const ArticleListQuery = StrictObject({
  ...pageQuery,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the title' })),
  status: Type.Optional(ArticleStatusSchema),
  columnId: Type.Optional(Id),
  awaitingMyReview: Type.Optional(Type.Boolean({ description: 'Only articles whose current level the actor may decide' })),
});
export type ArticleListQuery = Static<typeof ArticleListQuery>;

export const ArticlePage = Page(ArticleListItem);
export type ArticlePage = Static<typeof ArticlePage>;

export const ReturnArticleBody = StrictObject({ reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S', description: '退回理由, shown to the editor' }) });
export const WithdrawArticleBody = StrictObject({ reason: Type.Optional(Type.String({ maxLength: 500 })) });

export const ReviewTrail = Type.Object({ items: Type.Array(Review, { description: 'Newest first' }) });
export type ReviewTrail = Static<typeof ReviewTrail>;

export const RevisionSummary = Type.Object({ id: Id, number: Type.Integer(), note: Type.String(), createdByName: Type.String(), createdAt: IsoDateTime, live: Type.Boolean() });
export type RevisionSummary = Static<typeof RevisionSummary>;
export const RevisionList = Type.Object({ items: Type.Array(RevisionSummary, { description: 'Newest first' }) });
export type RevisionList = Static<typeof RevisionList>;
export const RevisionDetail = Type.Object({ ...RevisionSummary.properties, content: ArticleContent });
export type RevisionDetail = Static<typeof RevisionDetail>;
export const RevisionParams = StrictObject({ id: Id, number: Type.Integer({ minimum: 1 }) });

export const RevisionDiffQuery = StrictObject({
  from: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the revision before `to`' })),
  to: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the current revision' })),
});
export const RevisionDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  fields: Type.Array(Type.Object({ field: Type.String(), before: Type.String(), after: Type.String() }), { description: 'Changed fields other than the body, as text' }),
  body: Type.Array(Type.Object({ op: Type.Enum(['equal', 'insert', 'delete']), text: Type.String() }), { description: 'The body text, changes marked' }),
});
export type RevisionDiff = Static<typeof RevisionDiff>;
