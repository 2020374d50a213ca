import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // 馆校合作 到校活动: a venue's staff taking an activity to a school.
  await db.schema
    .createTable('venue_outreach_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('school_name', 'text', (c) => c.notNull())
    // The name normalised (width, spaces, brackets): schools are counted by it.
    .addColumn('school_key', 'text', (c) => c.notNull())
    .addColumn('county_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('activity', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venue_outreach_date_idx').on('venue_outreach_visits').column('visit_date').execute();
  // One record of a venue's visit to a school on a day.
  await db.schema.createIndex('venue_outreach_entry_idx').on('venue_outreach_visits').columns(['venue_id', 'visit_date', 'school_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('venue_outreach_visits').execute();
}
