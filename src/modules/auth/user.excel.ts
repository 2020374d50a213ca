import type { ServiceContext } from '../../platform/context.ts';
import { roles } from '../../platform/auth-core.ts';
import { defineMessages, translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { collectForExport } from '../../platform/excel/export.ts';
import { choicesFromCatalogue, column, defineSheet, type RowOf } from '../../platform/excel/sheet.ts';
import { writeRows } from '../../platform/excel/workbook-writer.ts';
import type { UserListQuery } from './auth.schemas.ts';
import { userStatuses } from './auth.table.ts';
import { listUsers } from './user.service.ts';
import './auth.messages.ts';

export const userExcelMessages = defineMessages({
  'zh-CN': {
    'user.excel.exportFile': '用户列表',
    'user.status.active': '启用',
    'user.status.disabled': '停用',
  },
  'en-US': {
    'user.excel.exportFile': 'Users',
    'user.status.active': 'Active',
    'user.status.disabled': 'Disabled',
  },
});

/** Times in the export read as the wall clock in China, where the records are kept: 2026-11-30 09:15. */
function chinaTime(iso: string | null): string | null {
  if (!iso) return null;
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const roleChoices = choicesFromCatalogue(roles, (role) => `role.${role}`);

/** The user list as Excel. Export only: accounts are created one by one, each with its own password. */
export const userSheet = defineSheet('用户', {
  username: column.text('用户名', { required: true }),
  displayName: column.text('姓名', { required: true }),
  orgName: column.text('所属组织', { required: true, width: 24 }),
  roles: column.text('角色'),
  status: column.choice('状态', choicesFromCatalogue(userStatuses, (status) => `user.status.${status}`), { required: true }),
  lastLoginAt: column.text('最近登录'),
  createdAt: column.text('创建时间', { required: true }),
});
export type UserSheetRow = RowOf<typeof userSheet>;

export type UserExportQuery = Omit<UserListQuery, 'page' | 'pageSize'>;

/** Every user of a filtered list (the filters and order of GET /users), in scope, as a workbook. */
export async function exportUsers(ctx: ServiceContext, query: UserExportQuery): Promise<Buffer> {
  const users = await collectForExport((page, pageSize) => listUsers(ctx, { ...query, page, pageSize }));
  const roleLabel = new Map(roleChoices.map((choice) => [choice.value, choice.labels[0]!]));
  const rows: UserSheetRow[] = users.map((user) => ({
    username: user.username,
    displayName: user.displayName,
    orgName: user.orgName,
    roles: user.roles.map((role) => roleLabel.get(role) ?? role).join('、') || null,
    status: user.status,
    lastLoginAt: chinaTime(user.lastLoginAt),
    createdAt: chinaTime(user.createdAt)!,
  }));
  return writeRows(userSheet, rows, { locale: ctx.locale });
}

export const userExportFileName = (locale: Locale) => translate(locale, 'user.excel.exportFile');
