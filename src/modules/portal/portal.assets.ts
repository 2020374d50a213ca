import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preparePage, type ReadyPage } from './page-cache.ts';

const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
export const assetPrefix = '/portal-assets/';

interface Asset {
  url: string;
  ready: Promise<ReadyPage>;
}

/**
 * A file from assets/ under a name carrying its content hash, so it can be
 * cached for a year: a new version is a new URL.
 */
function hashedAsset(file: string, contentType: string): Asset {
  const body = fs.readFileSync(path.join(assetsDir, file), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const ext = path.extname(file);
  const url = `${assetPrefix}${path.basename(file, ext)}.${hash}${ext}`;
  const ready = preparePage({
    status: 200,
    contentType,
    body,
    headers: { 'cache-control': 'public, max-age=31536000, immutable', vary: 'Accept-Encoding' },
    tags: [],
  });
  return { url, ready };
}

export const stylesheet = hashedAsset('portal.css', 'text/css; charset=utf-8');
/** 公网安备 badge beside the filing number in the footer: drawn for kexie, not the official artwork. */
export const beianBadge = hashedAsset('beian-badge.svg', 'image/svg+xml');

export const favicon = hashedAsset('favicon.svg', 'image/svg+xml');

const byUrl = new Map([stylesheet, beianBadge, favicon].map((asset) => [asset.url, asset]));

export function findAsset(url: string): Asset | undefined {
  return byUrl.get(url);
}
