import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, errorResponses } from '../../platform/http/schema.ts';
import { contextOf } from '../auth/index.ts';
import {
  AttendanceBody,
  Booking,
  BookingListQuery,
  BookingPage,
  GenerateSlotsBody,
  GenerateSlotsResult,
  RefuseBookingBody,
  Slot,
  SlotList,
  SlotListQuery,
  SlotPatchBody,
} from './booking.schemas.ts';
import { confirmBooking, listBookings, recordAttendance, refuseBooking } from './booking.service.ts';
import { generateSlots, listSlots, updateSlot } from './slot.service.ts';

const tags = ['bookings'];

/** Staff's side of group bookings under /api/v1: a venue's slots, and the bookings of the venues in scope. The public books on the portal. */
export const bookingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/venues/:id/slots', {
    schema: { tags, summary: 'A venue’s time slots with places taken and groups waiting (default: the coming four weeks)', params: IdParams, querystring: SlotListQuery, response: { 200: SlotList, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => listSlots(contextOf(request), request.params.id, request.query),
  });
  app.post('/venues/:id/slots/generate', {
    schema: { tags, summary: 'Generate slots from opening days and hours over a date range, skipping closure dates', params: IdParams, body: GenerateSlotsBody, response: { 200: GenerateSlotsResult, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => generateSlots(contextOf(request), request.params.id, request.body),
  });
  app.patch('/booking-slots/:id', {
    schema: { tags, summary: 'Close a slot to new bookings, open it again, or change its capacity', params: IdParams, body: SlotPatchBody, response: { 200: Slot, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => updateSlot(contextOf(request), request.params.id, request.body),
  });

  app.get('/bookings', {
    schema: { tags, summary: 'Bookings of the venues in scope, by slot time; contact details in full', querystring: BookingListQuery, response: { 200: BookingPage, ...errorResponses(400, 401, 403, 404) } },
    handler: (request) => listBookings(contextOf(request), request.query),
  });
  app.post('/bookings/:id/confirm', {
    schema: { tags, summary: 'Confirm a booked group', params: IdParams, response: { 200: Booking, ...errorResponses(401, 403, 404, 409) } },
    handler: (request) => confirmBooking(contextOf(request), request.params.id),
  });
  app.post('/bookings/:id/refuse', {
    schema: { tags, summary: 'Refuse a booking with a reason; its places go to the waiting list', params: IdParams, body: RefuseBookingBody, response: { 200: Booking, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => refuseBooking(contextOf(request), request.params.id, request.body.reason),
  });
  app.post('/bookings/:id/attendance', {
    schema: { tags, summary: 'Record a confirmed group as attended (with the real count) or as a no-show; counts in the venue’s visit figures', params: IdParams, body: AttendanceBody, response: { 200: Booking, ...errorResponses(400, 401, 403, 404, 409) } },
    handler: (request) => recordAttendance(contextOf(request), request.params.id, request.body),
  });
};
