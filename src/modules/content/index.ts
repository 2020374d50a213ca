/** Columns (栏目), articles with their review workflow and revisions, and scheduled publishing. */
export type { ContentTables } from './content.table.ts';
import type { FastifyPluginAsync } from 'fastify';

/** /api/v1/columns and /api/v1/articles. */
export const contentRoutes: FastifyPluginAsync = async () => {};
