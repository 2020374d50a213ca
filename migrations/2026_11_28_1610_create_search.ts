import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Frozen: never edit once landed; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Postings refer to documents by a small integer rather than (kind, uuid):
  // there are hundreds of postings per document, so the key's width is most
  // of the index's size. SQLite numbers an INTEGER PRIMARY KEY by itself;
  // PostgreSQL needs an identity column for the same behaviour.
  // Ranking reads this table once per matching posting, so it stays narrow:
  // the text lives in search_document_texts, read only for the page shown.
  await db.schema
    .createTable('search_documents')
    .addColumn('key', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addUniqueConstraint('search_documents_kind_id_key', ['kind', 'id'])
    .execute();
  await db.schema.createIndex('search_documents_kind_published_idx').on('search_documents').columns(['kind', 'published_at']).execute();

  await db.schema
    .createTable('search_document_texts')
    .addColumn('doc_key', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();

  // Clustered on (term, doc_key) in SQLite (WITHOUT ROWID): a query reads every
  // posting of a few terms, and one B-tree instead of two halves the writes.
  // No foreign keys: PostgreSQL would check each of a document's hundreds of
  // postings one by one; the repository removes them with their document.
  const clustered = postgres ? sql`` : sql`without rowid`;
  await db.schema
    .createTable('search_postings')
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('doc_key', 'integer', (c) => c.notNull())
    .addColumn('title_tf', 'integer', (c) => c.notNull())
    .addColumn('body_tf', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_postings_pk', ['term', 'doc_key'])
    .modifyEnd(clustered)
    .execute();
  await db.schema.createIndex('search_postings_doc_idx').on('search_postings').column('doc_key').execute();

  await db.schema
    .createTable('search_document_tags')
    .addColumn('doc_key', 'integer', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_document_tags_pk', ['doc_key', 'tag'])
    .modifyEnd(clustered)
    .execute();
  await db.schema.createIndex('search_document_tags_tag_idx').on('search_document_tags').columns(['tag', 'doc_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_document_tags').execute();
  await db.schema.dropTable('search_postings').execute();
  await db.schema.dropTable('search_document_texts').execute();
  await db.schema.dropTable('search_documents').execute();
}
