import type { ServiceContext } from '../../platform/context.ts';
import { defineMessages, translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { describe } from '../../platform/excel/excel.messages.ts';
import { collectForExport, defaultExportLimit } from '../../platform/excel/export.ts';
import { choicesFromCatalogue, column, defineSheet, type RowOf } from '../../platform/excel/sheet.ts';
import type { ReadRow, RowError } from '../../platform/excel/workbook-reader.ts';
import { writeRows } from '../../platform/excel/workbook-writer.ts';
import type { Importer, PlannedRow } from '../../platform/imports/import-pipeline.ts';
import { findOrgSubtree, type OrgRow } from '../orgs/index.ts';
import { activityPolicy } from './activity.policy.ts';
import type { Activity, ActivityInput, ActivityListQuery } from './activity.schemas.ts';
import {
  checkActivity,
  createActivity,
  findExistingIdentities,
  identityKey,
  insertCheckedActivities,
  listActivities,
  prepareActivityChecks,
  type RowProblem,
} from './activity.service.ts';
import { activityModes } from './activity.table.ts';
import './activity.messages.ts';

export const activityExcelMessages = defineMessages({
  'zh-CN': {
    'activity.excel.templateFile': '科普活动导入模板',
    'activity.excel.exportFile': '科普活动',
    'activity.excel.note.type': '填写活动类型的名称，如“讲座/报告会”；须是在用的类型',
    'activity.excel.note.campaign': '填写主题活动的名称，如“全国科普日”；不属于主题活动的留空',
    'activity.excel.note.endDate': '留空表示当天结束',
    'activity.excel.note.org': '填写您管理范围内的县区或组织：名称（方城县、方城县科协）或行政区划代码（411322）；市本级填“南阳市科协”或“市直”',
    'activity.excel.note.partners': '多个合作单位用顿号“、”或分号“；”隔开',
    'activity.excel.note.mode': '留空按线下计',
    'activity.excel.note.quantity': '按活动类型的计量单位计数，如讲座按场、展览按块',
    ACTIVITY_IMPORT_ORG_NOT_FOUND: '“{org}”不存在或不在您的管理范围内',
    ACTIVITY_IMPORT_ORG_AMBIGUOUS: '有 {count} 个组织都可以叫“{org}”，请改填行政区划代码或全称',
    ACTIVITY_IMPORT_TYPE_NOT_FOUND: '没有名为“{type}”的在用活动类型',
    ACTIVITY_IMPORT_CAMPAIGN_NOT_FOUND: '没有名为“{campaign}”的在用主题活动',
    ACTIVITY_IMPORT_PARTNER_TOO_LONG: '合作单位“{partner}”超过 {max} 个字',
    ACTIVITY_IMPORT_TOO_MANY_PARTNERS: '合作单位最多 {max} 个，这里有 {count} 个',
    ACTIVITY_IMPORT_REPEATED: '与第 {row} 行重复：同一县区同一天的同名活动',
    ACTIVITY_IMPORT_AS_DISABLED: '用户 {username} 已停用，不能以其身份导入',
    'activity.cli.rowProblem': '第 {row} 行 · {column} · {message}',
    'activity.cli.moreProblems': '……另有 {count} 处问题未列出',
    'activity.cli.checked': '已检查 {total} 行：{valid} 行无误，{invalid} 行有问题。试运行，未写入任何数据',
    'activity.cli.imported': '已导入 {imported} 条活动（已上报，待上级核实），跳过 {skipped} 行',
    'activity.cli.exported': '已导出 {count} 条活动到 {file}',
  },
  'en-US': {
    'activity.excel.templateFile': 'Activity import template',
    'activity.excel.exportFile': 'Activities',
    'activity.excel.note.type': 'The name of an activity type in use, such as 讲座/报告会',
    'activity.excel.note.campaign': 'The name of a theme campaign in use, such as 全国科普日; leave empty when there is none',
    'activity.excel.note.endDate': 'Empty means it ended the day it started',
    'activity.excel.note.org': 'A county or organisation in your scope, by name (方城县, 方城县科协) or administrative code (411322); the city itself as 南阳市科协 or 市直',
    'activity.excel.note.partners': 'Separate several partners with 、 or ;',
    'activity.excel.note.mode': 'Empty means in person',
    'activity.excel.note.quantity': 'Counted in the unit of the activity type: talks by session, exhibitions by panel',
    ACTIVITY_IMPORT_ORG_NOT_FOUND: '"{org}" does not exist or is outside your scope',
    ACTIVITY_IMPORT_ORG_AMBIGUOUS: '{count} organisations go by "{org}"; enter the administrative code or full name instead',
    ACTIVITY_IMPORT_TYPE_NOT_FOUND: 'No activity type in use is named "{type}"',
    ACTIVITY_IMPORT_CAMPAIGN_NOT_FOUND: 'No theme campaign in use is named "{campaign}"',
    ACTIVITY_IMPORT_PARTNER_TOO_LONG: 'The partner "{partner}" is longer than {max} characters',
    ACTIVITY_IMPORT_TOO_MANY_PARTNERS: 'At most {max} partners; this row has {count}',
    ACTIVITY_IMPORT_REPEATED: 'Repeats row {row}: the same activity of the same county on the same day',
    ACTIVITY_IMPORT_AS_DISABLED: 'The user {username} is disabled and cannot import',
    'activity.cli.rowProblem': 'Row {row} · {column} · {message}',
    'activity.cli.moreProblems': '… and {count} more problems not listed',
    'activity.cli.checked': 'Checked {total} rows: {valid} valid, {invalid} with problems. Dry run: nothing was written',
    'activity.cli.imported': 'Imported {imported} activities (reported, awaiting verification by the level above); skipped {skipped} rows',
    'activity.cli.exported': 'Exported {count} activities to {file}',
  },
});

/** The activity Excel format: the template's columns, what an import reads and what an export writes. */
export const activitySheet = defineSheet('科普活动', {
  title: column.text('活动名称', { required: true, maxLength: 100, example: '科技助力乡村振兴专题讲座' }),
  type: column.text('活动类型', { required: true, maxLength: 30, note: 'activity.excel.note.type', example: '讲座/报告会' }),
  campaign: column.text('主题活动', { maxLength: 30, note: 'activity.excel.note.campaign', example: '全国科普日' }),
  startDate: column.date('开始日期', { required: true, example: '2024-09-20' }),
  endDate: column.date('结束日期', { note: 'activity.excel.note.endDate', example: '2024-09-20' }),
  org: column.text('所属县区', { required: true, maxLength: 100, note: 'activity.excel.note.org', example: '方城县' }),
  venue: column.text('活动地点', { maxLength: 200, example: '方城县文化中心' }),
  organiser: column.text('主办单位', { maxLength: 100, example: '方城县科协' }),
  partners: column.text('合作单位', { maxLength: 2000, note: 'activity.excel.note.partners', example: '方城县农业农村局、方城县第一高级中学' }),
  participants: column.integer('受益人次', { required: true, min: 0, max: 100_000_000, example: '300' }),
  mode: column.choice('形式', choicesFromCatalogue(activityModes, (mode) => `activity.mode.${mode}`), { note: 'activity.excel.note.mode', example: '线下' }),
  quantity: column.integer('数量', { min: 0, max: 1_000_000, note: 'activity.excel.note.quantity', example: '1' }),
  description: column.text('备注', { maxLength: 5000 }),
});
export type ActivitySheetRow = RowOf<typeof activitySheet>;

const maxPartners = 100;
const maxPartnerLength = 100;
/** 、 is how partners are listed in Chinese; ; and ； are what people paste from elsewhere. */
const partnerSeparator = /[、;；]/;

export function splitPartners(text: string | null): string[] {
  return (text ?? '').split(partnerSeparator).map((partner) => partner.trim()).filter(Boolean);
}

/** The forms a sheet may name an org by, within the actor's scope: full name, short name, the name without 科协, its code; 市直 for the city. */
function namesOf(org: OrgRow): string[] {
  const names = [org.name, org.name.replace(/科协$/, ''), org.short_name, org.admin_code];
  if (org.parent_id === null) names.push('市直');
  return [...new Set(names.filter((name): name is string => Boolean(name)))];
}

/** The actor's subtree, indexed by every name a sheet may use; a name shared by several orgs maps to all of them. */
async function orgIndex(ctx: ServiceContext) {
  const orgs = await findOrgSubtree(ctx.db, ctx.actor.orgId);
  const byName = new Map<string, OrgRow[]>();
  for (const org of orgs) for (const name of namesOf(org)) byName.set(name, [...(byName.get(name) ?? []), org]);
  /** What an export writes: the shortest name that finds this org alone. */
  const labelOf = (org: OrgRow) => namesOf(org).reduce<string>((best, name) => (byName.get(name)!.length === 1 && name.length < best.length ? name : best), org.admin_code ?? org.name);
  return { byName, labelOf, ids: orgs.map((org) => org.id) };
}

const problemColumn: Partial<Record<keyof ActivityInput, keyof ActivitySheetRow>> = {
  orgId: 'org',
  typeId: 'type',
  campaignId: 'campaign',
  startDate: 'startDate',
  endDate: 'endDate',
  title: 'title',
};

/**
 * A checker of activity rows against the database and the file: the county,
 * type and campaign named resolve (active, in scope), then every rule of the
 * form (`checkActivity`: dates in order …), then duplicates, of a record
 * already there or of an earlier row (same title, start date and county).
 * What a check needs is loaded once, and the identities seen are remembered,
 * so it takes a whole sheet at once or batch after batch as it is read.
 */
async function activityRowChecker(ctx: ServiceContext) {
  const scope = await orgIndex(ctx);
  const lookups = await prepareActivityChecks(ctx.db, scope.ids);
  const activeByName = <T extends { id: string; name: string; active: number }>(entries: Iterable<T>) =>
    new Map([...entries].filter((entry) => entry.active === 1).map((entry) => [entry.name, entry.id]));
  const typeIds = activeByName(lookups.types.values());
  const campaignIds = activeByName(lookups.campaigns.values());
  /** The first row of the file with each identity, across batches. */
  const firstRowOf = new Map<string, number>();

  return async (rows: readonly ReadRow<ActivitySheetRow>[]) => {
    const errors: RowError[] = [];
    const problem = (row: number, key: keyof ActivitySheetRow, code: string, params: Record<string, unknown> = {}) =>
      errors.push({ row, column: activitySheet.columns[key].header, code, message: describe(ctx.locale, code, params) });

    const candidates: { row: number; input: ActivityInput }[] = [];
    for (const { row, values } of rows) {
      const orgs = values.org ? scope.byName.get(values.org.trim()) : undefined;
      if (values.org && !orgs) problem(row, 'org', 'ACTIVITY_IMPORT_ORG_NOT_FOUND', { org: values.org });
      else if (orgs && orgs.length > 1) problem(row, 'org', 'ACTIVITY_IMPORT_ORG_AMBIGUOUS', { org: values.org, count: orgs.length });
      const typeId = values.type ? typeIds.get(values.type.trim()) : undefined;
      if (values.type && !typeId) problem(row, 'type', 'ACTIVITY_IMPORT_TYPE_NOT_FOUND', { type: values.type });
      const campaignId = values.campaign ? campaignIds.get(values.campaign.trim()) : null;
      if (values.campaign && !campaignId) problem(row, 'campaign', 'ACTIVITY_IMPORT_CAMPAIGN_NOT_FOUND', { campaign: values.campaign });
      const partners = splitPartners(values.partners ?? null);
      const longPartner = partners.find((partner) => partner.length > maxPartnerLength);
      if (longPartner) problem(row, 'partners', 'ACTIVITY_IMPORT_PARTNER_TOO_LONG', { partner: longPartner, max: maxPartnerLength });
      if (partners.length > maxPartners) problem(row, 'partners', 'ACTIVITY_IMPORT_TOO_MANY_PARTNERS', { count: partners.length, max: maxPartners });

      const { title, startDate, participants } = values;
      if (!orgs || orgs.length !== 1 || !typeId || campaignId === undefined || !title || !startDate || participants == null) continue;
      const input: ActivityInput = {
        title: title.trim(),
        typeId,
        campaignId,
        startDate,
        endDate: values.endDate ?? startDate,
        orgId: orgs[0]!.id,
        venue: values.venue ?? '',
        organiser: values.organiser ?? '',
        partners,
        participants,
        mode: values.mode ?? 'offline',
        quantity: values.quantity ?? null,
        description: values.description ?? '',
      };
      const ruleProblems: RowProblem[] = await checkActivity(ctx.db, ctx, input, lookups);
      for (const { field, code, params } of ruleProblems) problem(row, problemColumn[field] ?? 'title', code, params);
      if (ruleProblems.length === 0) candidates.push({ row, input });
    }

    const existing = await findExistingIdentities(ctx.db, candidates.map(({ input }) => input));
    const plan: PlannedRow<ActivityInput>[] = [];
    for (const { row, input } of candidates) {
      const key = identityKey(input);
      // The file's own earlier rows first: once written (a streamed import writes as it reads) they are "existing" too.
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) {
        problem(row, 'title', 'ACTIVITY_IMPORT_REPEATED', { row: earlier });
      } else if (existing.has(key)) {
        problem(row, 'title', 'ACTIVITY_DUPLICATE', { org: lookups.orgs.get(input.orgId)?.name ?? '', date: input.startDate, title: input.title });
      } else {
        firstRowOf.set(key, row);
        plan.push({ row, plan: input });
      }
    }
    // Written in the order of the duplicate-check index (county, date, title): each insert lands beside the last
    // in the indexes instead of anywhere, which halves the database's work on a 100,000-row file.
    plan.sort((a, b) => byText(a.plan.orgId, b.plan.orgId) || byText(a.plan.startDate, b.plan.startDate) || byText(a.plan.title, b.plan.title));
    return { plan, errors };
  };
}

