import { definePolicy } from '../../platform/auth-core.ts';

/** The site's name, footer and filing numbers are an administrator's business. */
export const sitePolicy = definePolicy({
  read: ['admin'],
  update: ['admin'],
});
