import type { ServiceContext } from '../../platform/context.ts';
import { defineMessages } from '../../platform/i18n/catalogue.ts';
import { choicesFromCatalogue, column, defineSheet, type RowOf } from '../../platform/excel/sheet.ts';
import type { ReadRow } from '../../platform/excel/workbook-reader.ts';
import type { Importer, PlannedRow } from '../../platform/imports/import-pipeline.ts';
import { nowIso } from '../../platform/clock.ts';
import { todayInBeijing } from './calendar.ts';
import * as caravanRepo from './caravan.repository.ts';
import type { TripInput } from './caravan.schemas.ts';
import { TripChecks, insertPlannedTrips, newTripRow } from './caravan.service.ts';
import { countiesByName, rowErrors } from './excel-rows.ts';
import { venuePolicy } from './venue.policy.ts';
import { destinationKinds, type CaravanRow, type CaravanTripRow } from './venue.table.ts';
import './caravan.messages.ts';
import './venue.messages.ts';

export const tripExcelMessages = defineMessages({
  'zh-CN': {
    'trip.excel.templateFile': '科普大篷车出车记录导入模板',
    'trip.excel.note.caravan': '填写您管理范围内大篷车的车牌号或名称',
    'trip.excel.note.county': '目的地所在县区：名称（方城县、方城县科协）或行政区划代码（411322）',
    'trip.excel.note.activities': '留空按 1 次计',
    CARAVAN_IMPORT_NOT_FOUND: '没有车牌号或名称为“{caravan}”的科普大篷车，或不在您的管理范围内',
    CARAVAN_IMPORT_COUNTY_NOT_FOUND: '没有名为“{county}”的县区',
    CARAVAN_IMPORT_REPEATED: '与第 {row} 行重复：同一辆车同一天到同一目的地',
  },
  'en-US': {
    'trip.excel.templateFile': 'Caravan trips import template',
    'trip.excel.note.caravan': 'The plate or name of a caravan in your scope',
    'trip.excel.note.county': 'The county of the destination: name (方城县, 方城县科协) or administrative code (411322)',
    'trip.excel.note.activities': 'Empty means 1',
    CARAVAN_IMPORT_NOT_FOUND: 'No caravan with the plate or name "{caravan}" in your scope',
    CARAVAN_IMPORT_COUNTY_NOT_FOUND: 'No county named "{county}"',
    CARAVAN_IMPORT_REPEATED: 'Repeats row {row}: the same vehicle, day and destination',
  },
});

/** The caravan trip log's Excel format. */
export const tripSheet = defineSheet('出车记录', {
  caravan: column.text('车辆', { required: true, maxLength: 50, note: 'trip.excel.note.caravan', example: '豫R·F1135' }),
  date: column.date('日期', { required: true, example: '2024-04-18' }),
  destination: column.text('目的地', { required: true, maxLength: 100, example: '方城县第一初级中学' }),
  destinationKind: column.choice('目的地类型', choicesFromCatalogue(destinationKinds, (kind) => `destination.kind.${kind}`), { required: true, example: '学校' }),
  county: column.text('所在县区', { required: true, maxLength: 50, note: 'trip.excel.note.county', example: '方城县' }),
  km: column.integer('行驶里程', { required: true, min: 0, max: 5000, example: '86' }),
  activities: column.integer('活动次数', { min: 0, max: 100, note: 'trip.excel.note.activities', example: '1' }),
  people: column.integer('服务人次', { required: true, min: 0, max: 1_000_000, example: '760' }),
  note: column.text('备注', { maxLength: 500 }),
});
export type TripSheetRow = RowOf<typeof tripSheet>;

const fieldColumns: Partial<Record<keyof TripInput, keyof TripSheetRow>> = { date: 'date', destination: 'destination', destinationKind: 'destinationKind', countyOrgId: 'county', km: 'km', activities: 'activities', people: 'people', note: 'note' };

/** Checks a trip log sheet as the form checks one trip, against the stored trips and the rows above. */
async function checkTripRows(ctx: ServiceContext, rows: readonly ReadRow<TripSheetRow>[]) {
  const { errors, problem, fieldProblems } = rowErrors(ctx, tripSheet, fieldColumns);
  const caravans = new Map((await caravanRepo.findCaravansIn(ctx.db, ctx.actor.orgId)).map((c) => [c.name, c]));
  const counties = await countiesByName(ctx.db);
  const candidates: { row: number; caravan: CaravanRow; input: TripInput }[] = [];
  for (const { row, values } of rows) {
    const caravan = values.caravan ? caravans.get(values.caravan.trim()) : undefined;
    if (values.caravan && !caravan) problem(row, 'caravan', 'CARAVAN_IMPORT_NOT_FOUND', { caravan: values.caravan });
    const county = values.county ? counties.get(values.county.trim()) : undefined;
    if (values.county && !county) problem(row, 'county', 'CARAVAN_IMPORT_COUNTY_NOT_FOUND', { county: values.county });
    const { date, destination, destinationKind, km, people } = values;
    if (!caravan || !county || !date || !destination || !destinationKind || km == null || people == null) continue;
    candidates.push({ row, caravan, input: { date, destination, destinationKind, countyOrgId: county.id, km, activities: values.activities ?? 1, people, note: values.note ?? '' } });
  }
  const checks = await TripChecks.load(ctx.db, candidates.map((c) => ({ caravanId: c.caravan.id, date: c.input.date, countyOrgId: c.input.countyOrgId })));
  const today = todayInBeijing();
  const now = nowIso();
  const rowOfPlanned = new Map<string, number>();
  const plan: PlannedRow<CaravanTripRow>[] = [];
  for (const { row, caravan, input } of candidates) {
    const problems = checks.problems(caravan, input, today).map((p) => {
      const earlier = rowOfPlanned.get(String(p.params?.existingId));
      return earlier === undefined ? p : { ...p, code: 'CARAVAN_IMPORT_REPEATED', params: { row: earlier } };
    });
    fieldProblems(row, problems, 'destination');
    if (problems.length > 0) continue;
    const trip = newTripRow(ctx, caravan.id, input, now);
    checks.add(trip);
    rowOfPlanned.set(trip.id, row);
    plan.push({ row, plan: trip });
  }
  return { plan, errors };
}

export const tripImporter: Importer<TripSheetRow, CaravanTripRow> = {
  kind: 'caravan-trips',
  sheet: tripSheet,
  maxRows: 20_000,
  templateFileName: 'trip.excel.templateFile',
  authorize: (ctx) => venuePolicy.assertCan(ctx.actor, 'write'),
  check: checkTripRows,
  write: async (ctx, trip) => (await insertPlannedTrips(ctx, [trip], 'excel'))[0],
  writeBatch: (ctx, trips) => insertPlannedTrips(ctx, trips, 'excel'),
  fieldColumns,
};
