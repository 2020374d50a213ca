/** Tables owned by the content module. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ContentTables {}
