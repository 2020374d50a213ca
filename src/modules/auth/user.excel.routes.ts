import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fileDate, sendWorkbook } from '../../platform/excel/download.ts';
import { StrictObject, errorResponses } from '../../platform/http/schema.ts';
import { UserListQuery } from './auth.schemas.ts';
import { contextOf } from './auth.plugin.ts';
import { exportUsers, userExportFileName } from './user.excel.ts';

/** The list's filters and order, without paging: an export holds the whole filtered list. */
const { page: _page, pageSize: _pageSize, ...listFilters } = UserListQuery.properties;
const UserExportQuery = StrictObject(listFilters);

/** /api/v1/users/excel — the user list as an Excel file (admins, within their scope). */
export const userExcelRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/export', {
    schema: {
      tags: ['users'],
      summary: 'Users of a filtered list (same filters as GET /users) as an Excel file',
      querystring: UserExportQuery,
      response: { ...errorResponses(400, 401, 403) },
    },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const bytes = await exportUsers(ctx, request.query);
      return sendWorkbook(reply, bytes, `${userExportFileName(ctx.locale)}-${fileDate()}`, 'users');
    },
  });
};
