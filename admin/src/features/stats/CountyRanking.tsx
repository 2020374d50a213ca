import { Table } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { BreakdownRow } from './api.ts';
import { yearOverYear } from './dashboard-figures.ts';
import { ChangeMark } from './KeyFigures.tsx';
import { statsMessages } from './messages.ts';

/** The counties ranked by the year's figure (the breakdown comes largest first), with the previous year and the change. */
export function CountyRanking({ rows, year, label }: { rows: readonly BreakdownRow[]; year: number; label: string }) {
  const t = useT(statsMessages);
  const number = (value: number) => value.toLocaleString('zh-CN');
  return (
    <Table<BreakdownRow>
      aria-label={label}
      size="small"
      rowKey="key"
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      style={{ marginTop: 16 }}
      columns={[
        { key: 'rank', title: t('rank'), width: 64, render: (_value, _row, index) => index + 1 },
        { key: 'label', dataIndex: 'label', title: t('county') },
        { key: 'value', dataIndex: 'value', title: t('yearColumn', { year }), align: 'right', render: number },
        { key: 'previous', dataIndex: 'previous', title: t('yearColumn', { year: year - 1 }), align: 'right', render: number },
        { key: 'change', title: t('change'), align: 'right', render: (_value, row) => <ChangeMark change={yearOverYear(row.value, row.previous)} /> },
      ]}
    />
  );
}
