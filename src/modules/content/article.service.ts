import { diffChars } from 'diff';
import type { Db, Trx } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pageWindow } from '../../platform/http/schema.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { findUserDisplayName } from '../auth/index.ts';
import { bodyText } from './article-body.ts';
import { cleanContent, contentOf, rowFieldsOf, sameContent } from './article-content.ts';
import { renderArticle, type PublishedArticle } from './article-render.ts';
import * as repo from './article.repository.ts';
import type {
  Article,
  ArticleContent,
  ArticleListQuery,
  ArticlePage,
  CreateArticleInput,
  Review,
  ReviewTrail,
  RevisionDetail,
  RevisionDiff,
  RevisionList,
  SaveArticleInput,
} from './article.schemas.ts';
import { reviewLevelsOf } from './column.service.ts';
import { withContentChanges } from './content-changes.ts';
import { articlePolicy } from './content.policy.ts';
import type { ArticleReviewRow, ArticleRow } from './content.table.ts';
import './content.messages.ts';

/** The name the actor is printed under: their 姓名, else their login. */
export async function actorName(db: Db, ctx: ServiceContext): Promise<string> {
  return (ctx.actor.userId && (await findUserDisplayName(db, ctx.actor.userId))) || ctx.actor.username;
}

/** Loads an article in the actor's scope; anything else is simply not found. */
export async function articleInScope(db: Db, ctx: ServiceContext, id: string, forUpdate = false): Promise<ArticleRow> {
  const row = forUpdate ? await repo.findArticleForUpdate(db, id, ctx.actor.orgId) : await repo.findArticleById(db, id, ctx.actor.orgId);
  if (!row) throw new AppError('ARTICLE_NOT_FOUND', 404);
  return row;
}

export function toReview(row: ArticleReviewRow & { revision_number: number }): Review {
  return {
    id: row.id,
    level: row.level,
    levelName: row.level_name,
    decision: row.decision,
    reason: row.reason,
    reviewerName: row.reviewer_name,
    revisionNumber: row.revision_number,
    createdAt: row.created_at,
  };
}

/** The approvals of the round now under review, to know who may still decide. */
export async function approvalsOfRound(db: Db, row: ArticleRow): Promise<ArticleReviewRow[]> {
  if (!row.review_revision_id || !row.review_started_at) return [];
  return repo.findApprovalsSince(db, row.id, row.review_revision_id, row.review_started_at);
}

export async function toArticle(db: Db, ctx: ServiceContext, row: ArticleRow): Promise<Article> {
  const [levels, live, reviews, approvals] = await Promise.all([reviewLevelsOf(db), repo.findLiveArticle(db, row.id), repo.findReviews(db, row.id), approvalsOfRound(db, row)]);
  const liveRevision = live ? await repo.findRevisionById(db, live.revision_id) : undefined;
  const lastReview = reviews[0];
  const canWrite = articlePolicy.can(ctx.actor, 'write');
  return {
    id: row.id,
    orgId: row.org_id,
    status: row.status,
    reviewLevel: row.review_level,
    reviewLevelName: levels.find((l) => l.level === row.review_level)?.name ?? null,
    revision: row.revision_count,
    ...contentOf(row),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    live: live && liveRevision ? { revision: liveRevision.number, publishedAt: live.published_at } : null,
    lastReturn: row.status === 'draft' && lastReview?.decision === 'return' ? toReview(lastReview) : null,
    permissions: {
      edit: canWrite && row.status !== 'in_review' && row.status !== 'scheduled',
      submit: canWrite && (row.status === 'draft' || row.status === 'withdrawn'),
      recall: canWrite && (row.status === 'in_review' || row.status === 'scheduled'),
      review:
        row.status === 'in_review' &&
        articlePolicy.can(ctx.actor, 'review') &&
        row.created_by !== ctx.actor.userId &&
        !approvals.some((a) => a.reviewer_id === ctx.actor.userId),
      withdraw: articlePolicy.can(ctx.actor, 'withdraw') && live !== undefined,
    },
  };
}

export async function getArticle(ctx: ServiceContext, id: string): Promise<Article> {
  const row = await articleInScope(ctx.db, ctx, id);
  articlePolicy.assertCan(ctx.actor, 'read');
  return toArticle(ctx.db, ctx, row);
}

