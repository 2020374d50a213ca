import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../src/bootstrap.ts';
import { figuresFor } from '../../src/modules/activities/index.ts';
import { computeBreakdown, computeIndicators, yearPeriod, type IndicatorValue } from '../../src/modules/stats/index.ts';
import { startTestKexie, type TestKexie } from '../helpers/test-app.ts';

/** The seed's 2024 figures, each computed by stats from the demo's records. */
describe('stats over the demo data reproduce the 2024 review’s figures', () => {
  let kexie: TestKexie;
  let values: IndicatorValue[];
  const value = (code: string) => values.find((v) => v.code === code)!.value;

  beforeAll(async () => {
    kexie = await startTestKexie();
    await loadDemoData(kexie.db, kexie.config);
    values = await computeIndicators(kexie.db, { orgId: kexie.root.id, ...yearPeriod(2024), locale: 'zh-CN' });
  });
  afterAll(() => kexie.close());

  it('counts the 2758 verified activities and the person-times they reached', async () => {
    expect(value('activities.count')).toBe(2758);
    expect(value('activities.participants')).toBe(2_409_339); // above the review's 超过200万
    // The activities module sums the same records its own way.
    const official = await figuresFor(kexie.db, { scopeRootId: kexie.root.id, year: 2024, verifiedOnly: true });
    expect([value('activities.count'), value('activities.participants')]).toEqual([official.count, official.participants]);
  });

  it('reproduces the museum system’s figures', async () => {
    expect(value('venues.museums.open')).toBe(7);
    expect(value('caravans.vehicles')).toBe(6);
    expect(value('caravans.trips')).toBe(270);
    expect(value('caravans.people')).toBe(208_000);
    expect(value('touring.visits')).toBe(246_000);
    const [cityMuseum] = await computeIndicators(kexie.db, { orgId: kexie.root.id, ...yearPeriod(2024), requests: [{ code: 'venues.visits', where: { venue: '南阳市科技馆' } }], locale: 'zh-CN' });
    expect(cityMuseum!.value).toBe(335_600);
  });

  it('counts the societies, enterprise associations and service stations founded in 2024', () => {
    expect([value('orgs.new.society'), value('orgs.new.enterprise_association'), value('orgs.new.service_station')]).toEqual([4, 39, 7]);
  });

  it('breaks the year’s activities down by county, every county present, adding up to the total', async () => {
    const rows = await computeBreakdown(kexie.db, { code: 'activities.count', dimension: 'county', orgId: kexie.root.id, ...yearPeriod(2024), locale: 'zh-CN' });
    expect(rows.filter((row) => row.label.endsWith('科协') && !row.label.endsWith('本级'))).toHaveLength(13);
    expect(rows.reduce((sum, row) => sum + row.value, 0)).toBe(2758);
  });
});
