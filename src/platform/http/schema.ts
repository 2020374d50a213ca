import { Type, type TProperties, type TSchema } from '@fastify/type-provider-typebox';

/**
 * Schema building blocks shared by every module's routes. One schema per route
 * validates input, types the handler and feeds the OpenAPI document.
 */

/** A request body that refuses unknown fields, so a typo is an error and not a silent no-op. */
export const StrictObject = <T extends TProperties>(properties: T, options: { description?: string } = {}) =>
  Type.Object(properties, { ...options, additionalProperties: false });

export const Id = Type.String({ minLength: 1, maxLength: 64, description: 'Record id (UUIDv7)' });
export const IdParams = StrictObject({ id: Id });
export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const pageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export function pageWindow(request: PageRequest): { page: number; pageSize: number; offset: number; limit: number } {
  const page = request.page ?? 1;
  const pageSize = request.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(
        Type.Object({
          path: Type.Optional(Type.String()),
          row: Type.Optional(Type.Integer()),
          column: Type.Optional(Type.String()),
          code: Type.Optional(Type.String()),
          message: Type.String(),
        }),
      ),
      requestId: Type.String(),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error has this shape' },
);

/** The error answers a route may give, for the OpenAPI document. */
export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, Type.Ref('ErrorBody')]));
