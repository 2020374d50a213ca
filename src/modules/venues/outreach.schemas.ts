import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, Page, StrictObject } from '../../platform/http/schema.ts';
import { Count, Words, datedPageQuery, recordStamps, withOptional } from './schema-parts.ts';

const outreachFields = {
  date: IsoDate,
  schoolName: Words(100),
  countyOrgId: Type.String({ minLength: 1, maxLength: 64, description: 'The county the school is in' }),
  activity: Words(100),
  people: Count(1_000_000, '服务师生: pupils and teachers reached'),
  note: Type.String({ maxLength: 500 }),
};

export const OutreachInputBody = StrictObject(withOptional(outreachFields, ['note']));
export type OutreachInput = Static<typeof OutreachInputBody>;

/** 馆校合作 到校活动: a venue's visit to a school. */
export const OutreachVisit = Type.Object({
  id: Id,
  venueId: Id,
  venueName: Type.String(),
  ...outreachFields,
  countyName: Type.String(),
  ...recordStamps,
});
export type OutreachVisit = Static<typeof OutreachVisit>;

export const OutreachListQuery = StrictObject(datedPageQuery);
export type OutreachListQuery = Static<typeof OutreachListQuery>;
export const OutreachPage = Page(OutreachVisit);
export type OutreachPage = Static<typeof OutreachPage>;
export const VenueOutreachParams = StrictObject({ id: Id, outreachId: Id });
