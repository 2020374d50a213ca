import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import ExcelJS from 'exceljs';
import { sendWorkbook } from '../../platform/excel/download.ts';
import { errorResponses } from '../../platform/http/schema.ts';
import { defineMessages, translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { contextOf } from '../auth/index.ts';
import { findOrgById } from '../orgs/index.ts';
import type { BreakdownRow, DimensionCode, IndicatorInfo } from './indicator.types.ts';
import { BreakdownQuery } from './stats.schemas.ts';
import { indicatorBreakdown } from './stats.service.ts';

defineMessages({
  'zh-CN': {
    'stats.export.title': '{year}年{org}{indicator}（{unit}）按{dimension}',
    'stats.export.fileName': '{year}年{org}{indicator}按{dimension}',
    'stats.export.rank': '排名',
    'stats.export.order': '序号',
    'stats.export.year': '{year} 年',
    'stats.export.change': '同比',
    'stats.export.dimension.county': '县区',
    'stats.export.dimension.month': '月份',
    'stats.export.dimension.org': '组织',
    'stats.export.dimension.type': '类型',
    'stats.export.dimension.campaign': '主题活动',
    'stats.export.dimension.series': '系列活动',
    'stats.export.dimension.venue': '场馆',
    'stats.export.dimension.kind': '场馆类型',
  },
  'en-US': {
    'stats.export.title': '{org}: {indicator} ({unit}) by {dimension}, {year}',
    'stats.export.fileName': '{org} {indicator} by {dimension} {year}',
    'stats.export.rank': 'Rank',
    'stats.export.order': 'No.',
    'stats.export.year': '{year}',
    'stats.export.change': 'Change',
    'stats.export.dimension.county': 'county',
    'stats.export.dimension.month': 'month',
    'stats.export.dimension.org': 'organisation',
    'stats.export.dimension.type': 'type',
    'stats.export.dimension.campaign': 'campaign',
    'stats.export.dimension.series': 'series',
    'stats.export.dimension.venue': 'venue',
    'stats.export.dimension.kind': 'kind of venue',
  },
});

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };

/**
 * The breakdown as a sheet: a title naming year, org, indicator and unit, a
 * frozen header, one row per key in the breakdown's order with both years as
 * numbers and the change as a percentage (empty when the previous year was 0).
 */
async function breakdownWorkbook(breakdown: { indicator: IndicatorInfo; dimension: DimensionCode; items: BreakdownRow[] }, org: string, year: number, locale: Locale) {
  const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params);
  const dimension = t(`stats.export.dimension.${breakdown.dimension}`);
  const workbook = new ExcelJS.Workbook();
  // Excel refuses these characters in a sheet's name, and names over 31 characters.
  const sheet = workbook.addWorksheet(breakdown.indicator.label.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = [{ width: 8 }, { width: 28 }, { width: 14, style: { numFmt: '#,##0.##' } }, { width: 14, style: { numFmt: '#,##0.##' } }, { width: 10, style: { numFmt: '0.0%' } }];
  sheet.mergeCells(1, 1, 1, 5);
  sheet.getCell('A1').value = t('stats.export.title', { year, org, indicator: breakdown.indicator.label, unit: breakdown.indicator.unit, dimension });
  sheet.getCell('A1').font = { bold: true, size: 14 };
  // Months keep the calendar's order; every other breakdown comes largest first, so its order is a rank.
  const first = t(breakdown.dimension === 'month' ? 'stats.export.order' : 'stats.export.rank');
  const header = sheet.getRow(2);
  header.values = [first, dimension, t('stats.export.year', { year }), t('stats.export.year', { year: year - 1 }), t('stats.export.change')];
  header.eachCell((cell) => Object.assign(cell, { font: { bold: true }, fill: headerFill }));
  breakdown.items.forEach((row, index) => {
    sheet.addRow([index + 1, row.label, row.value, row.previous, row.previous === 0 ? null : (row.value - row.previous) / row.previous]);
  });
  return {
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
    fileName: t('stats.export.fileName', { year, org, indicator: breakdown.indicator.label, dimension }),
  };
}

/** /api/v1/stats/breakdown.xlsx — what GET /stats/breakdown answers, as a workbook (the dashboard's 导出 Excel). */
export const statsExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/stats/breakdown.xlsx', {
    schema: {
      tags: ['stats'],
      summary: 'One indicator by county, month, type … as an Excel file, with the previous year and the change',
      querystring: BreakdownQuery,
      response: { ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      // The breakdown checks the actor's scope; the org is then only looked up for its name.
      const breakdown = await indicatorBreakdown(ctx, request.query);
      const org = await findOrgById(ctx.db, request.query.orgId ?? ctx.actor.orgId);
      const { bytes, fileName } = await breakdownWorkbook(breakdown, org!.name, request.query.year, ctx.locale);
      return sendWorkbook(reply, bytes, fileName, `breakdown-${breakdown.indicator.code}-${breakdown.dimension}-${request.query.year}`);
    },
  });
};
