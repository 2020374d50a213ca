import sanitizeHtml from 'sanitize-html';

/**
 * Article bodies: one allow-list decides what HTML may be stored, whatever it
 * came from (the editor, paste from Word, the API). Anything else — scripts,
 * event handlers, styles, javascript: links, Word's mso- markup — is dropped
 * on save, so the portal can print the body as it is.
 */
const mediaId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const alignment = { 'text-align': [/^(left|right|center|justify)$/] };

const bodyAllowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'sub', 'sup', 'blockquote', 'ul', 'ol', 'li', 'hr',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img', 'figure', 'figcaption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['alt', 'data-media-id'],
    th: ['colspan', 'rowspan', 'style'],
    td: ['colspan', 'rowspan', 'style'],
    p: ['style'],
    h2: ['style'],
    h3: ['style'],
    h4: ['style'],
  },
  allowedStyles: { '*': alignment },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener noreferrer' } : { href: attribs.href ?? '', ...(attribs.title ? { title: attribs.title } : {}) } };
    },
  },
  // Images live in the media library; anything else (hotlinks, Word's file:// pictures) is dropped.
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !mediaId.test(frame.attribs['data-media-id'] ?? '')) ||
    // Word leaves empty paragraphs as spacing; the portal's styles do that.
    (frame.tag === 'p' && frame.text.trim() === '' && !/<img|<br/i.test(frame.text) && frame.mediaChildren.length === 0),
};

/** The stored form of a body: allow-listed HTML in which images are `<img data-media-id alt>`. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, bodyAllowList).trim();
}

/** Media ids of the images a (sanitised) body shows, in order. */
export function bodyImageIds(body: string): string[] {
  return [...body.matchAll(/<img\b[^>]*\bdata-media-id="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
}

/**
 * Portal form of a body: each library image replaced by the markup `imageFor`
 * gives (a responsive <picture>); an image no longer in the library vanishes.
 */
export function renderBody(body: string, imageFor: (id: string, alt: string) => string | undefined): string {
  return body.replace(/<img\b([^>]*)>/g, (_tag, attributes: string) => {
    const id = /\bdata-media-id="([0-9a-f-]{36})"/.exec(attributes)?.[1];
    const alt = /\balt="([^"]*)"/.exec(attributes)?.[1] ?? '';
    return (id && imageFor(id, unescapeHtml(alt))) ?? '';
  });
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };
function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => entities[entity]!);
}

/** The text of a body, blocks on their own lines: for search, summaries and diffs. */
export function bodyText(body: string): string {
  const withBreaks = body.replace(/<\/(p|h[2-4]|li|tr|blockquote|caption|figcaption)>|<br\s*\/?>/g, '$&\n').replace(/<\/t[dh]>/g, '$& ');
  const text = unescapeHtml(sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} }));
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** A plain-text summary of about `length` characters, cut at a sentence end when one is near. */
export function summarize(text: string, length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const sentenceEnd = Math.max(cut.lastIndexOf('。'), cut.lastIndexOf('！'), cut.lastIndexOf('？'));
  return sentenceEnd > length * 0.6 ? cut.slice(0, sentenceEnd + 1) : `${cut}…`;
}
