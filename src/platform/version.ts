import { readFileSync } from 'node:fs';

/** kexie's own version, from package.json. */
export const kexieVersion: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
