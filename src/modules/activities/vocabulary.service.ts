import type { Db } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { recordAudit } from '../audit/index.ts';
import { assertCityWide } from '../orgs/index.ts';
import { activityPolicy } from './activity.policy.ts';
import * as repo from './activity.repository.ts';
import type { Vocabulary, VocabularyEntryInput } from './activity.schemas.ts';
import './activity.messages.ts';

/** The types and campaigns a new installation starts with; admins add, rename, reorder and retire them. */
export const defaultActivityTypes: readonly { name: string; unit: string }[] = [
  { name: '讲座/报告会', unit: '场' },
  { name: '展览/展板', unit: '块' },
  { name: '竞赛', unit: '场' },
  { name: '培训', unit: '期' },
  { name: '科普电影放映', unit: '场' },
  { name: '科技咨询', unit: '次' },
  { name: '志愿服务', unit: '次' },
  { name: '参观开放', unit: '次' },
  { name: '其他', unit: '次' },
];
export const defaultCampaigns: readonly string[] = ['全国科普日', '科技活动周', '全国科技工作者日', '食品安全宣传周', '防灾减灾日', '全民国家安全教育日', '学雷锋纪念日'];

/** Seeds the vocabularies into an installation that has none (first start); a no-op afterwards. */
export async function ensureActivityVocabularies(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    if ((await repo.findTypes(trx)).length === 0) {
      for (const [position, type] of defaultActivityTypes.entries()) {
        await repo.insertVocabularyEntry(trx, 'activity_types', { id: newId(), name: type.name, unit: type.unit, position, active: 1, created_at: now, updated_at: now });
      }
    }
    if ((await repo.findCampaigns(trx)).length === 0) {
      for (const [position, name] of defaultCampaigns.entries()) {
        await repo.insertVocabularyEntry(trx, 'activity_campaigns', { id: newId(), name, position, active: 1, created_at: now, updated_at: now });
      }
    }
  });
}

type Kind = 'types' | 'campaigns';
const tableOf = { types: 'activity_types', campaigns: 'activity_campaigns' } as const;

export async function listVocabulary(ctx: ServiceContext, kind: Kind): Promise<Vocabulary> {
  activityPolicy.assertCan(ctx.actor, 'read');
  const rows: { id: string; name: string; unit?: string; position: number; active: number }[] = kind === 'types' ? await repo.findTypes(ctx.db) : await repo.findCampaigns(ctx.db);
  return { items: rows.map((row) => ({ id: row.id, name: row.name, ...(row.unit === undefined ? {} : { unit: row.unit }), position: row.position, active: row.active === 1 })) };
}

function nameTaken(name: string): AppError {
  return new AppError('VOCABULARY_NAME_TAKEN', 409, { params: { name }, details: [{ path: 'body.name', code: 'unique', message: 'VOCABULARY_NAME_TAKEN' }] });
}

export async function addVocabularyEntry(ctx: ServiceContext, kind: Kind, input: VocabularyEntryInput) {
  activityPolicy.assertCan(ctx.actor, 'configure');
  await assertCityWide(ctx.db, ctx.actor);
  const now = nowIso();
  const row = { id: newId(), name: input.name.trim(), ...(kind === 'types' ? { unit: input.unit ?? '次' } : {}), position: input.position ?? 100, active: input.active === false ? 0 : 1, created_at: now, updated_at: now };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertVocabularyEntry(trx, tableOf[kind], row as never);
      await recordAudit(trx, ctx, { entity: `activity_${kind}`, entityId: row.id, orgId: null, action: 'create', before: null, after: row });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(row.name);
    throw err;
  }
  return (await listVocabulary(ctx, kind)).items.find((item) => item.id === row.id)!;
}

/** Renames, reorders or retires an entry; retired entries stay on old records but are refused on new ones. */
export async function updateVocabularyEntry(ctx: ServiceContext, kind: Kind, id: string, input: Partial<VocabularyEntryInput>) {
  activityPolicy.assertCan(ctx.actor, 'configure');
  await assertCityWide(ctx.db, ctx.actor);
  const before = (await listVocabulary(ctx, kind)).items.find((item) => item.id === id);
  if (!before) throw new AppError('VOCABULARY_ENTRY_NOT_FOUND', 404);
  const changes = {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(kind === 'types' && input.unit !== undefined ? { unit: input.unit } : {}),
    ...(input.position !== undefined ? { position: input.position } : {}),
    ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    updated_at: nowIso(),
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await repo.updateVocabularyEntry(trx, tableOf[kind], id, changes);
      await recordAudit(trx, ctx, { entity: `activity_${kind}`, entityId: id, orgId: null, action: 'update', before, after: { ...before, ...input } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name!.trim());
    throw err;
  }
  return (await listVocabulary(ctx, kind)).items.find((item) => item.id === id)!;
}
