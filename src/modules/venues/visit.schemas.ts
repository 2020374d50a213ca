import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, Nullable, Page, StrictObject } from '../../platform/http/schema.ts';
import { Count, datedPageQuery, recordStamps, withOptional } from './schema-parts.ts';
import { visitPeriods, visitSources } from './venue.table.ts';

const visitFields = {
  date: Type.String({ format: 'date', description: 'The day counted, or the first day of the month counted (YYYY-MM-DD)' }),
  period: Type.Enum(visitPeriods, { description: 'day 日 · month 月 (the figure covers the whole month)' }),
  individualVisitors: Count(10_000_000, '散客人次: visitors who came on their own'),
  groupVisitors: Count(10_000_000, '团体人次: visitors who came in groups'),
  groups: Count(10_000_000, '团体数: how many groups'),
  note: Type.String({ maxLength: 500 }),
};

export const VisitInputBody = StrictObject(withOptional(visitFields, ['period', 'groupVisitors', 'groups', 'note']));
export type VisitInput = Static<typeof VisitInputBody>;

export const Visit = Type.Object({
  id: Id,
  venueId: Id,
  venueName: Type.String(),
  ...visitFields,
  visitors: Type.Integer({ description: '参观人次: individual plus group visitors' }),
  source: Type.Enum(visitSources, { description: 'entry 录入 · import 导入 · booking 团体预约到馆' }),
  bookingId: Nullable(Id),
  ...recordStamps,
});
export type Visit = Static<typeof Visit>;

export const VisitListQuery = StrictObject({ ...datedPageQuery, period: Type.Optional(visitFields.period) });
export type VisitListQuery = Static<typeof VisitListQuery>;
export const VisitPage = Page(Visit);
export type VisitPage = Static<typeof VisitPage>;

export const VenueVisitParams = StrictObject({ id: Id, visitId: Id });
