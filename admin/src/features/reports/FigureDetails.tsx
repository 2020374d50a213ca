import { Descriptions } from 'antd';
import { createContext } from 'react';
import { useT } from '../../app/i18n.tsx';
import type { IndicatorInfo, ReviewFigure } from './api.ts';
import { reviewMessages } from './messages.ts';

const figureFormatCodes = ['plain', 'thousands', 'wan0', 'wan1', 'wan2', 'wan3', 'wan4', 'over', 'over_short', 'nearly', 'more', 'wan_more'] as const;
const isFigureFormat = (format: string): format is (typeof figureFormatCodes)[number] => (figureFormatCodes as readonly string[]).includes(format);

// Apart from the editor's node, so the page can provide the indicators without loading TipTap.

/** The declared indicators by code, for the figures' hover (label, unit, definition). */
export const IndicatorsContext = createContext<Map<string, IndicatorInfo>>(new Map());

/** Where a figure comes from: its indicator, value and every query filter. */
export function FigureDetails({ figure, indicator }: { figure: ReviewFigure; indicator?: IndicatorInfo }) {
  const t = useT(reviewMessages);
  const { filters } = figure;
  const items = [
    { key: 'indicator', label: t('figureIndicator'), children: indicator ? `${indicator.label}（${indicator.unit}）` : figure.code },
    { key: 'code', label: t('figureCode'), children: figure.code },
    { key: 'value', label: t('figureValue'), children: `${figure.value.toLocaleString('zh-CN')}${indicator ? ` ${indicator.unit}` : ''}` },
    { key: 'org', label: t('figureOrg'), children: filters.orgName },
    { key: 'period', label: t('figurePeriod'), children: `${filters.from} ~ ${filters.to}` },
    { key: 'verified', label: t('figureVerified'), children: t(filters.verifiedOnly ? 'yes' : 'no') },
    ...(filters.conditions ? [{ key: 'conditions', label: t('figureConditions'), children: filters.conditions }] : []),
    { key: 'format', label: t('figureFormat'), children: isFigureFormat(figure.format) ? t(`format.${figure.format}`) : figure.format },
  ];
  return (
    <div className="review-figure-details">
      {indicator?.definition && <p>{indicator.definition}</p>}
      <Descriptions size="small" column={1} items={items} />
    </div>
  );
}
