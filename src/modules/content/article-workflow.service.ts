import type { FastifyBaseLogger } from 'fastify';
import type { Db, Trx } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import { systemContext, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/catalogue.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { findRootOrg } from '../orgs/index.ts';
import { indexDocument, removeDocument } from '../search/index.ts';
import { contentOf } from './article-content.ts';
import { renderArticle, type ReviewerCredit } from './article-render.ts';
import * as repo from './article.repository.ts';
import type { Article, ArticleContent } from './article.schemas.ts';
import { actorName, approvalsOfRound, articleInScope, auditView, toArticle } from './article.service.ts';
import { reviewLevelsOf } from './column.service.ts';
import { pruneContentChanges, withContentChanges, type ContentChange } from './content-changes.ts';
import { articlePolicy } from './content.policy.ts';
import type { ArticleRow, ArticleStatus } from './content.table.ts';

/**
 * The review workflow: draft → in review (level 1 … N) → published (or
 * scheduled) → withdrawn. Each step locks the article row, checks the state
 * it expects, and writes the audit entry in the same transaction.
 */

async function moveArticle(trx: Trx, ctx: ServiceContext, before: ArticleRow, changes: Partial<ArticleRow>, action: string): Promise<ArticleRow> {
  const after: ArticleRow = { ...before, ...changes, updated_at: nowIso() };
  const { id: _id, ...fields } = after;
  await repo.updateArticle(trx, before.id, fields);
  await recordAudit(trx, ctx, { entity: 'article', entityId: before.id, orgId: before.org_id, action, before: auditView(before), after: auditView(after) });
  return after;
}

const statusLabel = (ctx: ServiceContext, status: ArticleStatus) => translate(ctx.locale, `article.status.${status}`);

export async function submitArticle(ctx: ServiceContext, id: string): Promise<Article> {
  return withContentChanges(ctx.db, async (trx) => {
    const before = await articleInScope(trx, ctx, id, true);
    articlePolicy.assertCan(ctx.actor, 'write');
    if (before.status !== 'draft' && before.status !== 'withdrawn') throw new AppError('ARTICLE_NOT_DRAFT', 409, { params: { status: statusLabel(ctx, before.status) } });
    if (contentOf(before).bodyHtml.trim() === '') throw new AppError('ARTICLE_BODY_EMPTY', 400, { details: [{ path: 'body.bodyHtml', code: 'required', message: 'ARTICLE_BODY_EMPTY' }] });
    const after = await moveArticle(
      trx,
      ctx,
      before,
      { status: 'in_review', review_level: 1, review_revision_id: before.current_revision_id, review_started_at: nowIso() },
      'submit',
    );
    return toArticle(trx, ctx, after);
  });
}

/** The author takes an article back from review (or from its publication schedule) to change it. */
export async function recallArticle(ctx: ServiceContext, id: string): Promise<Article> {
  return withContentChanges(ctx.db, async (trx) => {
    const before = await articleInScope(trx, ctx, id, true);
    articlePolicy.assertCan(ctx.actor, 'write');
    if (before.status !== 'in_review' && before.status !== 'scheduled') throw new AppError('ARTICLE_RECALL_NOT_ALLOWED', 409);
    const after = await moveArticle(trx, ctx, before, { status: 'draft', review_level: null, review_revision_id: null, review_started_at: null }, 'recall');
    return toArticle(trx, ctx, after);
  });
}

/** Checks the actor may decide the article's current level, and returns that level. */
async function assertMayReview(trx: Trx, ctx: ServiceContext, row: ArticleRow, expectedLevel: number | undefined) {
  articlePolicy.assertCan(ctx.actor, 'review');
  if (row.status !== 'in_review' || row.review_level === null) throw new AppError('ARTICLE_NOT_IN_REVIEW', 409);
  const levels = await reviewLevelsOf(trx);
  const level = levels.find((l) => l.level === row.review_level) ?? { level: row.review_level, name: String(row.review_level) };
  // A reviewer acting on a stale screen must not approve a level someone else already moved past.
  if (expectedLevel !== undefined && expectedLevel !== row.review_level) throw new AppError('ARTICLE_REVIEW_LEVEL_MOVED', 409, { params: { levelName: level.name } });
  if (row.created_by && row.created_by === ctx.actor.userId) throw new AppError('ARTICLE_REVIEW_OWN', 403);
  const earlier = (await approvalsOfRound(trx, row)).find((a) => a.reviewer_id === ctx.actor.userId);
  if (earlier) throw new AppError('ARTICLE_REVIEW_TWICE', 403, { params: { levelName: earlier.level_name } });
  return { level, levels };
}

async function recordDecision(trx: Trx, ctx: ServiceContext, row: ArticleRow, level: { level: number; name: string }, decision: 'approve' | 'return', reason: string | null) {
  await repo.insertReview(trx, {
    id: newId(),
    article_id: row.id,
    revision_id: row.review_revision_id!,
    level: level.level,
    level_name: level.name,
    decision,
    reason,
    reviewer_id: ctx.actor.userId,
    reviewer_name: await actorName(trx, ctx),
    created_at: nowIso(),
  });
}

export async function approveArticle(ctx: ServiceContext, id: string, expectedLevel?: number): Promise<Article> {
  return withContentChanges(ctx.db, async (trx, changed) => {
    const before = await articleInScope(trx, ctx, id, true);
    const { level, levels } = await assertMayReview(trx, ctx, before, expectedLevel);
    await recordDecision(trx, ctx, before, level, 'approve', null);
    const isLast = level.level >= levels.length;
    if (!isLast) {
      const after = await moveArticle(trx, ctx, before, { review_level: level.level + 1 }, 'approve');
      return toArticle(trx, ctx, after);
    }
    const scheduled = before.publish_at !== null && before.publish_at > nowIso();
    if (scheduled) {
      const after = await moveArticle(trx, ctx, before, { status: 'scheduled', review_level: null }, 'approve');
      return toArticle(trx, ctx, after);
    }
    const after = await moveArticle(trx, ctx, before, { status: 'published', review_level: null }, 'approve');
    await publishReviewedRevision(trx, ctx, after, changed);
    return toArticle(trx, ctx, after);
  });
}

export async function returnArticle(ctx: ServiceContext, id: string, reason: string, expectedLevel?: number): Promise<Article> {
  return withContentChanges(ctx.db, async (trx) => {
    const before = await articleInScope(trx, ctx, id, true);
    const { level } = await assertMayReview(trx, ctx, before, expectedLevel);
    await recordDecision(trx, ctx, before, level, 'return', reason.trim());
    const after = await moveArticle(trx, ctx, before, { status: 'draft', review_level: null, review_revision_id: null, review_started_at: null }, 'return');
    return toArticle(trx, ctx, after);
  });
}

/** Takes an article off the website. Its records and revisions stay; it can be edited and submitted again. */
export async function withdrawArticle(ctx: ServiceContext, id: string, reason?: string): Promise<Article> {
  return withContentChanges(ctx.db, async (trx, changed) => {
    const before = await articleInScope(trx, ctx, id, true);
    articlePolicy.assertCan(ctx.actor, 'withdraw');
    const live = await repo.findLiveArticle(trx, id);
    if (!live) throw new AppError('ARTICLE_NOT_PUBLISHED', 409);
    const columnIds = (await repo.findLiveColumnIds(trx, [id])).map((c) => c.column_id);
    await repo.deleteLiveArticle(trx, id);
    await removeDocument(trx, 'article', id);
    const status = before.status === 'published' ? 'withdrawn' : before.status;
    const after = await moveArticle(trx, ctx, before, { status }, 'withdraw');
    if (reason?.trim()) {
      await recordAudit(trx, ctx, { entity: 'article', entityId: id, orgId: before.org_id, action: 'withdraw_reason', before: null, after: { reason: reason.trim() } });
    }
    changed({ kind: 'article', articleId: id, columnIds });
    return toArticle(trx, ctx, after);
  });
}

/**
 * Puts the revision that passed review online: renders it once (body markup,
 * summary), lists it in its columns, indexes it for search and notes the
 * change so every process drops the pages it shows on.
 */
async function publishReviewedRevision(trx: Trx, ctx: ServiceContext, row: ArticleRow, changed: (change: ContentChange) => void) {
  const revision = await repo.findRevisionById(trx, row.review_revision_id!);
  if (!revision) throw new Error(`article ${row.id}: the reviewed revision ${row.review_revision_id} is missing`);
  const content = JSON.parse(revision.snapshot) as ArticleContent;
  const [previous, approvals, levels, rendered] = await Promise.all([
    repo.findLiveArticle(trx, row.id),
    approvalsOfRound(trx, row),
    reviewLevelsOf(trx),
    renderArticle(trx, content),
  ]);
  const previousColumns = previous ? (await repo.findLiveColumnIds(trx, [row.id])).map((c) => c.column_id) : [];
  const now = nowIso();
  // 发布时间: the time the editor set (back-dated, or the schedule that has come due); else a republished edit keeps its first date.
  const publishedAt = content.publishAt ?? previous?.published_at ?? now;
  const reviewers: ReviewerCredit[] = approvals.map((a) => ({ level: a.level, levelName: levels.find((l) => l.level === a.level)?.name ?? a.level_name, reviewerName: a.reviewer_name }));
  await repo.putLiveArticle(
    trx,
    {
      article_id: row.id,
      revision_id: revision.id,
      title: content.title,
      subtitle: content.subtitle,
      summary: rendered.summary,
      author: content.author,
      source: content.source,
      primary_column_id: content.columnIds[0]!,
      cover_media_id: content.coverMediaId,
      body_html: rendered.bodyHtml,
      attachment_ids: JSON.stringify(content.attachmentIds),
      tags: JSON.stringify(content.tags),
      reviewers: JSON.stringify(reviewers),
      is_focus: content.isFocus ? 1 : 0,
      is_pinned: content.isPinned ? 1 : 0,
      published_at: publishedAt,
      updated_at: now,
    },
    content.columnIds,
  );
  await indexDocument(trx, {
    kind: 'article',
    id: row.id,
    title: content.title,
    text: [content.subtitle, rendered.text, content.tags.join(' ')].filter(Boolean).join('\n'),
    publishedAt,
    tags: content.columnIds.map((columnId) => `column:${columnId}`),
  });
  await recordAudit(trx, ctx, { entity: 'article', entityId: row.id, orgId: row.org_id, action: 'publish', before: null, after: { revision: revision.number, publishedAt } });
  changed({ kind: 'article', articleId: row.id, columnIds: [...new Set([...previousColumns, ...content.columnIds])] });
}

/**
 * Publishes every scheduled article whose time has come. Safe to run in
 * several processes at once: each article is claimed by a conditional update,
 * which exactly one process wins.
 */
export async function publishDueArticles(db: Db, now = nowIso()): Promise<string[]> {
  const root = await findRootOrg(db);
  if (!root) return [];
  const ctx = systemContext(db, root.id, 'scheduled-publish');
  const published: string[] = [];
  for (const due of await repo.findDueScheduledArticles(db, now, 50)) {
    const won = await withContentChanges(db, async (trx, changed) => {
      if (!(await repo.claimScheduledArticle(trx, due.id, nowIso()))) return false;
      const row = (await repo.findArticleById(trx, due.id))!;
      await recordAudit(trx, ctx, { entity: 'article', entityId: row.id, orgId: row.org_id, action: 'scheduled_publish', before: auditView(due), after: auditView(row) });
      await publishReviewedRevision(trx, ctx, row, changed);
      return true;
    });
    if (won) published.push(due.id);
  }
  return published;
}

/** Starts this process's share of scheduled publishing; returns the function that stops it. */
export function startScheduledPublishing(db: Db, intervalSeconds: number, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = publishDueArticles(db)
      .then((ids) => ids.length > 0 && log.info({ articles: ids }, 'published scheduled articles'))
      .then(() => pruneContentChanges(db))
      .catch((err) => log.error({ err }, 'scheduled publishing failed; retrying on the next tick'));
  };
  tick();
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
