import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per site, written on the first save. Until then the portal uses
  // neutral defaults (schema only here: a migration that seeded rows would make
  // a fresh database look as if it held data, e.g. to a restore).
  await db.schema
    .createTable('site_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_name', 'text', (c) => c.notNull())
    .addColumn('logo_media_id', 'text')
    .addColumn('footer_text', 'text', (c) => c.notNull())
    .addColumn('sponsor', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('icp_number', 'text', (c) => c.notNull())
    .addColumn('public_security_number', 'text', (c) => c.notNull())
    .addColumn('copyright_holder', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_settings').execute();
}
