import { Card, Flex, Grid, Radio, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useBreadcrumbs } from '../../app/AppLayout.tsx';
import { useT } from '../../app/i18n.tsx';
import { pageTitleStyle } from '../orgs/page-title.ts';
import { CaravansTab } from './CaravansTab.tsx';
import { OutreachTab } from './OutreachTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { TouringTab } from './TouringTab.tsx';
import { venueParam } from './VenuePicker.tsx';
import { VenuesTab } from './VenuesTab.tsx';
import { VisitsTab } from './VisitsTab.tsx';
import { venueMessages } from './messages.ts';

const tabs = ['overview', 'venues', 'visits', 'outreach', 'caravans', 'touring'] as const;
type TabKey = (typeof tabs)[number];
const tabLabels = { overview: 'tabOverview', venues: 'tabVenues', visits: 'tabVisits', outreach: 'tabOutreach', caravans: 'tabCaravans', touring: 'tabTouring' } as const;

/**
 * /venues: 科技馆体系 — the year's figures, the venues, each venue's visitors
 * and school visits, the caravans with their trips and the touring shows with
 * their stops. The tab is in the address, so a link or the back button lands on it.
 */
export default function VenueSystemPage() {
  const t = useT(venueMessages);
  const narrow = !Grid.useBreakpoint().sm;
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const active: TabKey = tabs.find((tab) => tab === requested) ?? 'overview';
  useBreadcrumbs(active === 'overview' ? [{ title: t('title') }] : [{ title: t('title'), to: '/venues' }, { title: t(tabLabels[active]) }]);

  const open = (tab: TabKey, extra: Record<string, string> = {}) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('tab', tab);
      for (const [key, value] of Object.entries(extra)) next.set(key, value);
      return next;
    });

  const content: Record<TabKey, () => ReactNode> = {
    overview: () => <OverviewTab />,
    venues: () => <VenuesTab onOpenVisits={(venueId) => open('visits', { [venueParam]: venueId })} />,
    visits: () => <VisitsTab />,
    outreach: () => <OutreachTab />,
    caravans: () => <CaravansTab />,
    touring: () => <TouringTab />,
  };

  // Six tabs do not fit a phone, and Ant Design's overflow menu breaks the tab list's semantics:
  // there the sections are a wrapping row of choices above the content.
  const sections = narrow ? (
    <Flex vertical gap={12}>
      <Radio.Group
        aria-label={t('sections')}
        optionType="button"
        buttonStyle="solid"
        value={active}
        onChange={(event) => open(event.target.value as TabKey)}
        options={tabs.map((key) => ({ value: key, label: t(tabLabels[key]) }))}
      />
      {content[active]()}
    </Flex>
  ) : (
    <Tabs activeKey={active} onChange={(key) => open(key as TabKey)} destroyOnHidden items={tabs.map((key) => ({ key, label: t(tabLabels[key]), children: key === active ? content[key]() : null }))} />
  );

  return (
    <Card size={narrow ? 'small' : 'default'} title={<Typography.Title level={1} style={pageTitleStyle}>{t('title')}</Typography.Title>}>
      {sections}
    </Card>
  );
}
