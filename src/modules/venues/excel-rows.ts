import type { Db } from '../../database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { describe } from '../../platform/excel/excel.messages.ts';
import type { Sheet } from '../../platform/excel/sheet.ts';
import type { RowError } from '../../platform/excel/workbook-reader.ts';
import { findOrgSubtree, findRootOrg, type OrgRow } from '../orgs/index.ts';
import type { FieldProblem } from './field-problems.ts';
import { isCountyLevel } from './places.ts';

/**
 * Collects an import's problems as row · column · reason, with the reason in
 * the reader's language; service problems are placed by the column their
 * field is read from.
 */
export function rowErrors<Row>(ctx: ServiceContext, sheet: Sheet<Row>, fieldColumns: Partial<Record<string, keyof Row>>) {
  const errors: RowError[] = [];
  const problem = (row: number, key: keyof Row, code: string, params: Record<string, unknown> = {}) =>
    errors.push({ row, column: sheet.columns[key].header, code, message: describe(ctx.locale, code, params) });
  const fieldProblems = (row: number, problems: readonly FieldProblem[], fallback: keyof Row) => {
    for (const p of problems) problem(row, fieldColumns[p.field] ?? fallback, p.code, p.params);
  };
  return { errors, problem, fieldProblems };
}

/** County-level orgs of the whole tree by every name a sheet may use: 方城县科协, 方城县, its code 411322; 南阳市科协 or 市直 for the city. */
export async function countiesByName(db: Db): Promise<Map<string, OrgRow>> {
  const root = await findRootOrg(db);
  const orgs = root ? (await findOrgSubtree(db, root.id)).filter(isCountyLevel) : [];
  const byName = new Map<string, OrgRow>();
  for (const org of orgs) {
    for (const name of [org.name, org.name.replace(/科协$/, ''), org.short_name, org.admin_code, org.parent_id === null ? '市直' : null]) if (name) byName.set(name, org);
  }
  return byName;
}