export async function listArticles(ctx: ServiceContext, query: ArticleListQuery): Promise<ArticlePage> {
  articlePolicy.assertCan(ctx.actor, 'read');
  const window = pageWindow(query);
  const levels = await reviewLevelsOf(ctx.db);
  const awaiting = query.awaitingMyReview ? (articlePolicy.can(ctx.actor, 'review') ? levels.map((l) => l.level) : []) : undefined;
  const { rows, total } = await repo.findArticles(ctx.db, { scopeRootId: ctx.actor.orgId, q: query.q?.trim() || undefined, status: query.status, columnId: query.columnId, reviewLevels: awaiting }, window);
  return {
    items: rows.map((row) => ({
      id: row.id,
      orgId: row.org_id,
      title: row.title,
      status: row.status,
      reviewLevel: row.review_level,
      reviewLevelName: levels.find((l) => l.level === row.review_level)?.name ?? null,
      columnIds: JSON.parse(row.column_ids) as string[],
      author: row.author,
      isFocus: row.is_focus === 1,
      isPinned: row.is_pinned === 1,
      publishAt: row.publish_at,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
    })),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** What the audit log keeps of an article: its place in the workflow and what changed, not the whole body. */
export function auditView(row: Pick<ArticleRow, 'status' | 'review_level' | 'revision_count' | 'title'>) {
  return { status: row.status, reviewLevel: row.review_level, revision: row.revision_count, title: row.title };
}

async function addRevision(trx: Trx, ctx: ServiceContext, articleId: string, number: number, content: ArticleContent, note: string) {
  const id = newId();
  await repo.insertRevision(trx, {
    id,
    article_id: articleId,
    number,
    snapshot: JSON.stringify(content),
    note,
    created_by: ctx.actor.userId,
    created_by_name: await actorName(trx, ctx),
    created_at: nowIso(),
  });
  return id;
}

export async function createArticle(ctx: ServiceContext, input: CreateArticleInput): Promise<Article> {
  articlePolicy.assertCan(ctx.actor, 'write');
  return withContentChanges(ctx.db, async (trx) => {
    const content = await cleanContent(trx, { ...input, author: input.author ?? (await actorName(trx, ctx)) });
    const now = nowIso();
    const id = newId();
    const revisionId = newId();
    const row: ArticleRow = {
      id,
      org_id: ctx.actor.orgId,
      status: 'draft',
      review_level: null,
      review_revision_id: null,
      review_started_at: null,
      current_revision_id: revisionId,
      revision_count: 1,
      ...rowFieldsOf(content),
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertArticle(trx, row);
    await repo.insertRevision(trx, {
      id: revisionId,
      article_id: id,
      number: 1,
      snapshot: JSON.stringify(content),
      note: translate(ctx.locale, 'revision.note.created'),
      created_by: ctx.actor.userId,
      created_by_name: await actorName(trx, ctx),
      created_at: now,
    });
    await recordAudit(trx, ctx, { entity: 'article', entityId: id, orgId: row.org_id, action: 'create', before: null, after: auditView(row) });
    return toArticle(trx, ctx, row);
  });
}

/** Rules shared by saving and restoring: never while a revision is being decided on. */
function assertEditable(row: ArticleRow) {
  if (row.status === 'in_review') throw new AppError('ARTICLE_LOCKED_IN_REVIEW', 409);
  if (row.status === 'scheduled') throw new AppError('ARTICLE_LOCKED_SCHEDULED', 409);
}

/**
 * Saves the working copy as a new revision. A published article stays online
 * as it was; the edit goes through review again before it replaces that.
 */
export async function saveArticle(ctx: ServiceContext, id: string, input: SaveArticleInput): Promise<Article> {
  return withContentChanges(ctx.db, async (trx) => {
    const before = await articleInScope(trx, ctx, id, true);
    articlePolicy.assertCan(ctx.actor, 'write');
    assertEditable(before);
    if (input.baseRevision !== before.revision_count) {
      const latest = await repo.findRevisionByNumber(trx, id, before.revision_count);
      throw new AppError('ARTICLE_EDIT_CONFLICT', 409, { params: { name: latest?.created_by_name ?? '', revision: before.revision_count, base: input.baseRevision } });
    }
    const { baseRevision: _base, ...fields } = input;
    const content = await cleanContent(trx, fields);
    if (sameContent(content, contentOf(before))) return toArticle(trx, ctx, before);
    return storeNewRevision(trx, ctx, before, content, translate(ctx.locale, 'revision.note.saved'), 'update');
  });
}

async function storeNewRevision(trx: Trx, ctx: ServiceContext, before: ArticleRow, content: ArticleContent, note: string, action: string): Promise<Article> {
  const number = before.revision_count + 1;
  const revisionId = await addRevision(trx, ctx, before.id, number, content, note);
  const after: ArticleRow = {
    ...before,
    ...rowFieldsOf(content),
    // Editing a published or withdrawn article starts its next version as a draft.
    status: 'draft',
    review_level: null,
    review_revision_id: null,
    review_started_at: null,
    current_revision_id: revisionId,
    revision_count: number,
    updated_at: nowIso(),
  };
  const { id: _id, ...changes } = after;
  await repo.updateArticle(trx, before.id, changes);
  await recordAudit(trx, ctx, { entity: 'article', entityId: before.id, orgId: before.org_id, action, before: auditView(before), after: auditView(after) });
  return toArticle(trx, ctx, after);
}

export async function listRevisions(ctx: ServiceContext, id: string): Promise<RevisionList> {
  await articleInScope(ctx.db, ctx, id);
  articlePolicy.assertCan(ctx.actor, 'read');
  const [revisions, live] = await Promise.all([repo.findRevisions(ctx.db, id), repo.findLiveArticle(ctx.db, id)]);
  return {
    items: revisions.map((r) => ({ id: r.id, number: r.number, note: r.note, createdByName: r.created_by_name, createdAt: r.created_at, live: r.id === live?.revision_id })),
  };
}

async function revisionOrFail(db: Db, articleId: string, number: number) {
  const revision = await repo.findRevisionByNumber(db, articleId, number);
  if (!revision) throw new AppError('ARTICLE_REVISION_NOT_FOUND', 404, { params: { number } });
  return revision;
}

export async function getRevision(ctx: ServiceContext, id: string, number: number): Promise<RevisionDetail> {
  await articleInScope(ctx.db, ctx, id);
  articlePolicy.assertCan(ctx.actor, 'read');
  const [revision, live] = await Promise.all([revisionOrFail(ctx.db, id, number), repo.findLiveArticle(ctx.db, id)]);
  return {
    id: revision.id,
    number: revision.number,
    note: revision.note,
    createdByName: revision.created_by_name,
    createdAt: revision.created_at,
    live: revision.id === live?.revision_id,
    content: JSON.parse(revision.snapshot) as ArticleContent,
  };
}

const fieldText: Record<Exclude<keyof ArticleContent, 'bodyHtml'>, (content: ArticleContent) => string> = {
  title: (c) => c.title,
  subtitle: (c) => c.subtitle,
  author: (c) => c.author,
  source: (c) => c.source,
  columnIds: (c) => c.columnIds.join(', '),
  coverMediaId: (c) => c.coverMediaId ?? '',
  attachmentIds: (c) => c.attachmentIds.join(', '),
  tags: (c) => c.tags.join('、'),
  isFocus: (c) => (c.isFocus ? '✓' : ''),
  isPinned: (c) => (c.isPinned ? '✓' : ''),
  publishAt: (c) => c.publishAt ?? '',
};

/** What changed between two revisions: each other field as before/after, the body as marked text. */
export async function diffRevisions(ctx: ServiceContext, id: string, fromNumber?: number, toNumber?: number): Promise<RevisionDiff> {
  const row = await articleInScope(ctx.db, ctx, id);
  articlePolicy.assertCan(ctx.actor, 'read');
  const to = toNumber ?? row.revision_count;
  const from = fromNumber ?? Math.max(1, to - 1);
  const [a, b] = await Promise.all([revisionOrFail(ctx.db, id, from), revisionOrFail(ctx.db, id, to)]);
  const before = JSON.parse(a.snapshot) as ArticleContent;
  const after = JSON.parse(b.snapshot) as ArticleContent;
  const fields = Object.entries(fieldText)
    .map(([field, text]) => ({ field, before: text(before), after: text(after) }))
    .filter((f) => f.before !== f.after);
  // Chinese has no spaces between words, so the body is compared character by character.
  const body = diffChars(bodyText(before.bodyHtml), bodyText(after.bodyHtml)).map((part) => ({
    op: part.added ? ('insert' as const) : part.removed ? ('delete' as const) : ('equal' as const),
    text: part.value,
  }));
  return { from, to, fields, body };
}

/** Makes an old revision the newest draft. It never publishes: the restored text goes through review like any edit. */
export async function restoreRevision(ctx: ServiceContext, id: string, number: number): Promise<Article> {
  return withContentChanges(ctx.db, async (trx) => {
    const before = await articleInScope(trx, ctx, id, true);
    articlePolicy.assertCan(ctx.actor, 'write');
    assertEditable(before);
    const revision = await revisionOrFail(trx, id, number);
    const content = JSON.parse(revision.snapshot) as ArticleContent;
    return storeNewRevision(trx, ctx, before, content, translate(ctx.locale, 'revision.note.restored', { number }), 'restore');
  });
}

export async function listReviews(ctx: ServiceContext, id: string): Promise<ReviewTrail> {
  await articleInScope(ctx.db, ctx, id);
  articlePolicy.assertCan(ctx.actor, 'read');
  return { items: (await repo.findReviews(ctx.db, id)).map(toReview) };
}

/** The working copy rendered exactly as the portal would print it, for the editor's preview. */
export async function previewArticle(ctx: ServiceContext, id: string): Promise<PublishedArticle> {
  const row = await articleInScope(ctx.db, ctx, id);
  articlePolicy.assertCan(ctx.actor, 'read');
  const content = contentOf(row);
  const [rendered, approvals, levels, live] = await Promise.all([renderArticle(ctx.db, content), approvalsOfRound(ctx.db, row), reviewLevelsOf(ctx.db), repo.findLiveArticle(ctx.db, id)]);
  return {
    id: row.id,
    title: content.title,
    subtitle: content.subtitle,
    summary: rendered.summary,
    columnIds: content.columnIds,
    coverMediaId: content.coverMediaId,
    isFocus: content.isFocus,
    isPinned: content.isPinned,
    publishedAt: live?.published_at ?? content.publishAt ?? row.updated_at,
    updatedAt: row.updated_at,
    author: content.author,
    source: content.source,
    bodyHtml: rendered.bodyHtml,
    attachmentIds: content.attachmentIds,
    tags: content.tags,
    reviewers: approvals.map((a) => ({ level: a.level, levelName: levels.find((l) => l.level === a.level)?.name ?? a.level_name, reviewerName: a.reviewer_name })),
  };
}
