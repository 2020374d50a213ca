import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
// One row per deleted activity, written in the deletion's transaction. The
// portal's page caches in other server processes notice a change of the
// public activities by a version taken over the records; a record created and
// deleted between two of their polls left that version as it was, and a page
// one of them had rendered with the record in between stayed cached. The
// number of deletions only grows, so the version moves with every one.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_deletions')
    .addColumn('activity_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_deletions').execute();
}
