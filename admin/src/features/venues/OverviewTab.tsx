import { Card, Flex, Form, Select, Spin, Statistic, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { ErrorState } from '../../shared/PageState.tsx';
import { recentYears } from '../activities/activity-form.ts';
import { SectionHeading } from './DetailSection.tsx';
import { fetchVenueFigures, venueKinds, venueStatuses, type VenueFigures } from './api.ts';
import { venueMessages } from './messages.ts';
import { venuesByKind } from './record-forms.ts';

type MessageKey = keyof (typeof venueMessages)['zh-CN'];

/** The year's figures of the museum system as cards of numbers (the charts come with the dashboard). The year is in the address bar. */
export function OverviewTab() {
  const t = useT(venueMessages);
  const [params, setParams] = useSearchParams();
  const years = recentYears();
  const year = Number(params.get('year')) || years[0]!;
  const [figures, setFigures] = useState<VenueFigures>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    let current = true;
    setError(undefined);
    fetchVenueFigures(year).then(
      (loaded) => current && setFigures(loaded),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [year]);
  useEffect(load, [load]);

  const chooseYear = (next: number) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('year', String(next));
      return updated;
    });

  const shown = figures?.year === year ? figures : undefined;
  return (
    <Flex vertical gap={16}>
      <Form layout="inline">
        <Form.Item label={t('year')} htmlFor="figures-year" style={{ marginBottom: 0 }}>
          <Select id="figures-year" value={year} onChange={chooseYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} />
        </Form.Item>
      </Form>
      {error ? <ErrorState error={error} onRetry={load} /> : !shown ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : <Figures figures={shown} />}
    </Flex>
  );
}

function Figures({ figures }: { figures: VenueFigures }) {
  const t = useT(venueMessages);
  const stat = (title: MessageKey, value: number) => <Statistic key={title} title={t(title)} value={value} groupSeparator="," />;
  const { venues, visits, outreach, caravans, touring } = figures;
  return (
    <section aria-label={t('overviewLabel', { year: figures.year })}>
      <Flex vertical gap={16}>
        <Section title={t('sectionVenues')}>
          {stat('venueCount', venues.count)}
          {venuesByKind(venues.byKindAndStatus, venueKinds, venueStatuses).map((kind) => (
            <Flex key={kind.kind} vertical>
              <Statistic title={kind.label} value={kind.count} />
              <Typography.Text type="secondary">{kind.byStatus.map((part) => `${part.label} ${part.count}`).join(' · ')}</Typography.Text>
            </Flex>
          ))}
        </Section>
        <Section title={t('sectionVisits')}>
          {stat('visitors', visits.visitors)}
          {stat('individualVisitors', visits.individualVisitors)}
          {stat('groupVisitors', visits.groupVisitors)}
          {stat('groups', visits.groups)}
        </Section>
        <Section title={t('sectionOutreach')}>
          {stat('outreachVisits', outreach.visits)}
          {stat('outreachSchools', outreach.schools)}
          {stat('outreachPeople', outreach.people)}
        </Section>
        <Section title={t('sectionCaravans')}>
          {stat('vehicles', caravans.vehicles)}
          {stat('km', caravans.km)}
          {stat('trips', caravans.trips)}
          {stat('activities', caravans.activities)}
          {stat('caravanSchools', caravans.schools)}
          {stat('caravanPeople', caravans.people)}
        </Section>
        <Section title={t('sectionTouring')}>
          {stat('touringStops', touring.stops)}
          {stat('touringVisits', touring.visits)}
        </Section>
      </Flex>
    </section>
  );
}

/** One card of figures under an h2, wrapping on a narrow screen. */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={<SectionHeading>{title}</SectionHeading>}
    >
      <Flex gap="16px 40px" wrap>
        {children}
      </Flex>
    </Card>
  );
}
