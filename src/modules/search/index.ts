/** Chinese full-text search: segmentation, an inverted index in the database, ranked hits with highlighted snippets. */
export type { SearchTables } from './search.table.ts';
