import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { findUserDisplayName } from '../auth/index.ts';
import { createArticle, getArticle, saveArticle, submitArticle, type Article } from '../content/index.ts';
import { findOrgById, findOrgsByIds, isOrgInSubtree } from '../orgs/index.ts';
import { computeIndicators, listIndicators } from '../stats/index.ts';
import { generateAnnualReview } from './review-generator.ts';
import { formatFigure, resolveFigureFormat } from './chinese-numbers.ts';
import { reviewToDocx } from './render-docx.ts';
import { reviewToHtml } from './render-html.ts';
import { reviewToMarkdown } from './render-markdown.ts';
import { reviewToPdf } from './render-pdf.ts';
import type { ReviewDocument, ReviewFigure, ReviewInline } from './review-document.ts';
import { reviewPolicy } from './review.policy.ts';
import * as repo from './review.repository.ts';
import type { AnnualReview, ExportFormat, GenerateReviewInput, PublishReviewInput, ReviewList, ReviewListQuery, ReviewSummary, SaveReviewInput } from './review.schemas.ts';
import type { AnnualReviewRow } from './review.table.ts';
import './review.messages.ts';

/**
 * The annual review desk: a generated review is stored per org and year,
 * edited by staff (text free, figures bound to their indicators), its figures
 * recomputed on request, and published as a portal article through the
 * content module's own review chain.
 */

type SummaryRow = Omit<AnnualReviewRow, 'document' | 'created_by' | 'updated_by'>;

async function reviewInScope(db: Db, ctx: ServiceContext, id: string): Promise<AnnualReviewRow> {
  const row = await repo.findReviewById(db, id, ctx.actor.orgId);
  if (!row) throw new AppError('REVIEW_NOT_FOUND', 404);
  return row;
}

/** The name the conflict message prints: the saver's 姓名, else their login. */
async function actorDisplayName(db: Db, ctx: ServiceContext): Promise<string> {
  return (ctx.actor.userId && (await findUserDisplayName(db, ctx.actor.userId))) || ctx.actor.username;
}

/** The article as the desk shows it, or null when the actor may not see it (another org's article). */
async function publishedAs(ctx: ServiceContext, articleId: string | null): Promise<ReviewSummary['article']> {
  if (!articleId) return null;
  try {
    const article = await getArticle(ctx, articleId);
    return { id: article.id, status: article.status, reviewLevelName: article.reviewLevelName, live: article.live !== null };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}

async function toSummary(ctx: ServiceContext, row: SummaryRow, orgName: string): Promise<ReviewSummary> {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName,
    year: row.year,
    title: row.title,
    revision: row.revision,
    generatedAt: row.generated_at,
    updatedByName: row.updated_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    article: await publishedAs(ctx, row.article_id),
  };
}

async function toReview(ctx: ServiceContext, row: AnnualReviewRow): Promise<AnnualReview> {
  const org = await findOrgById(ctx.db, row.org_id);
  const mayWrite = reviewPolicy.can(ctx.actor, 'write');
  return {
    ...(await toSummary(ctx, row, org?.name ?? '')),
    document: JSON.parse(row.document) as ReviewDocument,
    permissions: { edit: mayWrite, publish: mayWrite },
  };
}

/** What the audit log keeps of a review: where it stands, not the whole text. */
const auditView = (row: Pick<AnnualReviewRow, 'title' | 'year' | 'revision' | 'article_id' | 'generated_at'>) => ({
  title: row.title,
  year: row.year,
  revision: row.revision,
  articleId: row.article_id,
  generatedAt: row.generated_at,
});

export async function listReviews(ctx: ServiceContext, query: ReviewListQuery): Promise<ReviewList> {
  reviewPolicy.assertCan(ctx.actor, 'read');
  const rows = await repo.findReviews(ctx.db, { scopeRootId: ctx.actor.orgId, year: query.year, orgId: query.orgId });
  const orgs = new Map((await findOrgsByIds(ctx.db, [...new Set(rows.map((r) => r.org_id))])).map((o) => [o.id, o.name]));
  return { items: await Promise.all(rows.map((row) => toSummary(ctx, row, orgs.get(row.org_id) ?? ''))) };
}

export async function getReview(ctx: ServiceContext, id: string): Promise<AnnualReview> {
  reviewPolicy.assertCan(ctx.actor, 'read');
  return toReview(ctx, await reviewInScope(ctx.db, ctx, id));
}

/**
 * Generates the review of a year for an org of the actor's scope. A review
 * staff already have for that year is never replaced: they refresh its
 * figures instead, which keeps their text.
 */
