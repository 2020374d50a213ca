import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useLocale } from '../../app/i18n.tsx';
import type { DashboardChartOption } from './chart-options.ts';
import { echarts } from './echarts-setup.ts';

export interface EChartHandle {
  /** The chart as a PNG data URL at twice the screen's resolution, on white (a transparent PNG reads badly in documents). */
  toPng(): string | undefined;
}

/**
 * One ECharts canvas that fills its container's width and follows it when the
 * container resizes (a window resize, the menu collapsing, a phone turning).
 * ECharts' aria module names the chart and its data for screen readers.
 */
export function EChart({ option, height = 320, ref }: { option: DashboardChartOption; height?: number; ref?: Ref<EChartHandle> }) {
  const { locale } = useLocale();
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(undefined);

  useEffect(() => {
    const element = container.current!;
    const instance = echarts.init(element, undefined, { renderer: 'canvas', locale: locale === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, locale]);

  useImperativeHandle(ref, () => ({ toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) }), []);

  // ECharts gives the container role="img" and its aria description once it has drawn.
  return <div ref={container} style={{ width: '100%', height }} />;
}
