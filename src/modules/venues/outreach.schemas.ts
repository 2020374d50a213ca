import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, IsoDateTime, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { Words } from './venue.schemas.ts';

const outreachFields = {
  date: IsoDate,
  schoolName: Words(100),
  countyOrgId: Type.String({ minLength: 1, maxLength: 64, description: 'The county the school is in' }),
  activity: Words(100),
  people: Type.Integer({ minimum: 0, maximum: 1_000_000, description: '服务师生: pupils and teachers reached' }),
  note: Type.String({ maxLength: 500 }),
};

export const OutreachInputBody = StrictObject({ ...outreachFields, note: Type.Optional(outreachFields.note) });
export type OutreachInput = Static<typeof OutreachInputBody>;

/** 馆校合作 到校活动: a venue's visit to a school. */
export const OutreachVisit = Type.Object({
  id: Id,
  venueId: Id,
  venueName: Type.String(),
  ...outreachFields,
  countyName: Type.String(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type OutreachVisit = Static<typeof OutreachVisit>;

export const OutreachListQuery = StrictObject({ ...pageQuery, from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });
export type OutreachListQuery = Static<typeof OutreachListQuery>;
export const OutreachPage = Page(OutreachVisit);
export type OutreachPage = Static<typeof OutreachPage>;
export const VenueOutreachParams = StrictObject({ id: Id, outreachId: Id });
