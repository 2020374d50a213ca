import { Type, type TOptional, type TProperties } from '@fastify/type-provider-typebox';
import { IsoDate, IsoDateTime, pageQuery } from '../../platform/http/schema.ts';

/** Schema pieces the venues module's records share. */

/** A name or a place: something to read, with at least one visible character. */
export const Words = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** A whole count of people, trips or kilometres. */
export const Count = (maximum: number, description: string) => Type.Integer({ minimum: 0, maximum, description });

/** When a stored record was created and last changed. */
export const recordStamps = { createdAt: IsoDateTime, updatedAt: IsoDateTime };

/** A page of dated records, from and to a day (both included). */
export const datedPageQuery = { ...pageQuery, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) };

/** A record's fields as a form sends them: those named may be left out (the service gives them defaults). */
export function withOptional<T extends TProperties, K extends keyof T & string>(fields: T, optional: readonly K[]): { [P in keyof T]: P extends K ? TOptional<T[P]> : T[P] } {
  return Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, optional.includes(key as K) ? Type.Optional(schema) : schema])) as never;
}
