import type { Db } from '../database.ts';
import type { Actor } from './auth-core.ts';
import type { Locale } from './i18n/catalogue.ts';

/**
 * What a service call needs besides its input: the database, who acts, and
 * what to write in the audit log about where the call came from.
 */
export interface ServiceContext {
  db: Db;
  actor: Actor;
  locale: Locale;
  requestId?: string;
  ip?: string;
}

/** The command line acts with full rights over the tree under `rootOrgId`. */
export function systemContext(db: Db, rootOrgId: string, command: string): ServiceContext {
  return {
    db,
    locale: 'zh-CN',
    actor: { kind: 'system', userId: null, username: `cli:${command}`, orgId: rootOrgId, roles: ['admin'] },
  };
}
