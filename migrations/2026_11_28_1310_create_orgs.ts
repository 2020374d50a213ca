import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('admin_code', 'text', (c) => c.unique())
    .addColumn('founded_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orgs_parent_name_idx').on('orgs').columns(['parent_id', 'name']).unique().execute();
  await db.schema.createIndex('orgs_type_founded_idx').on('orgs').columns(['type', 'founded_on']).execute();

  // Closure table: one row per (ancestor, descendant) pair, the org itself at depth 0.
  // Subtree and ancestor queries become one indexed equality lookup on both databases.
  await db.schema
    .createTable('org_closure')
    .addColumn('ancestor_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('descendant_id', 'text', (c) => c.notNull().references('orgs.id').onDelete('cascade'))
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_closure_pk', ['ancestor_id', 'descendant_id'])
    .execute();
  await db.schema.createIndex('org_closure_descendant_idx').on('org_closure').columns(['descendant_id', 'ancestor_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('org_closure').execute();
  await db.schema.dropTable('orgs').execute();
}
