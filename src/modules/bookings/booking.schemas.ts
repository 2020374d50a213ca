import { Type, type Static } from '@fastify/type-provider-typebox';
import { Id, IsoDate, IsoDateTime, Nullable, Page, StrictObject, pageQuery } from '../../platform/http/schema.ts';
import { bookingStatuses, slotStatuses } from './booking.table.ts';

export const BookingStatusSchema = Type.Enum(bookingStatuses, {
  description: 'booked 已预约 · confirmed 已确认 · waitlisted 候补中 · cancelled 已取消 · refused 未通过 · attended 已到馆 · no_show 未到馆',
});
export const SlotStatusSchema = Type.Enum(slotStatuses, { description: 'open 可预约 · closed 已关闭' });
const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Beijing time' });
/** Most people one booking or one slot may hold. */
export const maxGroupSize = 2000;

export const TimeRange = StrictObject({ start: ClockTime, end: ClockTime });

export const GenerateSlotsBody = StrictObject({
  from: IsoDate,
  to: IsoDate,
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true, description: 'Opening days, 1 = Monday … 7 = Sunday' }),
  times: Type.Array(TimeRange, { minItems: 1, maxItems: 24, description: 'The slots of an opening day' }),
  capacity: Type.Integer({ minimum: 1, maximum: maxGroupSize, description: 'People each slot holds' }),
  closedDates: Type.Optional(Type.Array(IsoDate, { maxItems: 366, uniqueItems: true, description: '闭馆日: no slots on these dates' })),
});
export type GenerateSlotsInput = Static<typeof GenerateSlotsBody>;

export const GenerateSlotsResult = Type.Object({
  created: Type.Integer({ description: 'New slots' }),
  updated: Type.Integer({ description: 'Existing slots whose end time or capacity changed' }),
  removed: Type.Integer({ description: 'Slots no longer in the plan, removed because nobody had booked them' }),
  kept: Type.Integer({ description: 'Slots no longer in the plan but kept because they have bookings' }),
});
export type GenerateSlotsResult = Static<typeof GenerateSlotsResult>;

export const VenueParams = StrictObject({ venueId: Id });

export const SlotListQuery = StrictObject({
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
});
export type SlotListQuery = Static<typeof SlotListQuery>;

export const Slot = Type.Object({
  id: Id,
  venueId: Id,
  date: IsoDate,
  startsAt: ClockTime,
  endsAt: ClockTime,
  capacity: Type.Integer(),
  taken: Type.Integer({ description: 'People holding places' }),
  waiting: Type.Integer({ description: 'Groups on the waiting list' }),
  status: SlotStatusSchema,
});
export type Slot = Static<typeof Slot>;
export const SlotList = Type.Object({ items: Type.Array(Slot) });
export type SlotList = Static<typeof SlotList>;

export const SlotPatchBody = StrictObject({
  status: Type.Optional(SlotStatusSchema),
  capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: maxGroupSize })),
});
export type SlotPatch = Static<typeof SlotPatchBody>;

export const Booking = Type.Object({
  id: Id,
  reference: Type.String({ description: '预约号' }),
  venueId: Id,
  venueName: Type.String(),
  slotId: Id,
  date: IsoDate,
  startsAt: ClockTime,
  endsAt: ClockTime,
  people: Type.Integer(),
  organisation: Type.String(),
  contactName: Type.String({ description: 'In full for staff in the venue’s scope' }),
  contactPhone: Type.String({ description: 'In full for staff in the venue’s scope' }),
  status: BookingStatusSchema,
  queuedAt: Nullable(IsoDateTime),
  refusalReason: Nullable(Type.String()),
  attendedPeople: Nullable(Type.Integer()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Booking = Static<typeof Booking>;
export const BookingPage = Page(Booking);
export type BookingPage = Static<typeof BookingPage>;

export const BookingListQuery = StrictObject({
  ...pageQuery,
  venueId: Type.Optional(Id),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  status: Type.Optional(BookingStatusSchema),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words in the organisation, or a reference' })),
});
export type BookingListQuery = Static<typeof BookingListQuery>;

export const RefuseBookingBody = StrictObject({ reason: Type.String({ minLength: 2, maxLength: 500, pattern: '\\S' }) });
export const AttendanceBody = StrictObject({
  attended: Type.Boolean({ description: 'false: 未到馆 (no-show)' }),
  people: Type.Optional(Type.Integer({ minimum: 1, maximum: maxGroupSize, description: '实到人数, required when attended' })),
});
export type AttendanceInput = Static<typeof AttendanceBody>;

/** What a member of the public submits to book (the portal's form, read into this shape). */
export interface PublicBookingInput {
  slotId: string;
  people: number;
  organisation: string;
  contactName: string;
  contactPhone: string;
  /** Join the slot's waiting list when it cannot take the group now. */
  joinWaitlist: boolean;
}

/** A booking as the booker sees it after quoting reference and phone: name and phone masked. */
export interface PublicBooking {
  reference: string;
  venueId: string;
  venueName: string;
  slotId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  people: number;
  organisation: string;
  contactName: string;
  contactPhone: string;
  status: Booking['status'];
  /** Place on the waiting list (1 = next), for a waitlisted booking. */
  waitingPosition: number | null;
  refusalReason: string | null;
  /** Whether the booker may still change or cancel it. */
  changeable: boolean;
}
