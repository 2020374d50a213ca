import { Card, Col, Flex, Form, Row, Select, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useAuth } from '../../app/auth.tsx';
import { useLocale, useT } from '../../app/i18n.tsx';
import { ExportButton } from '../../shared/ExportButton.tsx';
import { ErrorState, EmptyState } from '../../shared/PageState.tsx';
import { recentYears } from '../activities/activity-form.ts';
import { OrgTreeSelect } from '../orgs/OrgTreeSelect.tsx';
import { breakdownWorkbookPath, fetchBreakdown, fetchIndicators, fetchValues, type DimensionCode, type IndicatorInfo, statisticalReturnPath, type StatsScope } from './api.ts';
import { countyBarOption, monthLineOption, typePieOption } from './chart-options.ts';
import { ChartCard } from './ChartCard.tsx';
import { CountyRanking } from './CountyRanking.tsx';
import { defaultChartIndicator, keyFigureCodes, latestCompleteYearWithData, yearActivityCodes } from './dashboard-figures.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { statsMessages } from './messages.ts';
import { useLoaded } from './use-loaded.ts';

type MessageKey = keyof (typeof statsMessages)['zh-CN'];

/** The share chart breaks an indicator down by what kind of record it counts: activity or org type, else venue kind. */
const shareDimensions: { dimension: DimensionCode; title: MessageKey }[] = [
  { dimension: 'type', title: 'byType' },
  { dimension: 'kind', title: 'byKind' },
];

/**
 * 数据看板: the year's key figures against the previous year, and one
 * indicator by county, by month and by type, for an org's subtree. Year, org
 * and indicator are in the address bar, so a view can be shared as a link.
 */
export default function DashboardPage() {
  const t = useT(statsMessages);
  const { user } = useAuth();
  useBreadcrumbs([{ title: t('title') }]);
  const [params, setParams] = useSearchParams();
  const years = recentYears();
  const year = Number(params.get('year')) || undefined;
  const orgId = params.get('orgId') ?? undefined;
  const code = params.get('code') ?? defaultChartIndicator;

  const choose = (key: 'year' | 'orgId' | 'code', value: string | undefined, replace = false) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace },
    );

  // Without a year in the address, open on the latest complete year that has figures.
  useEffect(() => {
    if (year) return;
    let current = true;
    latestCompleteYearWithData(years[0]!, async (y) => (await fetchValues({ year: y, orgId }, yearActivityCodes)).items).then(
      (found) => current && choose('year', String(found), true),
      () => current && choose('year', String(years[0]! - 1), true),
    );
    return () => {
      current = false;
    };
  }, [year]); // eslint-disable-line react-hooks/exhaustive-deps

  // Labels and units come from the server in the console's language: a switch of language loads them again.
  const { locale } = useLocale();
  const indicators = useLoaded(fetchIndicators, locale);
  const indicator = indicators.data?.items.find((item) => item.code === code);

  const filters = (
    <Card size="small">
      <Form layout="inline" aria-label={t('filters')} style={{ rowGap: 8 }}>
        <Form.Item label={t('year')} htmlFor="dashboard-year" style={{ marginBottom: 0 }}>
          <Select id="dashboard-year" value={year} onChange={(y: number) => choose('year', String(y))} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label={t('org')} htmlFor="dashboard-org" style={{ marginBottom: 0, minWidth: 240 }}>
          <OrgTreeSelect id="dashboard-org" value={orgId ?? user?.orgId} onChange={(id) => choose('orgId', id)} />
        </Form.Item>
        <Form.Item label={t('indicator')} htmlFor="dashboard-indicator" style={{ marginBottom: 0, minWidth: 240 }}>
          <Select
            id="dashboard-indicator"
            value={code}
            onChange={(next: string) => choose('code', next)}
            loading={!indicators.data}
            showSearch
            optionFilterProp="label"
            options={indicators.data?.items.map((item) => ({ value: item.code, label: t('indicatorOption', { label: item.label, unit: item.unit }) }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        {year && (
          <Form.Item style={{ marginBottom: 0 }}>
            <ExportButton path={statisticalReturnPath} query={{ year, orgId }} label={t('exportReturn')} />
          </Form.Item>
        )}
      </Form>
    </Card>
  );

  // The key figures also name the org the figures are for, used in the downloads' names.
  const values = useLoaded(() => (year ? fetchValues({ year, orgId }, keyFigureCodes) : Promise.resolve(undefined)), JSON.stringify([year, orgId, locale]));

  return (
    <Flex vertical gap={16}>
      <h1 style={{ fontSize: 20, margin: 0 }}>{t('title')}</h1>
      {filters}
      {!year || (!values.data && !values.error) ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : values.error || !values.data ? (
        <ErrorState error={values.error} onRetry={values.reload} />
      ) : (
        <>
          <KeyFigures values={values.data.items} year={year} />
          {indicators.error ? (
            <ErrorState error={indicators.error} onRetry={indicators.reload} />
          ) : indicator ? (
            <Charts scope={{ year, orgId }} orgName={values.data.org.name} indicator={indicator} />
          ) : indicators.data ? (
            <EmptyState />
          ) : (
            <Spin style={{ display: 'block', margin: '48px auto' }} />
          )}
        </>
      )}
    </Flex>
  );
}

/** The chosen indicator by county (bar and ranking), by month (this year and last) and by type (ring). */
function Charts({ scope, orgName, indicator }: { scope: StatsScope; orgName: string; indicator: IndicatorInfo }) {
  const t = useT(statsMessages);
  const share = shareDimensions.find((s) => indicator.dimensions.includes(s.dimension));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <BreakdownCard scope={scope} orgName={orgName} indicator={indicator} dimension="county" title={t('byCounty')} />
      </Col>
      <Col xs={24} xl={12}>
        <Flex vertical gap={16}>
          <BreakdownCard scope={scope} orgName={orgName} indicator={indicator} dimension="month" title={t('byMonth')} />
          {share ? <BreakdownCard scope={scope} orgName={orgName} indicator={indicator} dimension={share.dimension} title={t(share.title)} /> : <Unavailable title={t('byType')} indicator={indicator} />}
        </Flex>
      </Col>
    </Row>
  );
}

function Unavailable({ title, indicator }: { title: string; indicator: IndicatorInfo }) {
  const t = useT(statsMessages);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      <EmptyState description={t('notByDimension', { indicator: indicator.label })} />
    </Card>
  );
}

