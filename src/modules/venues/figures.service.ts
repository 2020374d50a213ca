import type { Db } from '../../database.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { translate, type Locale } from '../../platform/i18n/catalogue.ts';
import { isOrgInSubtree } from '../orgs/index.ts';
import { yearBounds } from './calendar.ts';
import * as caravanRepo from './caravan.repository.ts';
import type { VenueFigureDimension, VenueFigures, VenueFiguresQuery } from './figures.schemas.ts';
import * as outreachRepo from './outreach.repository.ts';
import { orgsById } from './places.ts';
import * as touringRepo from './touring.repository.ts';
import { venuePolicy } from './venue.policy.ts';
import * as venueRepo from './venue.repository.ts';
import * as visitRepo from './visit.repository.ts';
import './venue.messages.ts';

/** What each section is broken down by for each dimension asked; none where it does not apply (caravans by venue kind). */
const sectionDimension = {
  venue: { visits: 'venue', outreach: 'venue', trips: 'caravan', stops: 'show' },
  county: { visits: 'county', outreach: 'county', trips: 'county', stops: 'county' },
  month: { visits: 'month', outreach: 'month', trips: 'month', stops: 'month' },
  kind: { visits: 'kind', outreach: 'kind', trips: undefined, stops: undefined },
} as const satisfies Record<VenueFigureDimension, Record<string, string | undefined>>;

/** The year's figures of the museum system within an org's subtree, for the actor's scope. */
export async function venueFigures(ctx: ServiceContext, query: VenueFiguresQuery): Promise<VenueFigures> {
  venuePolicy.assertCan(ctx.actor, 'read');
  const scopeRootId = query.orgId ?? ctx.actor.orgId;
  if (query.orgId && !(await isOrgInSubtree(ctx.db, ctx.actor.orgId, query.orgId))) throw new AppError('VENUE_FIGURES_ORG_OUT_OF_SCOPE', 404);
  return figuresFor(ctx.db, { scopeRootId, year: query.year ?? new Date().getFullYear(), by: query.by, locale: ctx.locale });
}

/**
 * The same figures without an actor, for stats and reports, which apply their
 * own scope: venues by kind and status; visitors by venue, county, month or
 * kind; school outreach; caravan trips; touring stops. Nothing here is a
 * stored total: every number is summed or counted from the records.
 */
export async function figuresFor(db: Db, query: { scopeRootId: string; year: number; by?: VenueFigureDimension; locale?: Locale }): Promise<VenueFigures> {
  const locale = query.locale ?? 'zh-CN';
  const filter = { scopeRootId: query.scopeRootId, ...yearBounds(query.year) };
  const dims = query.by ? sectionDimension[query.by] : undefined;
  const none = Promise.resolve([]);
  const [venueCounts, [visits], [outreach], [trips], [stops], vehicles, visitGroups, outreachGroups, tripGroups, stopGroups] = await Promise.all([
    venueRepo.countVenuesByKindAndStatus(db, query.scopeRootId),
    visitRepo.aggregateVisits(db, filter),
    outreachRepo.aggregateOutreach(db, filter),
    caravanRepo.aggregateTrips(db, filter),
    touringRepo.aggregateStops(db, filter),
    caravanRepo.countActiveCaravans(db, query.scopeRootId),
    dims ? visitRepo.aggregateVisits(db, filter, dims.visits) : none,
    dims ? outreachRepo.aggregateOutreach(db, filter, dims.outreach) : none,
    dims?.trips ? caravanRepo.aggregateTrips(db, filter, dims.trips) : none,
    dims?.stops ? touringRepo.aggregateStops(db, filter, dims.stops) : none,
  ]);
  const label = await labeller(db, locale, query.by, { visits: visitGroups, outreach: outreachGroups, trips: tripGroups, stops: stopGroups });
  const { key: _v, ...visitTotals } = visits!;
  const { key: _o, ...outreachTotals } = outreach!;
  const { key: _t, ...tripTotals } = trips!;
  const { key: _s, ...stopTotals } = stops!;
  return {
    year: query.year,
    orgId: query.scopeRootId,
    venues: {
      count: venueCounts.reduce((sum, c) => sum + c.count, 0),
      byKindAndStatus: venueCounts.map((c) => ({ ...c, kindLabel: translate(locale, `venue.kind.${c.kind}`), statusLabel: translate(locale, `venue.status.${c.status}`) })),
    },
    visits: { ...visitTotals, groupsBy: visitGroups.map((g) => ({ ...g, label: label.visits(g.key) })) },
    outreach: { ...outreachTotals, groupsBy: outreachGroups.map((g) => ({ ...g, label: label.outreach(g.key) })) },
    caravans: { vehicles, ...tripTotals, groupsBy: tripGroups.map((g) => ({ ...g, label: label.trips(g.key) })) },
    touring: { ...stopTotals, groupsBy: stopGroups.map((g) => ({ ...g, label: label.stops(g.key) })) },
  };
}

/** Names for the breakdown keys: venues, vehicles, shows and orgs looked up once; months as they are; kinds from the catalogue. */
async function labeller(db: Db, locale: Locale, by: VenueFigureDimension | undefined, groups: Record<'visits' | 'outreach' | 'trips' | 'stops', { key: string }[]>) {
  const keys = (section: keyof typeof groups) => groups[section].map((g) => g.key);
  const asIs = (key: string) => key;
  if (by === 'venue') {
    const [venues, caravans, shows] = await Promise.all([
      venueRepo.findVenuesByIds(db, [...new Set([...keys('visits'), ...keys('outreach')])]),
      caravanRepo.findCaravansByIds(db, keys('trips')),
      touringRepo.findShowsByIds(db, keys('stops')),
    ]);
    const names = new Map([...venues, ...caravans, ...shows].map((row) => [row.id, row.name]));
    const name = (key: string) => names.get(key) ?? key;
    return { visits: name, outreach: name, trips: name, stops: name };
  }
  if (by === 'county') {
    const orgs = await orgsById(db, Object.values(groups).flatMap((list) => list.map((g) => g.key)));
    const name = (key: string) => orgs.get(key)?.name ?? key;
    return { visits: name, outreach: name, trips: name, stops: name };
  }
  if (by === 'kind') {
    const kind = (key: string) => translate(locale, `venue.kind.${key}`);
    return { visits: kind, outreach: kind, trips: asIs, stops: asIs };
  }
  return { visits: asIs, outreach: asIs, trips: asIs, stops: asIs };
}
