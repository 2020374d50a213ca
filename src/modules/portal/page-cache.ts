import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * A page ready to send: its bytes in every encoding, compressed once when it
 * was rendered (compressing per request costs twenty times the serving), and
 * the full header set for each, so a hit only picks one and writes it.
 */
export interface ReadyPage {
  status: number;
  etag: string;
  bodies: Record<Encoding, Buffer>;
  headers: Record<Encoding, Record<string, string>>;
  tags: ReadonlySet<string>;
  /** What the entry costs the cache: all three bodies. */
  bytes: number;
}

export interface PageContent {
  status: number;
  contentType: string;
  body: string;
  /** Headers every answer carries (cache policy, security headers). */
  headers: Record<string, string>;
  /** What the page shows, so a change to any of it drops the page (see portal.invalidation.ts). */
  tags: readonly string[];
}

/** Renders a page into all its encodings. Used for cached pages and for ones that must not be cached alike. */
export async function preparePage(content: PageContent): Promise<ReadyPage> {
  const plain = Buffer.from(content.body, 'utf8');
  const [gzipped, brotlied] = await Promise.all([
    gzip(plain, { level: 9 }),
    // Quality 9 costs a few milliseconds for a 30 KB page, once; 11 would cost ten times that for 2–3% fewer bytes.
    brotli(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length } }),
  ]);
  const etag = `W/"${createHash('sha256').update(plain).digest('base64url').slice(0, 27)}"`;
  const base = { ...content.headers, 'content-type': content.contentType, etag };
  return {
    status: content.status,
    etag,
    bodies: { identity: plain, gzip: gzipped, br: brotlied },
    headers: {
      identity: base,
      gzip: { ...base, 'content-encoding': 'gzip' },
      br: { ...base, 'content-encoding': 'br' },
    },
    tags: new Set(content.tags),
    bytes: plain.length + gzipped.length + brotlied.length,
  };
}

/** The best encoding the client accepts, honouring `q=0`. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  let br = false;
  let gz = false;
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
    if (refused) continue;
    if (name === 'br') br = true;
    else if (name === 'gzip' || name === '*') gz = true;
  }
  return br ? 'br' : gz ? 'gzip' : 'identity';
}

/** Whether an If-None-Match header names this page's ETag (weak comparison, as for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
}

/**
 * Rendered pages in memory, least recently used dropped first once the bytes
 * exceed the budget. Each page carries tags naming what it shows; `invalidate`
 * drops exactly the pages showing something that changed.
 */
export class PageCache {
  private readonly pages = new Map<string, ReadyPage>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private totalBytes = 0;
  /** Moves on every invalidation: a page rendered from data read before it is not stored. */
  private generation = 0;

  constructor(readonly maxBytes: number) {}

  get size(): number {
    return this.pages.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): ReadyPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      // Map order is insertion order: re-inserting marks the page most recently used.
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** Call before reading the data a page shows; hand the ticket to `store`. */
  ticket(): number {
    return this.generation;
  }

  /** Keeps the page unless something was invalidated since `ticket` (its data may predate the change). */
  store(key: string, ticket: number, page: ReadyPage): boolean {
    if (ticket !== this.generation || page.bytes > this.maxBytes) return false;
    this.delete(key);
    this.pages.set(key, page);
    this.totalBytes += page.bytes;
    for (const tag of page.tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of this.pages.keys()) {
      if (this.totalBytes <= this.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  /** Drops every page carrying any of the tags; returns how many went. */
  invalidate(tags: Iterable<string>): number {
    this.generation++;
    let dropped = 0;
    for (const tag of tags) {
      for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
        if (this.delete(key)) dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
    this.keysByTag.clear();
    this.totalBytes = 0;
  }

  private delete(key: string): boolean {
    const page = this.pages.get(key);
    if (!page) return false;
    this.pages.delete(key);
    this.totalBytes -= page.bytes;
    for (const tag of page.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
    return true;
  }
}

/**
 * Renders in flight by cache key, with the cache ticket each began at.
 * Requests missing the same page at once share one render: after an
 * invalidation a popular page is rendered once, not once per waiting reader
 * (under `npm run soak` the home page's renders piled up until readers timed
 * out). A render begun before a later invalidation is not joined, so no one
 * is served what predates a change.
 */
export class SharedRenders {
  private readonly inFlight = new Map<string, { ticket: number; page: Promise<ReadyPage | undefined> }>();

  constructor(private readonly cache: PageCache) {}

  /** Joins the render of `key` begun since the last invalidation, or starts `render` with the current ticket (it stores the page itself). */
  get(key: string, render: (ticket: number) => Promise<ReadyPage | undefined>): Promise<ReadyPage | undefined> {
    const ticket = this.cache.ticket();
    const pending = this.inFlight.get(key);
    if (pending?.ticket === ticket) return pending.page;
    const started = { ticket, page: render(ticket) };
    this.inFlight.set(key, started);
    const forget = () => {
      if (this.inFlight.get(key) === started) this.inFlight.delete(key);
    };
    started.page.then(forget, forget);
    return started.page;
  }
}
