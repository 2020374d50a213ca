import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, IsoDateTime, Nullable, StrictObject } from '../../platform/http/schema.ts';
import { dimensionCodes } from '../stats/indicator.types.ts';
import type { ReviewDocument } from './review-document.ts';

/**
 * The ReviewDocument as the console sends it back. Text is free; a figure
 * must keep what makes it traceable (indicator code, value, format, query
 * filters), so whatever the edit, each number still says where it comes from
 * and 重新计算 can compute it again.
 */

const Words = (maxLength: number) => Type.String({ maxLength });
const Dimensions = StrictObject(
  Object.fromEntries(dimensionCodes.map((code) => [code, Type.Optional(Type.Union([Words(200), Type.Array(Words(200), { maxItems: 50 })]))])),
);

export const FigureFilters = StrictObject({
  orgId: Id,
  orgName: Words(200),
  from: IsoDate,
  to: IsoDate,
  verifiedOnly: Type.Boolean(),
  conditions: Words(1000),
});

const TextInline = StrictObject({ kind: Type.Enum(['text']), text: Type.String({ maxLength: 20_000 }) });
const FigureInline = StrictObject({
  kind: Type.Enum(['figure']),
  code: Type.String({ minLength: 3, maxLength: 100, pattern: '^[a-z_]+(\\.[a-z0-9_]+)+$', description: 'Indicator code' }),
  value: Type.Number(),
  text: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'How the number reads (24.6万, 超过200万)' }),
  format: Type.String({ minLength: 1, maxLength: 40, description: 'The formatting helper that made the text' }),
  filters: FigureFilters,
  where: Type.Optional(Dimensions),
});
const Inline = Type.Union([TextInline, FigureInline], { description: 'text, or a figure bound to its indicator' });
const Inlines = Type.Array(Inline, { maxItems: 2000 });

const Block = Type.Union(
  [
    StrictObject({ kind: Type.Enum(['heading']), level: Type.Integer({ minimum: 1, maximum: 3 }), content: Inlines }),
    StrictObject({ kind: Type.Enum(['paragraph']), content: Inlines }),
  ],
  { description: 'a heading or a paragraph' },
);

export const ReviewDocumentSchema = Type.Unsafe<ReviewDocument>(
  StrictObject({
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    year: Type.Integer({ minimum: 1949, maximum: 2100 }),
    orgId: Id,
    blocks: Type.Array(Block, { maxItems: 2000 }),
  }),
);

const Year = Type.Integer({ minimum: 1949, maximum: 2100, description: 'The calendar year the figures cover' });

export const GenerateReviewBody = StrictObject({
  year: Year,
  orgId: Type.Optional(Id),
});
export type GenerateReviewInput = Static<typeof GenerateReviewBody>;

const BaseRevision = Type.Integer({ minimum: 1, description: 'The revision the edit started from; a newer one on the server answers 409 instead of overwriting it' });

export const SaveReviewBody = StrictObject({ document: ReviewDocumentSchema, baseRevision: BaseRevision });
export type SaveReviewInput = Static<typeof SaveReviewBody>;

export const RefreshReviewBody = StrictObject({ baseRevision: BaseRevision });

export const PublishReviewBody = StrictObject({
  columnId: Id,
  isFocus: Type.Optional(Type.Boolean({ default: true, description: '焦点新闻: shown among the home page’s focus news' })),
  coverMediaId: Type.Optional(
    Type.Union([Id, Type.Null()], { description: 'The cover image (焦点新闻 shows articles with a cover); a re-publication keeps the article’s cover when left out' }),
  ),
  baseRevision: BaseRevision,
});
export type PublishReviewInput = Static<typeof PublishReviewBody>;

export const ReviewListQuery = StrictObject({
  year: Type.Optional(Year),
  orgId: Type.Optional(Id),
});
export type ReviewListQuery = Static<typeof ReviewListQuery>;

export const exportFormats = ['docx', 'pdf', 'md'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const ExportQuery = StrictObject({ format: Type.Optional(Type.Enum(Object.fromEntries(exportFormats.map((f) => [f, f])) as Record<ExportFormat, ExportFormat>, { default: 'docx' })) });

/** The portal article a review went out as, in the content workflow's own terms. */
const PublishedAs = Type.Object({
  id: Id,
  status: Type.String({ description: 'The article’s workflow status: draft, in_review, scheduled, published, withdrawn' }),
  reviewLevelName: Nullable(Type.String({ description: 'The level deciding it now (初审 …) while in review' })),
  live: Type.Boolean({ description: 'The portal shows it now' }),
});

const summaryFields = {
  id: Id,
  orgId: Id,
  orgName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  revision: Type.Integer(),
  generatedAt: IsoDateTime,
  updatedByName: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  article: Nullable(PublishedAs),
};

export const ReviewSummary = Type.Object(summaryFields);
export type ReviewSummary = Static<typeof ReviewSummary>;
export const ReviewList = Type.Object({ items: Type.Array(ReviewSummary) });
export type ReviewList = Static<typeof ReviewList>;

export const AnnualReview = Type.Object({
  ...summaryFields,
  document: ReviewDocumentSchema,
  permissions: Type.Object({ edit: Type.Boolean(), publish: Type.Boolean() }),
});
export type AnnualReview = Static<typeof AnnualReview>;
