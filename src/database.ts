import type { Kysely, Transaction } from 'kysely';
import type { AuditTables } from './modules/audit/audit.table.ts';
import type { AuthTables } from './modules/auth/auth.table.ts';
import type { OrgTables } from './modules/orgs/org.table.ts';

/** Every table kexie has, each owned by the module whose folder declares it. */
export interface Database extends OrgTables, AuthTables, AuditTables {}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
