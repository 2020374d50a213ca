import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('venues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('county_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venues_owner_idx').on('venues').column('owner_org_id').execute();

  await db.schema
    .createTable('venue_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('individual_visitors', 'integer', (c) => c.notNull())
    .addColumn('group_visitors', 'integer', (c) => c.notNull())
    .addColumn('groups', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venue_visits_venue_date_idx').on('venue_visits').columns(['venue_id', 'visit_date']).execute();
  await db.schema.createIndex('venue_visits_date_idx').on('venue_visits').column('visit_date').execute();
  // One figure per venue, day or month and way of counting when staff enter it; a booking is counted once.
  await db.schema.createIndex('venue_visits_entry_idx').on('venue_visits').columns(['venue_id', 'visit_date', 'period', 'source', 'source_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_visits').execute();
  await db.schema.dropTable('venues').execute();
}
