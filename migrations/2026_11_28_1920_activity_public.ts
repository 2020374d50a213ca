import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
// 公开: whether the portal shows an activity. Existing records stay internal until someone says otherwise.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activities').addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The public calendar reads public, verified activities by date.
  await db.schema.createIndex('activities_public_idx').on('activities').columns(['is_public', 'status', 'start_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_public_idx').execute();
  await db.schema.alterTable('activities').dropColumn('is_public').execute();
}