export async function generateReview(ctx: ServiceContext, input: GenerateReviewInput): Promise<AnnualReview> {
  reviewPolicy.assertCan(ctx.actor, 'write');
  const orgId = input.orgId ?? ctx.actor.orgId;
  const org = await findOrgById(ctx.db, orgId);
  if (!org || !(await isOrgInSubtree(ctx.db, ctx.actor.orgId, orgId))) {
    throw new AppError('REVIEW_ORG_NOT_FOUND', 404, { details: [{ path: 'body.orgId', code: 'scope', message: 'REVIEW_ORG_NOT_FOUND' }] });
  }
  const refuseDuplicate = (existing: Pick<AnnualReviewRow, 'title'>) =>
    new AppError('REVIEW_EXISTS', 409, { params: { org: org.name, year: input.year, title: existing.title }, details: [{ path: 'body.year', code: 'unique', message: 'REVIEW_EXISTS' }] });
  const existing = await repo.findReviewByOrgYear(ctx.db, orgId, input.year);
  if (existing) throw refuseDuplicate(existing);

  const document = await generateAnnualReview(ctx.db, { year: input.year, orgId, locale: ctx.locale });
  const now = nowIso();
  const row: AnnualReviewRow = {
    id: newId(),
    org_id: orgId,
    year: input.year,
    title: document.title,
    document: JSON.stringify(document),
    revision: 1,
    article_id: null,
    generated_at: now,
    created_by: ctx.actor.userId,
    updated_by: ctx.actor.userId,
    updated_by_name: await actorDisplayName(ctx.db, ctx),
    created_at: now,
    updated_at: now,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertReview(trx, row);
      await recordAudit(trx, ctx, { entity: 'annual_review', entityId: row.id, orgId, action: 'generate', before: null, after: auditView(row) });
    });
  } catch (err) {
    // Two people pressed 生成 at once: the second is told about the first's review.
    if (isUniqueViolation(err)) throw refuseDuplicate(row);
    throw err;
  }
  return toReview(ctx, row);
}

const isFigure = (inline: ReviewInline): inline is ReviewFigure => inline.kind === 'figure';

/** Every figure of the document with its field path, for messages that name the field. */
function figuresOf(document: ReviewDocument): { figure: ReviewFigure; path: string }[] {
  return document.blocks.flatMap((block, b) =>
    block.content.flatMap((inline, i) => (isFigure(inline) ? [{ figure: inline, path: `body.document.blocks.${b}.content.${i}` }] : [])),
  );
}

/**
 * What the schema cannot know: the document belongs to this review, each
 * figure names a declared indicator and format, and counts an org inside the
 * review's subtree. The first problem answers, with every problem in details.
 */
async function assertTraceable(db: Db, ctx: ServiceContext, row: AnnualReviewRow, document: ReviewDocument): Promise<void> {
  if (document.orgId !== row.org_id || document.year !== row.year) {
    const org = await findOrgById(db, row.org_id);
    throw new AppError('REVIEW_DOCUMENT_MISMATCH', 400, {
      params: { expected: `${org?.name ?? ''} ${row.year}` },
      details: [{ path: document.orgId !== row.org_id ? 'body.document.orgId' : 'body.document.year', code: 'mismatch', message: 'REVIEW_DOCUMENT_MISMATCH' }],
    });
  }
  const known = new Set(listIndicators(ctx.locale).map((indicator) => indicator.code));
  const inSubtree = new Map<string, boolean>();
  const problems: { detail: ErrorDetail; params: Record<string, unknown> }[] = [];
  for (const { figure, path } of figuresOf(document)) {
    if (!known.has(figure.code)) problems.push({ detail: { path: `${path}.code`, code: 'REVIEW_FIGURE_UNKNOWN', message: 'REVIEW_FIGURE_UNKNOWN' }, params: { code: figure.code } });
    if (!resolveFigureFormat(figure.format)) problems.push({ detail: { path: `${path}.format`, code: 'REVIEW_FIGURE_FORMAT_UNKNOWN', message: 'REVIEW_FIGURE_FORMAT_UNKNOWN' }, params: { format: figure.format } });
    const orgId = figure.filters.orgId;
    if (!inSubtree.has(orgId)) inSubtree.set(orgId, await isOrgInSubtree(db, row.org_id, orgId));
    if (!inSubtree.get(orgId)) problems.push({ detail: { path: `${path}.filters.orgId`, code: 'REVIEW_FIGURE_OUT_OF_SCOPE', message: 'REVIEW_FIGURE_OUT_OF_SCOPE' }, params: { text: figure.text } });
  }
  const first = problems[0];
  if (first) throw new AppError(first.detail.code!, 400, { params: first.params, details: problems.map((p) => p.detail) });
}

