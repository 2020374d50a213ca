import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
// activities_identity_idx (org_id, start_date, title) serves every lookup
// activities_org_idx (org_id, start_date) did; keeping both only made each
// insert maintain one more index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activities_org_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('activities_org_idx').on('activities').columns(['org_id', 'start_date']).execute();
}
