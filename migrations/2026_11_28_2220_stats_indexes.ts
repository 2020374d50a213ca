import { sql, type Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
// The annual report reads activities by verification status and date, whole
// or narrowed by type, campaign, series or place. Each index leads with the
// status and the narrowing column, so a narrowed request seeks only its rows,
// already grouped by key (no sort), and carries the date, the org and the
// measured columns, so the report never reads the wide table rows. Partner
// units are counted from a partial index of the few activities that have any.
const measured = ['start_date', 'org_id', 'participants', 'quantity'];
const narrowings = { type: 'type_id', campaign: 'campaign_id', series: 'series', venue: 'venue' } as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('activities_stats_idx').on('activities').columns(['status', ...measured]).execute();
  for (const [name, column] of Object.entries(narrowings)) {
    await db.schema.createIndex(`activities_stats_${name}_idx`).on('activities').columns(['status', column, ...measured]).execute();
  }
  await db.schema
    .createIndex('activities_stats_partners_idx')
    .on('activities')
    .columns(['status', 'start_date', 'org_id', ...Object.values(narrowings), 'partners'])
    .where(sql.ref('partners'), '<>', sql.lit('[]'))
    .execute();
  await db.schema.createIndex('venue_visits_stats_idx').on('venue_visits').columns(['visit_date', 'venue_id', 'individual_visitors', 'group_visitors', 'groups']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('venue_visits_stats_idx').execute();
  await db.schema.dropIndex('activities_stats_partners_idx').execute();
  for (const name of Object.keys(narrowings)) await db.schema.dropIndex(`activities_stats_${name}_idx`).execute();
  await db.schema.dropIndex('activities_stats_idx').execute();
}
