/**
 * The server stores body images as `<img data-media-id alt>` and renders the
 * responsive picture itself, so a saved body has no `src`. The editor needs
 * one to show the picture: these put the library URL back for editing.
 */
const imageTag = /<img\b[^>]*>/g;
const mediaIdAttribute = /\bdata-media-id="([0-9a-f-]{36})"/;

/** The media ids of a body's images, each once, in order. */
export function bodyImageIds(html: string): string[] {
  const ids = [...html.matchAll(imageTag)].map((m) => mediaIdAttribute.exec(m[0])?.[1]).filter((id): id is string => !!id);
  return [...new Set(ids)];
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The body with each library image's `src` set from `urls` (by media id); images without a known URL are left as they are. */
export function withImageSources(html: string, urls: ReadonlyMap<string, string>): string {
  return html.replace(imageTag, (tag) => {
    const url = urls.get(mediaIdAttribute.exec(tag)?.[1] ?? '');
    if (!url) return tag;
    return tag.replace(/\s+src="[^"]*"/, '').replace(/^<img\b/, `<img src="${escapeAttribute(url)}"`);
  });
}
