import { sql, type Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
// Daily totals of verified activities per org: one row per org and day with
// dimension '*' (every activity), and one per org, day and key of each
// dimension a report narrows by most (type, campaign, series). A year of a
// city is a few thousand rows per dimension however many activities it
// holds, so the annual report's counts and sums read these instead of the
// records. The activities repository keeps them in step with every write, in
// the same transaction; this migration fills them from the records once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_daily_totals')
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text')
    .addColumn('activities', 'integer', (c) => c.notNull())
    .addColumn('participants', 'bigint', (c) => c.notNull())
    .addColumn('quantity', 'bigint')
    .execute();
  // Covering: a report reads one dimension over a date range without touching the table.
  await db.schema
    .createIndex('activity_daily_totals_read_idx')
    .on('activity_daily_totals')
    .columns(['dimension', 'start_date', 'org_id', 'key', 'activities', 'participants', 'quantity'])
    .execute();
  await db.schema.createIndex('activity_daily_totals_org_day_idx').on('activity_daily_totals').columns(['org_id', 'start_date']).execute();
  const totals = (dimension: string, key: string | null) => sql`
    insert into activity_daily_totals (org_id, start_date, dimension, key, activities, participants, quantity)
    select org_id, start_date, ${sql.lit(dimension)}, ${key === null ? sql`null` : sql.ref(key)}, count(*), sum(participants), sum(quantity)
    from activities where status = 'verified'
    group by org_id, start_date${key === null ? sql`` : sql`, ${sql.ref(key)}`}`;
  await totals('*', null).execute(db);
  await totals('type', 'type_id').execute(db);
  await totals('campaign', 'campaign_id').execute(db);
  await totals('series', 'series').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_daily_totals').execute();
}
