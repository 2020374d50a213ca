import type { Insertable, Selectable } from 'kysely';

export const slotStatuses = ['open', 'closed'] as const;
/** open 可预约 · closed 已关闭 (staff stopped new bookings; the bookings it has stay). */
export type SlotStatus = (typeof slotStatuses)[number];

export const bookingStatuses = ['booked', 'confirmed', 'waitlisted', 'cancelled', 'refused', 'attended', 'no_show'] as const;
/**
 * booked 已预约 (holds its places, awaiting staff) · confirmed 已确认 · waitlisted 候补中 (holds no place) ·
 * cancelled 已取消 (by the booker) · refused 未通过 (by staff, with a reason) · attended 已到馆 · no_show 未到馆.
 */
export type BookingStatus = (typeof bookingStatuses)[number];

/** The statuses whose people count against the slot's capacity. */
export const placeHoldingStatuses = ['booked', 'confirmed'] as const satisfies readonly BookingStatus[];

/** 预约时段: a stretch of one day at a venue that groups book places in. */
export interface BookingSlotTable {
  id: string;
  venue_id: string;
  /** The venue's owner org when the slot was made: the data scope of the slot and its bookings. */
  owner_org_id: string;
  slot_date: string;
  /** HH:MM, Beijing time. */
  starts_at: string;
  ends_at: string;
  capacity: number;
  /** People holding places (booked or confirmed); only ever changed by a conditional UPDATE that keeps it ≤ capacity. */
  taken: number;
  status: SlotStatus;
  created_at: string;
  updated_at: string;
}

/** 团体预约: one group's booking of a slot, or its place on the slot's waiting list. */
export interface BookingTable {
  id: string;
  /** 预约号: what the booker quotes, with their phone, to change or cancel. */
  reference: string;
  slot_id: string;
  venue_id: string;
  people: number;
  /** 单位/学校名称 */
  organisation: string;
  /** Personal data: shown in full to staff in scope only. */
  contact_name: string;
  /** Personal data: shown in full to staff in scope only. */
  contact_phone: string;
  status: BookingStatus;
  /** When the booking joined the waiting list: its place in line. Null when it never waited. */
  queued_at: string | null;
  refusal_reason: string | null;
  /** 实到人数, once attendance is recorded. */
  attended_people: number | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BookingTables {
  booking_slots: BookingSlotTable;
  bookings: BookingTable;
}

export type BookingSlotRow = Selectable<BookingSlotTable>;
export type NewBookingSlotRow = Insertable<BookingSlotTable>;
export type BookingRow = Selectable<BookingTable>;
