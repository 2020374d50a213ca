import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // 科普大篷车: a vehicle, known by its plate or a name, run by an org.
  await db.schema
    .createTable('caravans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('owner_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('caravans_owner_idx').on('caravans').column('owner_org_id').execute();

  await db.schema
    .createTable('caravan_trips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('caravan_id', 'text', (c) => c.notNull().references('caravans.id'))
    .addColumn('trip_date', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    // school or place; schools are counted by the normalised name.
    .addColumn('destination_kind', 'text', (c) => c.notNull())
    .addColumn('destination_key', 'text', (c) => c.notNull())
    .addColumn('county_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('km', 'integer', (c) => c.notNull())
    .addColumn('activities', 'integer', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('caravan_trips_date_idx').on('caravan_trips').column('trip_date').execute();
  // One log line per vehicle, day and destination: an import repeated is refused, not added.
  await db.schema.createIndex('caravan_trips_entry_idx').on('caravan_trips').columns(['caravan_id', 'trip_date', 'destination_key']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('caravan_trips').execute();
  await db.schema.dropTable('caravans').execute();
}
