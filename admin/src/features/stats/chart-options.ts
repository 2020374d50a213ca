import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { BreakdownRow } from './api.ts';

/** The options of the charts this dashboard draws, and only those: the types follow the modules registered in echarts-setup.ts. */
export type DashboardChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

/** Screen readers hear the chart's data as a sentence (ECharts' aria description), every county and month of it, not only the first ten. */
const aria = { enabled: true, label: { data: { maxCount: 100 } }, decal: { show: false } };
const grid = { left: 8, right: 16, top: 40, bottom: 8, containLabel: true };

/** Figures by county: one bar per county, largest first, as the breakdown orders them. */
export function countyBarOption(rows: readonly BreakdownRow[], unit: string, thisYear: string): DashboardChartOption {
  return {
    aria,
    grid,
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${Number(value).toLocaleString('zh-CN')} ${unit}` },
    xAxis: { type: 'category', data: rows.map((row) => row.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 40 : 0 } },
    yAxis: { type: 'value', name: unit },
    series: [{ type: 'bar', name: thisYear, data: rows.map((row) => row.value), barMaxWidth: 32 }],
  };
}

/** Figures by month: this year's line beside the previous year's, month by month. */
export function monthLineOption(rows: readonly BreakdownRow[], unit: string, thisYear: string, lastYear: string): DashboardChartOption {
  return {
    aria,
    grid,
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => `${Number(value).toLocaleString('zh-CN')} ${unit}` },
    xAxis: { type: 'category', data: rows.map((row) => row.label), boundaryGap: false },
    yAxis: { type: 'value', name: unit },
    series: [
      { type: 'line', name: thisYear, data: rows.map((row) => row.value) },
      { type: 'line', name: lastYear, data: rows.map((row) => row.previous), lineStyle: { type: 'dashed' } },
    ],
  };
}

/** Figures by type: a ring of the shares; types with nothing this year are left out so the legend lists what happened. */
export function typePieOption(rows: readonly BreakdownRow[], unit: string, thisYear: string): DashboardChartOption {
  return {
    aria,
    tooltip: { trigger: 'item', valueFormatter: (value) => `${Number(value).toLocaleString('zh-CN')} ${unit}` },
    legend: { type: 'scroll', bottom: 0 },
    series: [
      {
        type: 'pie',
        name: thisYear,
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        data: rows.filter((row) => row.value > 0).map((row) => ({ name: row.label, value: row.value })),
        label: { formatter: '{b}\n{d}%' },
      },
    ],
  };
}
