import { definePolicy } from '../../platform/auth-core.ts';

/**
 * The review desk is content work: editors and admins generate, edit and
 * publish reviews (publishing goes through the article review chain);
 * reviewers read them to judge the article they are asked to approve.
 */
export const reviewPolicy = definePolicy({
  read: ['admin', 'editor', 'reviewer'],
  write: ['admin', 'editor'],
});
