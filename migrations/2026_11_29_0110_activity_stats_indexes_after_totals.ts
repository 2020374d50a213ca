import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
// With daily totals answering the whole figures and those narrowed by one of
// type, campaign or series, the records are read only for what totals cannot
// answer: two dimensions at once (全国科普日 lectures, 科学家精神 film
// screenings), a place, partner units. The indexes for one dimension go;
// campaign and series, the narrow dimensions a second one is combined with,
// get indexes that also carry the other dimensions, so such a request seeks
// its campaign's or series' rows and reads nothing else. Fewer indexes also
// make every insert cheaper.
const measured = ['start_date', 'type_id', 'campaign_id', 'series', 'org_id', 'participants', 'quantity'];
const replaced = ['activities_stats_idx', 'activities_stats_type_idx', 'activities_stats_campaign_idx', 'activities_stats_series_idx'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of replaced) await db.schema.dropIndex(name).execute();
  for (const column of ['campaign_id', 'series']) {
    await db.schema
      .createIndex(`activities_${column}_figures_idx`)
      .on('activities')
      .columns(['status', column, ...measured.filter((c) => c !== column)])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['campaign_id', 'series']) await db.schema.dropIndex(`activities_${column}_figures_idx`).execute();
  const old = ['start_date', 'org_id', 'participants', 'quantity'];
  await db.schema.createIndex('activities_stats_idx').on('activities').columns(['status', ...old]).execute();
  for (const [name, column] of [['type', 'type_id'], ['campaign', 'campaign_id'], ['series', 'series']]) {
    await db.schema.createIndex(`activities_stats_${name}_idx`).on('activities').columns(['status', column!, ...old]).execute();
  }
}
