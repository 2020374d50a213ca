import type { Db } from '../../src/database.ts';
import { createVenue, type Venue, type VenueInput } from '../../src/modules/venues/index.ts';
import { cliContext } from './index.ts';

let sequence = 0;

/** An open museum run by `ownerOrgId` in `countyOrgId` (the owner itself by default), created through the service. */
export async function buildVenue(db: Db, input: Partial<VenueInput> & { ownerOrgId: string }): Promise<Venue> {
  return createVenue(await cliContext(db), {
    name: `测试科技馆${Date.now().toString(36)}${(sequence++).toString(36)}`,
    kind: 'museum',
    countyOrgId: input.ownerOrgId,
    address: '人民路1号',
    status: 'open',
    openedOn: '2020-05-18',
    capacity: 800,
    ...input,
  });
}
