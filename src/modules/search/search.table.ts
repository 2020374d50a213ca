import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * One searchable document (an article, …): its text as the reader sees it,
 * kept here so hits can be highlighted without asking the owning module.
 * `key` is a compact integer handle for postings; (kind, id) is the owner's.
 */
export interface SearchDocumentTable {
  key: Generated<number>;
  kind: string;
  id: string;
  title: string;
  body: string;
  published_at: string;
  /** Title terms × title weight + body terms: the document length BM25 normalises by. */
  length: number;
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
  search_postings: SearchPostingTable;
  search_document_tags: SearchDocumentTagTable;
}

export type SearchDocumentRow = Selectable<SearchDocumentTable>;
export type NewSearchDocumentRow = Insertable<SearchDocumentTable>;
export type NewSearchPostingRow = Insertable<SearchPostingTable>;
