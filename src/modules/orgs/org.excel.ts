import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { defineMessages, translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { describe } from '../../platform/excel/excel.messages.ts';
import { collectForExport } from '../../platform/excel/export.ts';
import { choicesFromCatalogue, column, defineSheet, type RowOf } from '../../platform/excel/sheet.ts';
import type { ReadRow, RowError } from '../../platform/excel/workbook-reader.ts';
import { writeRows } from '../../platform/excel/workbook-writer.ts';
import type { Importer, PlannedRow } from '../../platform/imports/import-pipeline.ts';
import { orgPolicy } from './org.policy.ts';
import * as repo from './org.repository.ts';
import type { Org, OrgListQuery } from './org.schemas.ts';
import { createOrg, listOrgs } from './org.service.ts';
import { orgTypes, type OrgRow, type OrgType } from './org.table.ts';
import './org.messages.ts';

export const orgExcelMessages = defineMessages({
  'zh-CN': {
    'org.excel.templateFile': '组织导入模板',
    'org.excel.exportFile': '组织列表',
    'org.excel.note.name': '同一上级组织下不能重名',
    'org.excel.note.parent': '填写您管理范围内组织的名称或行政区划代码；也可以填写本表中另一行的组织名称（与已有组织同名时，以本表中的为准）',
    'org.excel.note.adminCode': '6 位或 12 位数字，不能与已有组织重复',
    'org.excel.adminCodeFormat': '行政区划代码须为 6 位或 12 位数字',
    ORG_IMPORT_PARENT_NOT_FOUND: '上级组织“{parent}”不存在或不在您的管理范围内',
    ORG_IMPORT_PARENT_AMBIGUOUS: '有 {count} 个组织名为“{parent}”，请改填它的行政区划代码',
    ORG_IMPORT_PARENT_AMBIGUOUS_ROWS: '本表第 {rows} 行都名为“{parent}”，无法确定上级组织是哪一行',
    ORG_IMPORT_PARENT_DISABLED: '上级组织“{parent}”已停用',
    ORG_IMPORT_PARENT_ROW_INVALID: '上级组织“{parent}”（第 {row} 行）未能导入',
    ORG_IMPORT_PARENT_CYCLE: '上级组织的引用绕成了一个圈（第 {rows} 行），请检查这几行的上级组织',
    ORG_IMPORT_NAME_REPEATED: '与第 {row} 行重复：同一上级组织下不能有两个“{name}”',
    ORG_IMPORT_CODE_REPEATED: '行政区划代码 {code} 与第 {row} 行重复',
  },
  'en-US': {
    'org.excel.templateFile': 'Organisation import template',
    'org.excel.exportFile': 'Organisations',
    'org.excel.note.name': 'Unique among the organisations under the same parent',
    'org.excel.note.parent': 'Name or administrative code of an organisation in your scope, or the name of another row of this sheet (which wins over an existing organisation of the same name)',
    'org.excel.note.adminCode': 'Six or twelve digits, not used by another organisation',
    'org.excel.adminCodeFormat': 'An administrative code has six or twelve digits',
    ORG_IMPORT_PARENT_NOT_FOUND: 'The parent "{parent}" does not exist or is outside your scope',
    ORG_IMPORT_PARENT_AMBIGUOUS: '{count} organisations are named "{parent}"; enter its administrative code instead',
    ORG_IMPORT_PARENT_AMBIGUOUS_ROWS: 'Rows {rows} of this sheet are all named "{parent}"; which one is the parent is unclear',
    ORG_IMPORT_PARENT_DISABLED: 'The parent "{parent}" is disabled',
    ORG_IMPORT_PARENT_ROW_INVALID: 'The parent "{parent}" (row {row}) could not be imported',
    ORG_IMPORT_PARENT_CYCLE: 'The parents of rows {rows} refer to each other in a circle; check them',
    ORG_IMPORT_NAME_REPEATED: 'Repeats row {row}: two organisations named "{name}" under the same parent',
    ORG_IMPORT_CODE_REPEATED: 'Administrative code {code} repeats row {row}',
  },
});

/** The organisation Excel format: what the template holds, what an import reads and what an export writes. */
export const orgSheet = defineSheet('组织', {
  name: column.text('名称', { required: true, maxLength: 100, note: 'org.excel.note.name', example: '南阳市物理学会' }),
  shortName: column.text('简称', { maxLength: 40, example: '物理学会' }),
  type: column.choice('类型', choicesFromCatalogue(orgTypes, (type) => `org.type.${type}`), { required: true, example: '学会' }),
  parent: column.text('上级组织', { required: true, maxLength: 100, note: 'org.excel.note.parent', example: '南阳市科协' }),
  adminCode: column.text('行政区划代码', {
    pattern: { regex: /^(\d{6}|\d{12})$/, problem: { key: 'org.excel.adminCodeFormat' } },
    note: 'org.excel.note.adminCode',
    example: '411327',
    width: 16,
  }),
  foundedOn: column.date('成立日期', { example: '2024-09-20' }),
});
export type OrgSheetRow = RowOf<typeof orgSheet>;

/** Where a row's org goes: under an org that exists, or under the org another row of the file creates. */
type ParentRef = { orgId: string } | { row: number; name: string };

export interface OrgImportPlan {
  name: string;
  shortName: string | null;
  type: OrgType;
  parent: ParentRef;
  adminCode: string | null;
  foundedOn: string | null;
}

const isCode = (text: string) => /^(\d{6}|\d{12})$/.test(text);

/** The actor's part of the tree, indexed the ways a sheet refers to an org. */
async function scopeIndex(ctx: ServiceContext) {
  const orgs = await repo.findSubtree(ctx.db, ctx.actor.orgId);
  const byName = new Map<string, OrgRow[]>();
  const childNames = new Map<string, Set<string>>();
  for (const org of orgs) {
    byName.set(org.name, [...(byName.get(org.name) ?? []), org]);
    if (org.parent_id) childNames.set(org.parent_id, (childNames.get(org.parent_id) ?? new Set()).add(org.name));
  }
  return { orgs, byName, byCode: new Map(orgs.filter((o) => o.admin_code).map((o) => [o.admin_code!, o])), childNames };
}

/**
 * Checks an org sheet: each row's parent resolves to one org in scope or one
 * row of the file, is active, and forms no cycle; no name repeats under one
 * parent, in the tree or in the file; no administrative code is taken. Rows
 * come back parents first, so a row is written after the row it hangs under.
 */
async function checkOrgRows(ctx: ServiceContext, rows: readonly ReadRow<OrgSheetRow>[]) {
  const scope = await scopeIndex(ctx);
  const errors: RowError[] = [];
  const problem = (row: number, key: keyof OrgSheetRow, code: string, params: Record<string, unknown> = {}) =>
    errors.push({ row, column: orgSheet.columns[key].header, code, message: describe(ctx.locale, code, params) });
  const fileRowsByName = new Map<string, number[]>();
  for (const row of rows) if (row.values.name) fileRowsByName.set(row.values.name, [...(fileRowsByName.get(row.values.name) ?? []), row.row]);

  // Parents first: this row's own reference, before anything depends on it.
  const parents = new Map<number, ParentRef>();
  for (const { row, values } of rows) {
    const text = values.parent;
    if (!text) continue;
    const fileRows = (fileRowsByName.get(text) ?? []).filter((other) => other !== row);
    const existing = isCode(text) && scope.byCode.has(text) ? [scope.byCode.get(text)!] : (scope.byName.get(text) ?? []);
    if (fileRows.length === 1) parents.set(row, { row: fileRows[0]!, name: text });
    else if (fileRows.length > 1) problem(row, 'parent', 'ORG_IMPORT_PARENT_AMBIGUOUS_ROWS', { parent: text, rows: fileRows });
    else if (existing.length === 0) problem(row, 'parent', 'ORG_IMPORT_PARENT_NOT_FOUND', { parent: text });
    else if (existing.length > 1) problem(row, 'parent', 'ORG_IMPORT_PARENT_AMBIGUOUS', { parent: text, count: existing.length });
    else if (existing[0]!.status !== 'active') problem(row, 'parent', 'ORG_IMPORT_PARENT_DISABLED', { parent: text });
    else parents.set(row, { orgId: existing[0]!.id });
  }

  // Names under one parent and codes, against the tree and earlier rows of the file.
  const firstRowNamed = new Map<string, number>();
  const firstRowCoded = new Map<string, number>();
  for (const { row, values } of rows) {
    const parent = parents.get(row);
    if (values.name && parent) {
      const siblingKey = `${'orgId' in parent ? parent.orgId : `row:${parent.row}`}\n${values.name}`;
      const earlier = firstRowNamed.get(siblingKey);
      if ('orgId' in parent && scope.childNames.get(parent.orgId)?.has(values.name)) problem(row, 'name', 'ORG_NAME_TAKEN', { name: values.name });
      else if (earlier !== undefined) problem(row, 'name', 'ORG_IMPORT_NAME_REPEATED', { row: earlier, name: values.name });
      else firstRowNamed.set(siblingKey, row);
    }
    if (values.adminCode) {
      const earlier = firstRowCoded.get(values.adminCode);
      // Codes are unique across the whole tree, so look beyond the actor's scope.
      const holder = scope.byCode.get(values.adminCode) ?? (await repo.findOrgByCode(ctx.db, values.adminCode));
      if (holder) problem(row, 'adminCode', 'ORG_CODE_TAKEN', { code: values.adminCode, name: holder.name });
      else if (earlier !== undefined) problem(row, 'adminCode', 'ORG_IMPORT_CODE_REPEATED', { code: values.adminCode, row: earlier });
      else firstRowCoded.set(values.adminCode, row);
    }
  }

  const order = parentsFirst(rows, parents, (rowsInCycle) => {
    for (const row of rowsInCycle) problem(row, 'parent', 'ORG_IMPORT_PARENT_CYCLE', { rows: rowsInCycle });
  });

  // A row cannot be written when the row it hangs under cannot, down the chain.
  const invalid = new Set([...rows.filter((row) => !row.complete).map((row) => row.row), ...errors.map((error) => error.row)]);
  for (const row of order) {
    const parent = parents.get(row);
    if (parent && 'row' in parent && invalid.has(parent.row) && !invalid.has(row)) {
      invalid.add(row);
      problem(row, 'parent', 'ORG_IMPORT_PARENT_ROW_INVALID', { parent: parent.name, row: parent.row });
    }
  }

  const byRow = new Map(rows.map((row) => [row.row, row]));
  const plan: PlannedRow<OrgImportPlan>[] = [];
  for (const rowNumber of order) {
    const row = byRow.get(rowNumber)!;
    const parent = parents.get(rowNumber);
    if (!row.complete || !parent || invalid.has(rowNumber)) continue;
    const { name, shortName, type, adminCode, foundedOn } = row.values;
    plan.push({ row: rowNumber, plan: { name, shortName, type, adminCode, foundedOn, parent } });
  }
  return { plan, errors };
}

/** Row numbers ordered so each comes after the file row it hangs under; rows caught in a cycle are reported and left out. */
function parentsFirst(rows: readonly ReadRow<OrgSheetRow>[], parents: ReadonlyMap<number, ParentRef>, onCycle: (rows: number[]) => void): number[] {
  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (row: number, path: number[]): void => {
    if (state.get(row) === 'done') return;
    if (state.get(row) === 'visiting') {
      const cycle = path.slice(path.indexOf(row)).sort((a, b) => a - b);
      onCycle(cycle);
      cycle.forEach((r) => state.set(r, 'done'));
      return;
    }
    state.set(row, 'visiting');
    const parent = parents.get(row);
    if (parent && 'row' in parent) visit(parent.row, [...path, row]);
    if (state.get(row) === 'done') return;
    state.set(row, 'done');
    order.push(row);
  };
  for (const { row } of rows) visit(row, []);
  return order;
}

export const orgImporter: Importer<OrgSheetRow, OrgImportPlan> = {
  kind: 'orgs',
  sheet: orgSheet,
  maxRows: 2000,
  templateFileName: 'org.excel.templateFile',
  authorize: (ctx) => orgPolicy.assertCan(ctx.actor, 'create'),
  check: checkOrgRows,
  async write(ctx, plan, written) {
    const parentId = 'orgId' in plan.parent ? plan.parent.orgId : written.get(plan.parent.row);
    if (!parentId) {
      // Only with skipInvalid: the parent row was refused while writing, after the check passed.
      throw new AppError('ORG_IMPORT_PARENT_ROW_INVALID', 409, {
        params: { parent: 'name' in plan.parent ? plan.parent.name : '', row: 'row' in plan.parent ? plan.parent.row : '' },
        details: [{ path: 'body.parentId', message: 'ORG_IMPORT_PARENT_ROW_INVALID' }],
      });
    }
    const org = await createOrg(ctx, {
      name: plan.name,
      shortName: plan.shortName,
      type: plan.type,
      parentId,
      adminCode: plan.adminCode,
      foundedOn: plan.foundedOn,
    });
    return org.id;
  },
  fieldColumns: { parentId: 'parent' },
};

export type OrgExportQuery = Omit<OrgListQuery, 'page' | 'pageSize'>;

/**
 * The orgs of a filtered list (the same filters and order as GET /orgs) in the
 * import format. The parent is written by name, or by its administrative code
 * where the name is not unique in the actor's scope, so the file imports again.
 */
export async function exportOrgs(ctx: ServiceContext, query: OrgExportQuery): Promise<Buffer> {
  const orgs = await collectForExport((page, pageSize) => listOrgs(ctx, { ...query, page, pageSize }));
  const scope = await scopeIndex(ctx);
  const known = new Map<string, OrgRow>(scope.orgs.map((org) => [org.id, org]));
  const outside = [...new Set(orgs.map((org) => org.parentId).filter((id): id is string => id !== null && !known.has(id)))];
  for (const parent of await repo.findOrgsByIds(ctx.db, outside)) known.set(parent.id, parent);
  const parentCell = (org: Org) => {
    const parent = org.parentId ? known.get(org.parentId) : undefined;
    if (!parent) return '';
    const unique = (scope.byName.get(parent.name)?.length ?? 0) <= 1;
    return unique || !parent.admin_code ? parent.name : parent.admin_code;
  };
  const rows: OrgSheetRow[] = orgs.map((org) => ({
    name: org.name,
    shortName: org.shortName,
    type: org.type,
    parent: parentCell(org),
    adminCode: org.adminCode,
    foundedOn: org.foundedOn,
  }));
  return writeRows(orgSheet, rows, { locale: ctx.locale });
}

export const orgExportFileName = (locale: Locale) => translate(locale, 'org.excel.exportFile');
