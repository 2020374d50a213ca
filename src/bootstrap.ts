import type { Db } from './database.ts';
import type { Config } from './platform/config.ts';
import { openDatabase } from './platform/db/connection.ts';
import { migrateToLatest } from './platform/db/migrator.ts';
import { ensureActivityVocabularies, loadDemoActivities } from './modules/activities/index.ts';
import { loadDemoUsers } from './modules/auth/index.ts';
import { loadDemoBookings } from './modules/bookings/index.ts';
import { loadDemoContent } from './modules/content/index.ts';
import { ensureSeedOrgs, loadDemoOrgs, type OrgRow } from './modules/orgs/index.ts';
import { loadDemoSite } from './modules/portal/index.ts';
import { loadDemoVenues } from './modules/venues/index.ts';

/** Opens the configured database, brings its schema up to date and seeds the organisation tree if empty. */
export async function openKexie(config: Config): Promise<{ db: Db; root: OrgRow }> {
  const db = openDatabase<any>(config) as Db;
  try {
    await migrateToLatest(db);
    const root = await ensureSeedOrgs(db);
    await ensureActivityVocabularies(db);
    return { db, root };
  } catch (err) {
    await db.destroy();
    throw err;
  }
}

/**
 * The demo data set, each module adding its part. Every part skips what is
 * already there, so loading twice changes nothing.
 */
export async function loadDemoData(db: Db, config: Config): Promise<{ part: string; created: number }[]> {
  const orgs = await loadDemoOrgs(db);
  const users = await loadDemoUsers(db, config.demoAdminPassword);
  const site = await loadDemoSite(db);
  const articles = await loadDemoContent(db);
  const activities = await loadDemoActivities(db);
  const venues = await loadDemoVenues(db);
  // After the venues' demo: the bookings are for 南阳市科技馆.
  const bookings = await loadDemoBookings(db);
  return [
    { part: 'organisations', created: orgs },
    { part: 'users', created: users.length },
    { part: 'site settings', created: site ? 1 : 0 },
    { part: 'articles', created: articles },
    { part: 'activities', created: activities.verified },
    { part: 'activities awaiting verification', created: activities.reported },
    { part: 'venues', created: venues.venues },
    { part: 'venue visit figures', created: venues.visits },
    { part: 'school outreach visits', created: venues.outreach },
    { part: 'caravan trips', created: venues.trips },
    { part: 'touring show stops', created: venues.stops },
    { part: 'coming activities', created: activities.upcoming },
    { part: 'booking slots', created: bookings.slots },
    { part: 'group bookings', created: bookings.bookings },
  ];
}
