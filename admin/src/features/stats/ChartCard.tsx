import { DownloadOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Card, Space } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { save } from '../../shared/excel-api.ts';
import type { DashboardChartOption } from './chart-options.ts';
import { EChart, type EChartHandle } from './EChart.tsx';
import { statsMessages } from './messages.ts';

interface ChartCardProps {
  title: string;
  /** The downloads' name without extension, e.g. 2024年南阳市科协科普活动数按县区. */
  fileName: string;
  /** Undefined while the data loads. */
  option?: DashboardChartOption;
  /** Saves the chart's data as a workbook (the server writes it). */
  exportData(): Promise<void>;
  /** Shown below the chart (the county ranking). */
  children?: ReactNode;
}

/** A chart in a card whose header offers its data as Excel and the chart itself as a PNG. */
export function ChartCard({ title, fileName, option, exportData, children }: ChartCardProps) {
  const t = useT(statsMessages);
  const { message } = App.useApp();
  const chart = useRef<EChartHandle>(null);
  const [exporting, setExporting] = useState(false);

  const exportExcel = async () => {
    setExporting(true);
    try {
      await exportData();
    } catch (err) {
      message.error(t('exportFailed', { message: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      setExporting(false);
    }
  };

  const exportPng = async () => {
    const dataUrl = chart.current?.toPng();
    if (dataUrl) save(await (await fetch(dataUrl)).blob(), `${fileName}.png`);
  };

  const actions = (
    <Space size={4} wrap>
      <Button size="small" icon={<PictureOutlined aria-hidden />} disabled={!option} onClick={() => void exportPng()} aria-label={`${t('exportPng')}：${title}`}>
        {t('exportPng')}
      </Button>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} disabled={!option} loading={exporting} onClick={() => void exportExcel()} aria-label={`${t('exportExcel')}：${title}`}>
        {t('exportExcel')}
      </Button>
    </Space>
  );

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} extra={actions} loading={!option} styles={{ header: { flexWrap: 'wrap', gap: 8 } }}>
      {option && <EChart ref={chart} option={option} />}
      {children}
    </Card>
  );
}
