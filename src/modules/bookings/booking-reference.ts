import { randomInt } from 'node:crypto';

/**
 * 预约号: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L,
 * no U), printed as two groups of four. 30^8 ≈ 6.6·10^11 references drawn with
 * a cryptographic generator: not guessable, and a lookup needs the phone too.
 */
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 8;

export function newBookingReference(): string {
  let reference = '';
  for (let i = 0; i < length; i++) reference += alphabet[randomInt(alphabet.length)];
  return `${reference.slice(0, 4)}-${reference.slice(4)}`;
}

/** What a person types (lower case, without the hyphen, with spaces) read back as a stored reference; null when it cannot be one. */
export function parseBookingReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== length || [...compact].some((ch) => !alphabet.includes(ch))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}
