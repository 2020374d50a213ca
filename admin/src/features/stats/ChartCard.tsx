import { PictureOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useRef, type ReactNode } from 'react';
import type { Query } from '../../app/api.ts';
import { useT } from '../../app/i18n.tsx';
import { save } from '../../shared/excel-api.ts';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { EmptyState } from '../../shared/PageState.tsx';
import type { DashboardChartOption } from './chart-options.ts';
import { EChart, type EChartHandle } from './EChart.tsx';
import { statsMessages } from './messages.ts';

interface ChartCardProps {
  title: string;
  /** The downloads' name without extension, e.g. 2024年南阳市科协科普活动按县区. */
  fileName: string;
  /** Undefined while the data loads. */
  option?: DashboardChartOption;
  /** Nothing to draw: the card says so instead. */
  empty?: boolean;
  /** Where the server writes the chart's data as a workbook: a path under /api/v1 and its query. */
  excel: { path: string; query: Query };
  /** Shown below the chart (the county ranking). */
  children?: ReactNode;
}

/** A chart in a card whose header offers its data as Excel and the chart itself as a PNG. */
export function ChartCard({ title, fileName, option, empty, excel, children }: ChartCardProps) {
  const t = useT(statsMessages);
  const chart = useRef<EChartHandle>(null);

  const exportPng = async () => {
    const dataUrl = chart.current?.toPng();
    if (dataUrl) save(await (await fetch(dataUrl)).blob(), `${fileName}.png`);
  };

  const actions = (
    <Space size={4} wrap>
      <Button icon={<PictureOutlined aria-hidden />} disabled={!option || empty} onClick={() => void exportPng()} aria-label={t('exportPngOf', { title })}>
        {t('exportPng')}
      </Button>
      <ExportButton path={excel.path} query={excel.query} />
    </Space>
  );

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>} extra={actions} loading={!option} styles={{ header: { flexWrap: 'wrap', gap: 8 } }}>
      {empty ? <EmptyState /> : option && <EChart ref={chart} option={option} />}
      {children}
    </Card>
  );
}
