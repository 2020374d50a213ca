/** Chinese full-text search: segmentation, an inverted index in the database, ranked hits with highlighted snippets. */
export { indexDocument, indexDocuments, removeDocument, searchDocuments, segmentWords, maxPageSize } from './search.service.ts';
export type { SearchableDocument, SearchQuery, SearchHit, SearchResult } from './search.service.ts';
export type { Executor } from './search.repository.ts';
export type { SearchTables } from './search.table.ts';
