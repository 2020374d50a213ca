/**
 * Timestamps are stored as ISO-8601 UTC text on both databases: they sort and
 * compare as strings, and read back identically from SQLite and PostgreSQL.
 */
export function nowIso(): string {
  return new Date().toISOString();
}

export function isoAfter(seconds: number, from: Date = new Date()): string {
  return new Date(from.getTime() + seconds * 1000).toISOString();
}
