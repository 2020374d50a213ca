import type { Db, Trx } from '../../database.ts';
import { nowIso } from '../../platform/clock.ts';
import { newId } from '../../platform/ids.ts';
import { deleteContentChangesBefore, findContentChangesSince, insertContentChange } from './article.repository.ts';

/** What changed on the public site: an article (and the columns it is or was listed in), or the column structure. */
export type ContentChange = { kind: 'article'; articleId: string; columnIds: string[] } | { kind: 'columns' };

type Listener = (change: ContentChange) => void;
const listeners = new Set<Listener>();

/** Called in this process after each committed change; returns the unsubscribe function. */
export function onContentChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `work` in a transaction that records what it changed in the change log
 * (for other server processes) and tells this process's listeners once the
 * transaction has committed — never about a change that rolled back.
 */
export async function withContentChanges<T>(db: Db, work: (trx: Trx, changed: (change: ContentChange) => void) => Promise<T>): Promise<T> {
  const changes: ContentChange[] = [];
  const result = await db.transaction().execute(async (trx) => {
    const value = await work(trx, (change) => changes.push(change));
    const at = nowIso();
    for (const change of changes) await insertContentChange(trx, { id: newId(), at, change: JSON.stringify(change) });
    return value;
  });
  for (const change of changes) for (const listener of listeners) listener(change);
  return result;
}

/** Changes recorded at or after `sinceIso`, by any process; pollers overlap their windows and drop repeats by id. */
export async function readContentChangesSince(db: Db, sinceIso: string): Promise<{ id: string; at: string; change: ContentChange }[]> {
  const rows = await findContentChangesSince(db, sinceIso);
  return rows.map((row) => ({ id: row.id, at: row.at, change: JSON.parse(row.change) as ContentChange }));
}

/** The log only needs to outlive the slowest poller; a day is plenty. */
export async function pruneContentChanges(db: Db, now = Date.now()): Promise<void> {
  await deleteContentChangesBefore(db, new Date(now - 24 * 3600_000).toISOString());
}
