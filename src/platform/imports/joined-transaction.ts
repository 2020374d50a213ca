import type { Trx } from '../../database.ts';
import type { ServiceContext } from '../context.ts';

/**
 * A transaction that a service may "open" again: `db.transaction().execute(fn)`
 * runs `fn` in the transaction already open instead of failing as Kysely does.
 * An import calls each row's service function unchanged (its checks, its audit
 * entry) while every row commits or rolls back together.
 */
export function joinable(trx: Trx): Trx {
  const joined: Trx = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => ({ execute: <T>(work: (inner: Trx) => Promise<T>) => work(joined) });
      const value = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields, reachable only with the real object as `this`.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return joined;
}

/** Runs `work` in one transaction, with a context whose services join it rather than opening their own. */
export function inOneTransaction<T>(ctx: ServiceContext, work: (joined: ServiceContext & { db: Trx }) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: joinable(trx) }));
}
