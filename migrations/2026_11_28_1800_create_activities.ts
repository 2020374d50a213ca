import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['activity_types', 'activity_campaigns']) {
    let builder = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique());
    if (table === 'activity_types') builder = builder.addColumn('unit', 'text', (c) => c.notNull());
    await builder
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  }

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull().references('activity_types.id'))
    .addColumn('campaign_id', 'text', (c) => c.references('activity_campaigns.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('evidence_media_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('verified_by', 'text', (c) => c.references('users.id'))
    .addColumn('verified_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Figures group a year's activities by org, type, campaign or month: all start from the date range.
  await db.schema.createIndex('activities_start_idx').on('activities').columns(['start_date', 'status']).execute();
  await db.schema.createIndex('activities_org_idx').on('activities').columns(['org_id', 'start_date']).execute();
  // Duplicate check on import: the same title on the same day in the same org.
  await db.schema.createIndex('activities_identity_idx').on('activities').columns(['org_id', 'start_date', 'title']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activities').execute();
  await db.schema.dropTable('activity_campaigns').execute();
  await db.schema.dropTable('activity_types').execute();
}
