import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useT } from '../../app/i18n.tsx';
import type { IndicatorValue } from './api.ts';
import { formatChange, yearOverYear, type Change } from './dashboard-figures.ts';
import { statsMessages } from './messages.ts';

/** Dark enough on white for WCAG AA (antd's own success green is not). */
const changeColours = { up: '#237804', down: '#a8071a', same: 'rgba(0, 0, 0, 0.65)', unknown: 'rgba(0, 0, 0, 0.65)' } as const;
const changeIcons = { up: <ArrowUpOutlined aria-hidden />, down: <ArrowDownOutlined aria-hidden />, same: <MinusOutlined aria-hidden />, unknown: null } as const;

export function ChangeMark({ change }: { change: Change }) {
  const t = useT(statsMessages);
  const text = formatChange(change);
  const spoken =
    change.direction === 'unknown' ? t('changeUnknown') : change.direction === 'same' ? t('changeNone') : t(change.direction === 'up' ? 'changeUp' : 'changeDown', { percent: text.replace(/^[+−]/, '') });
  return (
    <span style={{ color: changeColours[change.direction], whiteSpace: 'nowrap' }} title={spoken} aria-label={spoken} role="img">
      {changeIcons[change.direction]} {text}
    </span>
  );
}

/** The year's key figures as cards: the value with its unit, the change against the previous year, and the previous year's value. */
export function KeyFigures({ values, year }: { values: IndicatorValue[]; year: number }) {
  const t = useT(statsMessages);
  return (
    <section aria-label={t('keyFigures', { year })}>
      <Row gutter={[16, 16]}>
        {values.map((item) => (
          <Col key={item.code} xs={12} md={8} xl={6}>
            <Card size="small" title={<span title={item.definition}>{item.label}</span>} data-indicator={item.code}>
              <Statistic value={item.value} suffix={item.unit} groupSeparator="," precision={Number.isInteger(item.value) ? 0 : 1} />
              <Typography.Text>
                <ChangeMark change={yearOverYear(item.value, item.previous)} />
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{t('previousYear', { value: item.previous.toLocaleString('zh-CN') })}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
