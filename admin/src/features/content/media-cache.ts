import { useCallback, useEffect, useState } from 'react';
import { fetchMedia, type MediaInfo } from './api.ts';

/**
 * Library items the page needs to show by id (cover, attachments, body
 * images), each fetched once. An item that cannot be loaded (deleted since)
 * is remembered as null, so it is not asked for again.
 */
export function useMediaItems(ids: readonly string[]) {
  const [items, setItems] = useState<ReadonlyMap<string, MediaInfo | null>>(new Map());
  const key = ids.join(',');

  useEffect(() => {
    const missing = key.split(',').filter((id) => id && !items.has(id));
    if (missing.length === 0) return;
    let current = true;
    void Promise.all(missing.map((id) => fetchMedia(id).then((item): [string, MediaInfo | null] => [id, item], (): [string, null] => [id, null]))).then((loaded) => {
      if (current) setItems((before) => new Map([...before, ...loaded]));
    });
    return () => {
      current = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `items` only filters what is already known

  /** An item just picked in the library: known without asking the server. */
  const remember = useCallback((item: MediaInfo) => setItems((before) => new Map([...before, [item.id, item]])), []);
  return { items, remember };
}

/** The library URL of each body image, by media id, for showing them in the editor. */
export async function imageUrls(ids: string[]): Promise<Map<string, string>> {
  const loaded = await Promise.all(ids.map((id) => fetchMedia(id).then((item) => [id, item.url] as const, () => undefined)));
  return new Map(loaded.filter((entry) => entry !== undefined));
}
