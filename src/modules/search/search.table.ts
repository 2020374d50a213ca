import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * One searchable document (an article, …). `key` is a compact integer handle
 * for postings; (kind, id) is the owner's.
 */
export interface SearchDocumentTable {
  key: Generated<number>;
  kind: string;
  id: string;
  published_at: string;
  /** Title terms × title weight + body terms: the document length BM25 normalises by. */
  length: number;
}

/** A document's text as the reader sees it, kept so hits are highlighted without asking the owning module. */
export interface SearchDocumentTextTable {
  doc_key: number;
  title: string;
  body: string;
}

/** Inverted index: how often one term occurs in one document's title and body. */
export interface SearchPostingTable {
  term: string;
  doc_key: number;
  title_tf: number;
  body_tf: number;
}

/** Filter labels on a document, e.g. `column:<id>`. */
export interface SearchDocumentTagTable {
  doc_key: number;
  tag: string;
}

/** Tables owned by the search module. */
export interface SearchTables {
  search_documents: SearchDocumentTable;
  search_document_texts: SearchDocumentTextTable;
  search_postings: SearchPostingTable;
  search_document_tags: SearchDocumentTagTable;
}

export type SearchDocumentRow = Selectable<SearchDocumentTable>;
export type NewSearchDocumentRow = Insertable<SearchDocumentTable>;
export type NewSearchPostingRow = Insertable<SearchPostingTable>;
