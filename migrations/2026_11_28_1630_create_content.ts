import type { Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_columns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('content_columns.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('list_style', 'text', (c) => c.notNull())
    .addColumn('in_nav', 'integer', (c) => c.notNull())
    .addColumn('on_home', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_columns_parent_idx').on('content_columns').columns(['parent_id', 'position']).execute();

  await db.schema
    .createTable('review_levels')
    .addColumn('level', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_level', 'integer')
    .addColumn('review_revision_id', 'text')
    .addColumn('review_started_at', 'text')
    .addColumn('current_revision_id', 'text', (c) => c.notNull())
    .addColumn('revision_count', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('column_ids', 'text', (c) => c.notNull())
    .addColumn('cover_media_id', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('is_focus', 'integer', (c) => c.notNull())
    .addColumn('is_pinned', 'integer', (c) => c.notNull())
    .addColumn('publish_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('articles_org_idx').on('articles').column('org_id').execute();
  await db.schema.createIndex('articles_status_idx').on('articles').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('articles_updated_idx').on('articles').column('updated_at').execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_revisions_number_uq', ['article_id', 'number'])
    .execute();

  await db.schema
    .createTable('article_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('revision_id', 'text', (c) => c.notNull().references('article_revisions.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('level_name', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id'))
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_reviews_article_idx').on('article_reviews').columns(['article_id', 'created_at']).execute();

  await db.schema
    .createTable('live_articles')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id'))
    .addColumn('revision_id', 'text', (c) => c.notNull().references('article_revisions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('primary_column_id', 'text', (c) => c.notNull().references('content_columns.id'))
    .addColumn('cover_media_id', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('attachment_ids', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('reviewers', 'text', (c) => c.notNull())
    .addColumn('is_focus', 'integer', (c) => c.notNull())
    .addColumn('is_pinned', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_articles_order_idx').on('live_articles').columns(['is_pinned', 'published_at']).execute();
  await db.schema.createIndex('live_articles_focus_idx').on('live_articles').columns(['is_focus', 'published_at']).execute();

  await db.schema
    .createTable('live_article_columns')
    .addColumn('article_id', 'text', (c) => c.notNull().references('live_articles.article_id').onDelete('cascade'))
    .addColumn('column_id', 'text', (c) => c.notNull().references('content_columns.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('is_pinned', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('live_article_columns_pk', ['column_id', 'article_id'])
    .execute();
  // A column page is one range scan: pinned first, newest first.
  await db.schema.createIndex('live_article_columns_list_idx').on('live_article_columns').columns(['column_id', 'is_pinned', 'published_at']).execute();

  await db.schema
    .createTable('content_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_changes_at_idx').on('content_changes').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['content_changes', 'live_article_columns', 'live_articles', 'article_reviews', 'article_revisions', 'articles', 'review_levels', 'content_columns']) {
    await db.schema.dropTable(table).execute();
  }
}
