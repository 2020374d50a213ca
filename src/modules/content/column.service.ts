import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCityWide } from '../orgs/index.ts';
import { countArticlesInColumn, countArticlesInReview } from './article.repository.ts';
import * as repo from './column.repository.ts';
import type { Column, ColumnList, CreateColumnInput, ReviewLevels, UpdateColumnInput } from './column.schemas.ts';
import { withContentChanges } from './content-changes.ts';
import { articlePolicy, columnPolicy } from './content.policy.ts';
import type { ColumnRow } from './content.table.ts';
import './content.messages.ts';

export function toColumn(row: ColumnRow): Column {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    slug: row.slug,
    position: row.position,
    listStyle: row.list_style,
    inNav: row.in_nav === 1,
    onHome: row.on_home === 1,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Parents before children, siblings by position: the order menus and pickers show. */
export function inTreeOrder(rows: readonly ColumnRow[]): ColumnRow[] {
  const byParent = new Map<string | null, ColumnRow[]>();
  for (const row of rows) byParent.set(row.parent_id, [...(byParent.get(row.parent_id) ?? []), row]);
  const ordered: ColumnRow[] = [];
  const visit = (parentId: string | null) => {
    for (const row of byParent.get(parentId) ?? []) {
      ordered.push(row);
      visit(row.id);
    }
  };
  visit(null);
  return ordered;
}

export async function listColumns(ctx: ServiceContext): Promise<ColumnList> {
  columnPolicy.assertCan(ctx.actor, 'read');
  return { items: inTreeOrder(await repo.findAllColumns(ctx.db)).map(toColumn) };
}

async function columnOrFail(db: Db, id: string): Promise<ColumnRow> {
  const row = await repo.findColumnById(db, id);
  if (!row) throw new AppError('COLUMN_NOT_FOUND', 404);
  return row;
}

async function assertSlugFree(db: Db, slug: string, selfId?: string) {
  const holder = await repo.findColumnBySlug(db, slug);
  if (holder && holder.id !== selfId) {
    throw new AppError('COLUMN_SLUG_TAKEN', 409, { params: { slug, name: holder.name }, details: [{ path: 'body.slug', code: 'unique', message: 'COLUMN_SLUG_TAKEN' }] });
  }
}

async function assertParent(db: Db, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  const all = await repo.findAllColumns(db);
  if (!all.some((c) => c.id === parentId)) {
    throw new AppError('COLUMN_PARENT_NOT_FOUND', 404, { details: [{ path: 'body.parentId', code: 'exists', message: 'COLUMN_PARENT_NOT_FOUND' }] });
  }
  if (!selfId) return;
  // Walk up from the new parent: meeting the column itself would make a cycle.
  const parentOf = new Map(all.map((c) => [c.id, c.parent_id]));
  for (let at: string | null | undefined = parentId; at; at = parentOf.get(at)) {
    if (at === selfId) throw new AppError('COLUMN_MOVE_INTO_OWN_SUBTREE', 409, { details: [{ path: 'body.parentId', code: 'cycle', message: 'COLUMN_MOVE_INTO_OWN_SUBTREE' }] });
  }
}

export async function createColumn(ctx: ServiceContext, input: CreateColumnInput): Promise<Column> {
  columnPolicy.assertCan(ctx.actor, 'manage');
  await assertCityWide(ctx.db, ctx.actor);
  return withContentChanges(ctx.db, async (trx, changed) => {
    await assertSlugFree(trx, input.slug);
    await assertParent(trx, input.parentId);
    const now = nowIso();
    const row: ColumnRow = {
      id: newId(),
      parent_id: input.parentId ?? null,
      name: input.name.trim(),
      slug: input.slug,
      position: input.position ?? 0,
      list_style: input.listStyle ?? 'list',
      in_nav: input.inNav === false ? 0 : 1,
      on_home: input.onHome ? 1 : 0,
      description: input.description?.trim() ?? '',
      created_at: now,
      updated_at: now,
    };
    await repo.insertColumn(trx, row);
    const column = toColumn(row);
    await recordAudit(trx, ctx, { entity: 'column', entityId: row.id, orgId: null, action: 'create', before: null, after: column });
    changed({ kind: 'columns' });
    return column;
  });
}

export async function updateColumn(ctx: ServiceContext, id: string, input: UpdateColumnInput): Promise<Column> {
  columnPolicy.assertCan(ctx.actor, 'manage');
  await assertCityWide(ctx.db, ctx.actor);
  return withContentChanges(ctx.db, async (trx, changed) => {
    const before = await columnOrFail(trx, id);
    if (input.slug !== undefined) await assertSlugFree(trx, input.slug, id);
    if (input.parentId !== undefined) await assertParent(trx, input.parentId, id);
    const after: ColumnRow = {
      ...before,
      parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
      name: input.name?.trim() ?? before.name,
      slug: input.slug ?? before.slug,
      position: input.position ?? before.position,
      list_style: input.listStyle ?? before.list_style,
      in_nav: input.inNav === undefined ? before.in_nav : input.inNav ? 1 : 0,
      on_home: input.onHome === undefined ? before.on_home : input.onHome ? 1 : 0,
      description: input.description?.trim() ?? before.description,
      updated_at: nowIso(),
    };
    const { id: _id, created_at: _created, ...changes } = after;
    await repo.updateColumn(trx, id, changes);
    await recordAudit(trx, ctx, { entity: 'column', entityId: id, orgId: null, action: 'update', before: toColumn(before), after: toColumn(after) });
    changed({ kind: 'columns' });
    return toColumn(after);
  });
}

/** Only an empty column can go: articles and sub-columns must be moved first, so nothing is orphaned. */
export async function deleteColumn(ctx: ServiceContext, id: string): Promise<void> {
  columnPolicy.assertCan(ctx.actor, 'manage');
  await assertCityWide(ctx.db, ctx.actor);
  await withContentChanges(ctx.db, async (trx, changed) => {
    const before = await columnOrFail(trx, id);
    const children = await repo.countChildColumns(trx, id);
    if (children > 0) throw new AppError('COLUMN_HAS_CHILDREN', 409, { params: { count: children } });
    const articles = await countArticlesInColumn(trx, id);
    if (articles > 0) throw new AppError('COLUMN_HAS_ARTICLES', 409, { params: { count: articles } });
    await repo.deleteColumn(trx, id);
    await recordAudit(trx, ctx, { entity: 'column', entityId: id, orgId: null, action: 'delete', before: toColumn(before), after: null });
    changed({ kind: 'columns' });
  });
}

export const defaultReviewLevels = ['初审', '复审', '终审'] as const;

/** The review chain; a fresh site has the three levels Chinese association sites use. */
export async function reviewLevelsOf(db: Db): Promise<{ level: number; name: string }[]> {
  const levels = await repo.findReviewLevels(db);
  return levels.length > 0 ? levels : defaultReviewLevels.map((name, index) => ({ level: index + 1, name }));
}

export async function getReviewLevels(ctx: ServiceContext): Promise<ReviewLevels> {
  articlePolicy.assertCan(ctx.actor, 'read');
  return { items: await reviewLevelsOf(ctx.db) };
}

export async function setReviewLevels(ctx: ServiceContext, names: readonly string[]): Promise<ReviewLevels> {
  articlePolicy.assertCan(ctx.actor, 'configure');
  await assertCityWide(ctx.db, ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await reviewLevelsOf(trx);
    // Renaming is harmless; adding or removing a level under an article in review would strand it.
    if (before.length !== names.length) {
      const busy = await countArticlesInReview(trx);
      if (busy > 0) throw new AppError('REVIEW_LEVELS_BUSY', 409, { params: { count: busy } });
    }
    const trimmed = names.map((name) => name.trim());
    await repo.replaceReviewLevels(trx, trimmed, nowIso());
    const after = trimmed.map((name, index) => ({ level: index + 1, name }));
    await recordAudit(trx, ctx, { entity: 'review_levels', entityId: null, orgId: null, action: 'update', before, after });
    return { items: after };
  });
}
