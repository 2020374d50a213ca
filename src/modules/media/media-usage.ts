import type { Db } from '../../database.ts';

/**
 * Something that may point at media items (articles, site settings). Media
 * cannot import those modules, which import media; they register here
 * instead, and a delete is refused while any of them still uses the item.
 * Returns one short description per use, such as an article's title.
 */
export type MediaUsageSource = (db: Db, mediaId: string) => Promise<string[]>;

const sources = new Set<MediaUsageSource>();

/** Returns the function that unregisters the source. */
export function registerMediaUsageSource(source: MediaUsageSource): () => void {
  sources.add(source);
  return () => sources.delete(source);
}

export async function findMediaUses(db: Db, mediaId: string): Promise<string[]> {
  const uses = await Promise.all([...sources].map((source) => source(db, mediaId)));
  return uses.flat();
}
