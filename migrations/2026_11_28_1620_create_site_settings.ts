import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per site. The footer fields start empty and the name neutral, so a
  // fresh install renders a sensible portal before anyone opens the settings.
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
  await db
    .insertInto('site_settings')
    .values({
      id: 'default',
      site_name: '科学技术协会',
      logo_media_id: null,
      footer_text: '',
      sponsor: '',
      address: '',
      phone: '',
      icp_number: '',
      public_security_number: '',
      copyright_holder: '',
      updated_at: new Date().toISOString(),
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('site_settings').execute();
}
