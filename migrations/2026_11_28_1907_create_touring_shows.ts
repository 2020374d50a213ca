import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // 流动科技馆 / 区域化巡展: an exhibition that tours, run by an org.
  await db.schema
    .createTable('touring_shows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('touring_shows_owner_idx').on('touring_shows').column('owner_org_id').execute();

  // A stop of the tour: hosted by a venue, a school or another place, with the visits it drew.
  await db.schema
    .createTable('touring_stops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('show_id', 'text', (c) => c.notNull().references('touring_shows.id'))
    .addColumn('host_kind', 'text', (c) => c.notNull())
    .addColumn('host_venue_id', 'text', (c) => c.references('venues.id'))
    .addColumn('host_name', 'text', (c) => c.notNull())
    .addColumn('host_key', 'text', (c) => c.notNull())
    .addColumn('county_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('visits', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('touring_stops_date_idx').on('touring_stops').column('start_date').execute();
  await db.schema.createIndex('touring_stops_entry_idx').on('touring_stops').columns(['show_id', 'start_date', 'host_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('touring_stops').execute();
  await db.schema.dropTable('touring_shows').execute();
}