/** Code-unit order, as the indexes compare: no locale rules, and fast. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Imports from the console: up to 20,000 rows an upload, a county's records
 * of several years. The job keeps the file's rows in memory and, on SQLite,
 * holds the database while it writes; larger files go through the command
 * line (`activityBulkImporter`).
 */
export const activityImporter: Importer<ActivitySheetRow, ActivityInput> = {
  kind: 'activities',
  sheet: activitySheet,
  maxRows: 20_000,
  templateFileName: 'activity.excel.templateFile',
  authorize: (ctx) => activityPolicy.assertCan(ctx.actor, 'write'),
  check: async (ctx, rows) => (await activityRowChecker(ctx))(rows),
  batchChecker: activityRowChecker,
  // A row refused while writing (a duplicate entered meanwhile) goes through the form's own checks.
  write: async (ctx, input) => (await createActivity(ctx, input)).id,
  writeBatch: (ctx, inputs) => insertCheckedActivities(ctx, inputs, { source: 'excel' }),
  fieldColumns: { orgId: 'org', typeId: 'type', campaignId: 'campaign' },
};

/** The command line's import: the same checks and writes, for files of up to 100,000 rows. */
export const activityBulkImporter: Importer<ActivitySheetRow, ActivityInput> = { ...activityImporter, maxRows: 100_000 };