/** Someone saved after the revision the edit started from: say who, rather than overwrite them. */
/** A row's fields as an update writes them. */
const withoutId = ({ id: _id, ...fields }: AnnualReviewRow) => fields;

function editConflict(latest: AnnualReviewRow, baseRevision: number): AppError {
  return new AppError('REVIEW_EDIT_CONFLICT', 409, { params: { name: latest.updated_by_name, revision: latest.revision, base: baseRevision } });
}

function assertAtRevision(latest: AnnualReviewRow, baseRevision: number): void {
  if (baseRevision !== latest.revision) throw editConflict(latest, baseRevision);
}

/**
 * Stores a changed document if the row is still at the revision the editor
 * started from; otherwise 409 naming who saved in between.
 */
async function storeRevision(ctx: ServiceContext, before: AnnualReviewRow, baseRevision: number, changes: { document: ReviewDocument; generatedAt?: string }, action: string): Promise<AnnualReview> {
  assertAtRevision(before, baseRevision);
  const after: AnnualReviewRow = {
    ...before,
    title: changes.document.title,
    document: JSON.stringify(changes.document),
    revision: before.revision + 1,
    generated_at: changes.generatedAt ?? before.generated_at,
    updated_by: ctx.actor.userId,
    updated_by_name: await actorDisplayName(ctx.db, ctx),
    updated_at: nowIso(),
  };
  const stored = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateReviewAtRevision(trx, before.id, baseRevision, withoutId(after)))) return false;
    await recordAudit(trx, ctx, { entity: 'annual_review', entityId: before.id, orgId: before.org_id, action, before: auditView(before), after: auditView(after) });
    return true;
  });
  // Someone saved between the check above and this write.
  if (!stored) throw editConflict(await reviewInScope(ctx.db, ctx, before.id), baseRevision);
  return toReview(ctx, after);
}

/** Saves the document as edited in the console. */
export async function saveReview(ctx: ServiceContext, id: string, input: SaveReviewInput): Promise<AnnualReview> {
  reviewPolicy.assertCan(ctx.actor, 'write');
  const before = await reviewInScope(ctx.db, ctx, id);
  await assertTraceable(ctx.db, ctx, before, input.document);
  return storeRevision(ctx, before, input.baseRevision, { document: input.document }, 'update');
}

/**
 * Computes every figure of the document again from today's records, keeping
 * the staff's text around them: each figure keeps its indicator, narrowing and
 * period, and its words are re-made from its format (超过200万, 24.6万).
 */
