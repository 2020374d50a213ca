import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { venueInScope, type Venue } from '../venues/index.ts';

/**
 * The venue of a slot or booking, if it is in the actor's scope. Outside the
 * scope the slot or booking answers with its own not-found code, exactly as a
 * missing one would, so nothing about it leaks.
 */
export async function venueOfRecord(ctx: ServiceContext, venueId: string, notFoundCode: string): Promise<Venue> {
  try {
    return await venueInScope(ctx, venueId);
  } catch (err) {
    throw err instanceof AppError && err.status === 404 ? new AppError(notFoundCode, 404) : err;
  }
}