export type ActivityExportQuery = Omit<ActivityListQuery, 'page' | 'pageSize'>;

/**
 * The activities of a filtered list (the same filters, scope and order as
 * GET /activities) in the import format, so an exported file imports again
 * as the same records. 所属县区 is written by the shortest name that finds
 * the org alone in the actor's scope.
 */
export async function exportActivities(ctx: ServiceContext, query: ActivityExportQuery, maxRows = defaultExportLimit): Promise<{ bytes: Buffer; count: number }> {
  const activities = await collectForExport((page, pageSize) => listActivities(ctx, { ...query, page, pageSize }), maxRows);
  const scope = await orgIndex(ctx);
  const orgs = new Map([...scope.byName.values()].flat().map((org) => [org.id, org]));
  const orgCell = (activity: Activity) => {
    const org = orgs.get(activity.orgId);
    return org ? scope.labelOf(org) : activity.orgName;
  };
  const rows: ActivitySheetRow[] = activities.map((activity) => ({
    title: activity.title,
    type: activity.typeName,
    campaign: activity.campaignName,
    startDate: activity.startDate,
    endDate: activity.endDate,
    org: orgCell(activity),
    venue: activity.venue || null,
    organiser: activity.organiser || null,
    partners: activity.partners.length > 0 ? activity.partners.join('、') : null,
    participants: activity.participants,
    mode: activity.mode,
    quantity: activity.quantity,
    description: activity.description || null,
  }));
  return { bytes: await writeRows(activitySheet, rows, { locale: ctx.locale }), count: rows.length };
}

export const activityExportFileName = (locale: Locale) => translate(locale, 'activity.excel.exportFile');