export async function recomputeFigures(db: Db, document: ReviewDocument): Promise<ReviewDocument> {
  const figures = figuresOf(document).map((f) => f.figure);
  // One stats call per org and period: a review's figures mostly share one.
  const groups = new Map<string, ReviewFigure[]>();
  for (const figure of figures) {
    const key = `${figure.filters.orgId}|${figure.filters.from}|${figure.filters.to}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  const fresh = new Map<ReviewFigure, ReviewFigure>();
  for (const group of groups.values()) {
    const { orgId, from, to } = group[0]!.filters;
    // The review is Chinese prose: its figures' filters read in Chinese too, whoever presses 重新计算.
    const values = await computeIndicators(db, { orgId, from, to, requests: group.map((f) => ({ code: f.code, where: f.where })), locale: 'zh-CN' });
    group.forEach((figure, index) => {
      const value = values[index]!;
      const format = resolveFigureFormat(figure.format);
      fresh.set(figure, { ...figure, value: value.value, text: format ? formatFigure(value.value, format) : String(value.value), filters: value.filters });
    });
  }
  return {
    ...document,
    blocks: document.blocks.map((block) => ({ ...block, content: block.content.map((inline) => (isFigure(inline) ? (fresh.get(inline) ?? inline) : inline)) })),
  };
}

export async function refreshReviewFigures(ctx: ServiceContext, id: string, baseRevision: number): Promise<AnnualReview> {
  reviewPolicy.assertCan(ctx.actor, 'write');
  const before = await reviewInScope(ctx.db, ctx, id);
  assertAtRevision(before, baseRevision);
  const document = await recomputeFigures(ctx.db, JSON.parse(before.document) as ReviewDocument);
  return storeRevision(ctx, before, baseRevision, { document, generatedAt: nowIso() }, 'refresh');
}

/**
 * Where the review goes out as an article; the rest of the article's fields
 * stay as its editors left them. The portal shows focus news as pictures, so a
 * focus article needs a cover.
 */
function articleFields(document: ReviewDocument, input: PublishReviewInput, currentCover: string | null) {
  const isFocus = input.isFocus ?? true;
  const coverMediaId = input.coverMediaId === undefined ? currentCover : input.coverMediaId;
  if (isFocus && !coverMediaId) throw new AppError('REVIEW_FOCUS_NEEDS_COVER', 400, { details: [{ path: 'body.coverMediaId', code: 'required', message: 'REVIEW_FOCUS_NEEDS_COVER' }] });
  return { title: document.title, bodyHtml: reviewToHtml(document), columnIds: [input.columnId], isFocus, coverMediaId };
}

/**
 * The review's article, written or rewritten with the review's current text.
 * A review published before updates the same article rather than adding one.
 */
async function writeArticle(ctx: ServiceContext, row: AnnualReviewRow, input: PublishReviewInput): Promise<Article> {
  const document = JSON.parse(row.document) as ReviewDocument;
  if (!row.article_id) return createArticle(ctx, articleFields(document, input, null));
  const current = await getArticle(ctx, row.article_id).catch((err: unknown) => {
    if (err instanceof AppError && err.status === 404) throw new AppError('REVIEW_ARTICLE_UNREACHABLE', 409);
    throw err;
  });
  const { subtitle, author, source, attachmentIds, tags, isPinned, publishAt } = current;
  return saveArticle(ctx, current.id, { subtitle, author, source, attachmentIds, tags, isPinned, publishAt, ...articleFields(document, input, current.coverMediaId), baseRevision: current.revision });
}

/**
 * Publishes the review as a portal article in the chosen column (焦点新闻 by
 * default). The article enters the site's normal review chain (初审 → 复审 →
 * 终审) like any other: a generated text is published by the same people who
 * approve everything else on the site, and goes online when the last approves.
 */
export async function publishReview(ctx: ServiceContext, id: string, input: PublishReviewInput): Promise<AnnualReview> {
  reviewPolicy.assertCan(ctx.actor, 'write');
  const before = await reviewInScope(ctx.db, ctx, id);
  // Publish exactly the text the person is looking at.
  assertAtRevision(before, input.baseRevision);
  // Publishing first takes the review's next revision: of two people pressing
  // 发布 at the same moment one goes on, the other gets the conflict, and the
  // review is never written out as two articles.
  const claimed: AnnualReviewRow = { ...before, revision: before.revision + 1, updated_by: ctx.actor.userId, updated_by_name: await actorDisplayName(ctx.db, ctx), updated_at: nowIso() };
  if (!(await repo.updateReviewAtRevision(ctx.db, before.id, before.revision, withoutId(claimed)))) {
    throw editConflict(await reviewInScope(ctx.db, ctx, before.id), input.baseRevision);
  }
  let article: Article;
  try {
    article = await writeArticle(ctx, before, input);
    if (article.status === 'draft' || article.status === 'withdrawn') article = await submitArticle(ctx, article.id);
  } catch (err) {
    // Nothing went out (a focus article without a cover, say): the review is back as the person sees it.
    await repo.updateReviewAtRevision(ctx.db, before.id, claimed.revision, withoutId(before));
    throw err;
  }
  const after: AnnualReviewRow = { ...claimed, article_id: article.id };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setReviewArticle(trx, before.id, article.id, after.updated_at);
    await recordAudit(trx, ctx, { entity: 'annual_review', entityId: before.id, orgId: before.org_id, action: 'publish', before: auditView(before), after: { ...auditView(after), articleStatus: article.status } });
  });
  return toReview(ctx, after);
}

const exportTypes = {
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', render: (document: ReviewDocument) => reviewToDocx(document) },
  pdf: { contentType: 'application/pdf', render: (document: ReviewDocument) => reviewToPdf(document) },
  md: { contentType: 'text/markdown; charset=utf-8', render: async (document: ReviewDocument) => Buffer.from(reviewToMarkdown(document), 'utf8') },
} as const;

export interface ReviewExport {
  bytes: Buffer;
  contentType: string;
  /** The review's title with the format's extension: 南阳市科协2024年工作回顾.docx. */
  fileName: string;
}

/** The review as Word, PDF or Markdown, rendered from the stored (edited) document. */
export async function exportReview(ctx: ServiceContext, id: string, format: ExportFormat): Promise<ReviewExport> {
  reviewPolicy.assertCan(ctx.actor, 'read');
  const row = await reviewInScope(ctx.db, ctx, id);
  const type = exportTypes[format];
  return { bytes: await type.render(JSON.parse(row.document) as ReviewDocument), contentType: type.contentType, fileName: `${row.title}.${format}` };
}
