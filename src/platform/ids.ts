import { v7 as uuidv7 } from 'uuid';

/**
 * Ids are made in code, not by the database, so the same insert runs on SQLite
 * and PostgreSQL. UUIDv7 sorts by creation time, which keeps indexes compact.
 */
export function newId(): string {
  return uuidv7();
}
