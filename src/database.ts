import type { Kysely, Transaction } from 'kysely';
import type { ActivityTables } from './modules/activities/activity.table.ts';
import type { BookingTables } from './modules/bookings/booking.table.ts';
import type { AuditTables } from './modules/audit/audit.table.ts';
import type { AuthTables } from './modules/auth/auth.table.ts';
import type { ContentTables } from './modules/content/content.table.ts';
import type { MediaTables } from './modules/media/media.table.ts';
import type { OrgTables } from './modules/orgs/org.table.ts';
import type { SiteTables } from './modules/portal/site.table.ts';
import type { ReviewTables } from './modules/reports/review.table.ts';
import type { SearchTables } from './modules/search/search.table.ts';
import type { VenueTables } from './modules/venues/venue.table.ts';

/** Every table kexie has, each owned by the module whose folder declares it. */
export interface Database extends OrgTables, AuthTables, AuditTables, MediaTables, ContentTables, SearchTables, SiteTables, ActivityTables, VenueTables, BookingTables, ReviewTables {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
