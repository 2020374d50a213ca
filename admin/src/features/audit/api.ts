import { api, type Page, type Query } from '../../app/api.ts';

/** What an audit entry can be about, one per kind of record the modules audit (in the order of the filter's list). */
export const auditEntities = [
  'org',
  'user',
  'session',
  'article',
  'column',
  'review_levels',
  'media',
  'site_settings',
  'activity',
  'activity_type',
  'activity_campaign',
  'venue',
  'venue_visit',
  'venue_outreach',
  'caravan',
  'caravan_trip',
  'touring_show',
  'touring_stop',
  'booking_slot',
  'booking',
  'annual_review',
] as const;
export type AuditEntity = (typeof auditEntities)[number];

/** What was done: the writes and sign-in events the modules record. */
export const auditActions = [
  'create',
  'update',
  'delete',
  'move',
  'import',
  'generate',
  'submit',
  'approve',
  'return',
  'recall',
  'restore',
  'publish',
  'scheduled_publish',
  'withdraw',
  'withdraw_reason',
  'verify',
  'refresh',
  'change',
  'cancel',
  'confirm',
  'refuse',
  'attendance',
  'promote',
  'reset_password',
  'revoke_sessions',
  'update_self',
  'change_password',
  'login',
  'logout',
  'login_failed',
  'lockout',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** One recorded write or sign-in event, as GET /audit returns it. */
export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  /** Kept even when the actor is gone; `cli:<command>` for the command line; the attempted name for a failed login. */
  actorUsername: string | null;
  orgId: string | null;
  entity: AuditEntity;
  entityId: string | null;
  action: AuditAction;
  /** The record before the write; null for a creation. */
  before: unknown;
  /** The record after the write; null for a deletion. */
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export const fetchAuditEntries = (query: Query) => api<Page<AuditEntry>>('GET', '/audit', undefined, query);

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** The readable name of what an entry is about: an org's name, a user's name and username, else its id. */
export function entityName(entry: Pick<AuditEntry, 'before' | 'after' | 'entityId'>): { name: string; detail?: string } | undefined {
  for (const record of [entry.after, entry.before]) {
    if (typeof record !== 'object' || record === null) continue;
    const fields = record as Record<string, unknown>;
    const name = text(fields.name) ?? text(fields.displayName);
    const username = text(fields.username);
    if (name) return { name, detail: username };
    if (username) return { name: username };
  }
  return entry.entityId ? { name: entry.entityId } : undefined;
}
