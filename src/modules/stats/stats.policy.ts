import { definePolicy } from '../../platform/auth-core.ts';

/** Any signed-in staff member reads figures, within their own org's subtree. */
export const statsPolicy = definePolicy({ read: 'any-role' });