function BreakdownCard({ scope, orgName, indicator, dimension, title }: { scope: StatsScope; orgName: string; indicator: IndicatorInfo; dimension: DimensionCode; title: string }) {
  const t = useT(statsMessages);
  const year = scope.year;
  const supported = indicator.dimensions.includes(dimension);
  const { locale } = useLocale();
  const breakdown = useLoaded(
    () => (supported ? fetchBreakdown(scope, indicator.code, dimension) : Promise.resolve(undefined)),
    JSON.stringify([scope, indicator.code, dimension, locale]),
  );
  const rows = breakdown.data?.items;
  const option = useMemo(() => {
    if (!rows) return undefined;
    const thisYear = t('yearColumn', { year });
    if (dimension === 'county') return countyBarOption(rows, indicator.unit, thisYear);
    if (dimension === 'month') return monthLineOption(rows, indicator.unit, thisYear, t('yearColumn', { year: year - 1 }));
    return typePieOption(rows, indicator.unit, thisYear);
  }, [rows, dimension, indicator.unit, year, t]);
  // A ring of nothing says less than "no data"; bars and lines of zeros still show last year beside them.
  const empty = dimension !== 'county' && dimension !== 'month' && rows?.every((row) => row.value === 0);

  if (!supported) return <Unavailable title={title} indicator={indicator} />;
  if (breakdown.error) return <ErrorState error={breakdown.error} onRetry={breakdown.reload} />;
  return (
    <ChartCard
      title={title}
      fileName={t('fileName', { year, org: orgName, indicator: indicator.label, dimension: title })}
      option={option}
      empty={empty}
      excel={{ path: breakdownWorkbookPath, query: { ...scope, code: indicator.code, dimension } }}
    >
      {dimension === 'county' && rows && <CountyRanking rows={rows} year={year} label={t('tableLabel', { indicator: indicator.label })} />}
    </ChartCard>
  );
}
