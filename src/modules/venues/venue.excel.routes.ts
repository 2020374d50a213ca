import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addImportRoutes } from '../../platform/imports/import.routes.ts';
import { contextOf } from '../auth/index.ts';
import { tripImporter } from './trip.excel.ts';
import { visitImporter } from './visit.excel.ts';

/** /api/v1/venues/excel/visits and /api/v1/caravans/excel/trips: templates and imports, through the platform's import pipeline. */
export const visitExcelRoutes: FastifyPluginAsyncTypebox = async (app) => addImportRoutes(app, { importer: visitImporter, contextOf, tags: ['venues'] });
export const tripExcelRoutes: FastifyPluginAsyncTypebox = async (app) => addImportRoutes(app, { importer: tripImporter, contextOf, tags: ['caravans'] });
