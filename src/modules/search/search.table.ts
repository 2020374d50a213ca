/** Tables owned by the search module. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SearchTables {}
