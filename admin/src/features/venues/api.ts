import { useEffect, useMemo, useState } from 'react';
import { api, type Page, type Query } from '../../app/api.ts';
import type { Venue, VenueInput } from '../../../../src/modules/venues/venue.schemas.ts';
import type { Visit, VisitInput } from '../../../../src/modules/venues/visit.schemas.ts';
import type { OutreachInput, OutreachVisit } from '../../../../src/modules/venues/outreach.schemas.ts';
import type { Caravan, CaravanInput, CaravanTrip, TripInput } from '../../../../src/modules/venues/caravan.schemas.ts';
import type { ShowInput, StopInput, TouringShow, TouringStop } from '../../../../src/modules/venues/touring.schemas.ts';
import type { VenueFigures } from '../../../../src/modules/venues/figures.schemas.ts';
import { useOrgTree, type OrgTreeItem } from '../orgs/api.ts';

/** The server's own types for the science-museum system (科技馆体系). */
export type { Venue, VenueInput, Visit, VisitInput, OutreachInput, OutreachVisit, Caravan, CaravanInput, CaravanTrip, TripInput, ShowInput, StopInput, TouringShow, TouringStop, VenueFigures };
export type VenueKind = Venue['kind'];
export type VenueStatus = Venue['status'];
export type VisitPeriod = Visit['period'];
export type CaravanStatus = Caravan['status'];
export type DestinationKind = CaravanTrip['destinationKind'];
export type HostKind = TouringStop['hostKind'];

export const venueKinds: VenueKind[] = ['museum', 'youth_centre', 'rural_school_museum', 'digital_museum', 'other'];
export const venueStatuses: VenueStatus[] = ['planned', 'under_construction', 'open', 'closed'];
export const visitPeriods: VisitPeriod[] = ['day', 'month'];
export const caravanStatuses: CaravanStatus[] = ['active', 'retired'];
export const destinationKinds: DestinationKind[] = ['school', 'place'];
export const hostKinds: HostKind[] = ['venue', 'school', 'place'];

export const fetchVenues = (query: Query) => api<Page<Venue>>('GET', '/venues', undefined, query);
export const createVenue = (input: VenueInput) => api<Venue>('POST', '/venues', input);
export const updateVenue = (id: string, input: VenueInput) => api<Venue>('PUT', `/venues/${id}`, input);
export const deleteVenue = (id: string) => api<void>('DELETE', `/venues/${id}`);

export const fetchVisits = (venueId: string, query: Query) => api<Page<Visit>>('GET', `/venues/${venueId}/visits`, undefined, query);
export const createVisit = (venueId: string, input: VisitInput) => api<Visit>('POST', `/venues/${venueId}/visits`, input);
export const updateVisit = (venueId: string, id: string, input: VisitInput) => api<Visit>('PUT', `/venues/${venueId}/visits/${id}`, input);
export const deleteVisit = (venueId: string, id: string) => api<void>('DELETE', `/venues/${venueId}/visits/${id}`);

export const fetchOutreach = (venueId: string, query: Query) => api<Page<OutreachVisit>>('GET', `/venues/${venueId}/outreach`, undefined, query);
export const createOutreach = (venueId: string, input: OutreachInput) => api<OutreachVisit>('POST', `/venues/${venueId}/outreach`, input);
export const updateOutreach = (venueId: string, id: string, input: OutreachInput) => api<OutreachVisit>('PUT', `/venues/${venueId}/outreach/${id}`, input);
export const deleteOutreach = (venueId: string, id: string) => api<void>('DELETE', `/venues/${venueId}/outreach/${id}`);

export const fetchCaravans = (query: Query) => api<Page<Caravan>>('GET', '/caravans', undefined, query);
export const fetchCaravan = (id: string) => api<Caravan>('GET', `/caravans/${id}`);
export const createCaravan = (input: CaravanInput) => api<Caravan>('POST', '/caravans', input);
export const updateCaravan = (id: string, input: CaravanInput) => api<Caravan>('PUT', `/caravans/${id}`, input);
export const deleteCaravan = (id: string) => api<void>('DELETE', `/caravans/${id}`);

export const fetchTrips = (caravanId: string, query: Query) => api<Page<CaravanTrip>>('GET', `/caravans/${caravanId}/trips`, undefined, query);
export const createTrip = (caravanId: string, input: TripInput) => api<CaravanTrip>('POST', `/caravans/${caravanId}/trips`, input);
export const updateTrip = (caravanId: string, id: string, input: TripInput) => api<CaravanTrip>('PUT', `/caravans/${caravanId}/trips/${id}`, input);
export const deleteTrip = (caravanId: string, id: string) => api<void>('DELETE', `/caravans/${caravanId}/trips/${id}`);

export const fetchShows = (query: Query) => api<Page<TouringShow>>('GET', '/touring-shows', undefined, query);
export const fetchShow = (id: string) => api<TouringShow>('GET', `/touring-shows/${id}`);
export const createShow = (input: ShowInput) => api<TouringShow>('POST', '/touring-shows', input);
export const updateShow = (id: string, input: ShowInput) => api<TouringShow>('PUT', `/touring-shows/${id}`, input);
export const deleteShow = (id: string) => api<void>('DELETE', `/touring-shows/${id}`);

export const fetchStops = (showId: string, query: Query) => api<Page<TouringStop>>('GET', `/touring-shows/${showId}/stops`, undefined, query);
export const createStop = (showId: string, input: StopInput) => api<TouringStop>('POST', `/touring-shows/${showId}/stops`, input);
export const updateStop = (showId: string, id: string, input: StopInput) => api<TouringStop>('PUT', `/touring-shows/${showId}/stops/${id}`, input);
export const deleteStop = (showId: string, id: string) => api<void>('DELETE', `/touring-shows/${showId}/stops/${id}`);

export const fetchVenueFigures = (year: number) => api<VenueFigures>('GET', '/venues/figures', undefined, { year });

/** Where the visit figures' and the trip logs' Excel routes live (template, import; export where the server offers it). */
export const visitExcelPath = '/venues/excel/visits';
export const tripExcelPath = '/caravans/excel/trips';

/** Every venue in the user's scope, by name, for pickers; loaded once per mount (the API pages at 200). */
export function useVenueChoices(reloadKey = 0) {
  const [venues, setVenues] = useState<Venue[]>();
  useEffect(() => {
    let current = true;
    fetchVenues({ pageSize: 200 }).then(
      (page) => current && setVenues(page.items),
      () => current && setVenues([]),
    );
    return () => {
      current = false;
    };
  }, [reloadKey]);
  return venues;
}

/** Orgs a venue, school or stop may stand in: the county-level associations of the user's tree (and the city, for what serves the whole city). */
export function useCountyChoices(): OrgTreeItem[] | undefined {
  const { items } = useOrgTree();
  return useMemo(() => items?.filter((org) => org.status === 'active' && (org.type === 'county_association' || org.type === 'city_association')), [items]);
}
