/** Tables owned by the portal module. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SiteTables {}
