import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.ts';

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the username is unknown, so a miss costs the same time as a wrong password.
const decoyHash = hash('kexie-decoy-password');

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    await verify(await decoyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}

/**
 * At least 8 characters from at least two of: letters (any script), digits, symbols; not
 * the username. `path` names the field the error belongs to.
 */
export function assertPasswordAcceptable(password: string, username: string, path: string): void {
  // Unicode classes, so Chinese characters count as letters.
  const classes = [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(password)).length;
  const reason =
    password.length < 8 ? 'PASSWORD_TOO_SHORT' : classes < 2 ? 'PASSWORD_TOO_SIMPLE' : password.toLowerCase().includes(username.toLowerCase()) ? 'PASSWORD_CONTAINS_USERNAME' : null;
  if (reason) throw new AppError('PASSWORD_WEAK', 400, { details: [{ path, code: reason, message: reason }] });
}
