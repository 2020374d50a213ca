import type { ServiceContext } from '../../platform/context.ts';
import { defineMessages } from '../../platform/i18n/catalogue.ts';
import { column, defineSheet, type RowOf } from '../../platform/excel/sheet.ts';
import type { ReadRow } from '../../platform/excel/workbook-reader.ts';
import type { Importer, PlannedRow } from '../../platform/imports/import-pipeline.ts';
import { rowErrors } from './excel-rows.ts';
import { venuePolicy } from './venue.policy.ts';
import * as venueRepo from './venue.repository.ts';
import type { VenueVisitRow } from './venue.table.ts';
import type { VisitInput } from './visit.schemas.ts';
import { insertPlannedVisits, planVisits, type VisitEntry } from './visit.service.ts';
import './visit.messages.ts';
import './venue.messages.ts';

export const visitExcelMessages = defineMessages({
  'zh-CN': {
    'visit.excel.templateFile': '场馆参观人数导入模板',
    'visit.excel.note.venue': '填写您管理范围内场馆的全称，如“方城县科技馆”',
    'visit.excel.note.date': '按日填报填当天；按月填报填该月 1 日',
    'visit.excel.note.period': '留空按日计',
    VENUE_IMPORT_VENUE_NOT_FOUND: '没有名为“{venue}”的场馆，或不在您的管理范围内',
    VENUE_IMPORT_REPEATED: '与第 {row} 行重复：同一场馆同一天（或同一月）的参观人数',
    'visit.period.day': '日',
    'visit.period.month': '月',
  },
  'en-US': {
    'visit.excel.templateFile': 'Venue visitors import template',
    'visit.excel.note.venue': 'The full name of a venue in your scope, such as 方城县科技馆',
    'visit.excel.note.date': 'The day counted; for a monthly figure, the first of the month',
    'visit.excel.note.period': 'Empty means a day',
    VENUE_IMPORT_VENUE_NOT_FOUND: 'No venue named "{venue}" in your scope',
    VENUE_IMPORT_REPEATED: 'Repeats row {row}: the same venue and day (or month)',
    'visit.period.day': 'Day',
    'visit.period.month': 'Month',
  },
});

/** The visit figures' Excel format. */
export const visitSheet = defineSheet('参观人数', {
  venue: column.text('场馆', { required: true, maxLength: 100, note: 'visit.excel.note.venue', example: '方城县科技馆' }),
  date: column.date('日期', { required: true, note: 'visit.excel.note.date', example: '2024-05-01' }),
  period: column.choice(
    '统计方式',
    [
      { value: 'day' as const, labels: ['日', '按日'] },
      { value: 'month' as const, labels: ['月', '按月'] },
    ],
    { note: 'visit.excel.note.period', example: '日' },
  ),
  individualVisitors: column.integer('散客人次', { required: true, min: 0, max: 10_000_000, example: '860' }),
  groupVisitors: column.integer('团体人次', { min: 0, max: 10_000_000, example: '120' }),
  groups: column.integer('团体数', { min: 0, max: 10_000_000, example: '3' }),
  note: column.text('备注', { maxLength: 500 }),
});
export type VisitSheetRow = RowOf<typeof visitSheet>;

const fieldColumns: Partial<Record<keyof VisitInput, keyof VisitSheetRow>> = { date: 'date', period: 'period', individualVisitors: 'individualVisitors', groupVisitors: 'groupVisitors', groups: 'groups', note: 'note' };

/**
 * Checks a sheet of visit figures as the form checks one: the venue named in
 * scope, then every rule (`planVisits`), against the stored figures and the
 * rows above it, so a day entered twice is refused whether it is in the
 * database or earlier in the file.
 */
async function checkVisitRows(ctx: ServiceContext, rows: readonly ReadRow<VisitSheetRow>[]) {
  const { errors, problem, fieldProblems } = rowErrors(ctx, visitSheet, fieldColumns);
  const venues = new Map((await venueRepo.findAllVenues(ctx.db, { scopeRootId: ctx.actor.orgId })).map((v) => [v.name, v]));
  const candidates: { row: number; entry: VisitEntry }[] = [];
  for (const { row, values } of rows) {
    const venue = values.venue ? venues.get(values.venue.trim()) : undefined;
    if (values.venue && !venue) problem(row, 'venue', 'VENUE_IMPORT_VENUE_NOT_FOUND', { venue: values.venue });
    const { date, individualVisitors } = values;
    if (!venue || !date || individualVisitors == null) continue;
    const input: VisitInput = {
      date,
      period: values.period ?? 'day',
      individualVisitors,
      groupVisitors: values.groupVisitors ?? 0,
      groups: values.groups ?? 0,
      note: values.note ?? '',
    };
    candidates.push({ row, entry: { venueId: venue.id, input } });
  }
  const planned = await planVisits(ctx, candidates.map((c) => c.entry), 'import');
  const rowOfPlanned = new Map([...planned.rows.entries()].map(([index, visit]) => [visit.id, candidates[index]!.row]));
  const plan: PlannedRow<VenueVisitRow>[] = [];
  for (const [index, { row }] of candidates.entries()) {
    const visit = planned.rows.get(index);
    if (visit) plan.push({ row, plan: visit });
    const problems = (planned.problems.get(index) ?? []).map((p) => {
      // A clash with a row above in the same file, not with a stored figure.
      const earlier = rowOfPlanned.get(String(p.params?.existingId));
      return earlier === undefined ? p : { ...p, code: 'VENUE_IMPORT_REPEATED', params: { row: earlier } };
    });
    fieldProblems(row, problems, 'date');
  }
  return { plan, errors };
}

export const visitImporter: Importer<VisitSheetRow, VenueVisitRow> = {
  kind: 'venue-visits',
  sheet: visitSheet,
  maxRows: 20_000,
  templateFileName: 'visit.excel.templateFile',
  authorize: (ctx) => venuePolicy.assertCan(ctx.actor, 'write'),
  check: checkVisitRows,
  write: async (ctx, visit) => (await insertPlannedVisits(ctx, [visit], 'excel'))[0],
  writeBatch: (ctx, visits) => insertPlannedVisits(ctx, visits, 'excel'),
  fieldColumns,
};
