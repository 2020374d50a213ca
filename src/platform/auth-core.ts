import { AppError } from './errors.ts';

/** The roles a user may hold; a user may hold several. */
export const roles = ['admin', 'editor', 'reviewer', 'reporter', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * Who is acting. `orgId` is the root of their data scope: the org and every
 * org under it. The command line acts as a `system` actor scoped to the root.
 */
export interface Actor {
  kind: 'user' | 'system';
  userId: string | null;
  username: string;
  orgId: string;
  roles: readonly Role[];
}

/** Who may do what, declared per module: each action lists the roles that may take it. */
export type Policy<Action extends string> = Record<Action, readonly Role[] | 'any-role'>;

/**
 * Role check only. Data scope is not decided here: records outside the
 * actor's subtree are filtered out by the query and so answer 404, which
 * leaks nothing about their existence.
 */
export function definePolicy<Action extends string>(policy: Policy<Action>) {
  return {
    can(actor: Actor, action: Action): boolean {
      const allowed = policy[action];
      if (allowed === 'any-role') return actor.roles.length > 0;
      return actor.roles.some((role) => allowed.includes(role));
    },
    assertCan(actor: Actor, action: Action): void {
      if (!this.can(actor, action)) throw new AppError('FORBIDDEN', 403);
    },
  };
}
