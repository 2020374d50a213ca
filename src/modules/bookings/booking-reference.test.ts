import { describe, expect, it } from 'vitest';
import { newBookingReference, parseBookingReference } from './booking-reference.ts';

describe('booking references', () => {
  it('are two groups of four from an alphabet without look-alikes, and do not repeat', () => {
    const references = Array.from({ length: 2000 }, newBookingReference);
    for (const reference of references) expect(reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(references).size).toBe(references.length);
  });

  it('read back as typed: lower case, without the hyphen, with spaces', () => {
    expect(parseBookingReference('k7m2 qx9p')).toBe('K7M2-QX9P');
    expect(parseBookingReference('K7M2-QX9P')).toBe('K7M2-QX9P');
  });

  it('refuse what cannot be one: look-alike characters, wrong length', () => {
    for (const bad of ['K7M2-QX9O', 'K7M2-QX91', 'K7M2-QX9', 'K7M2-QX9PP', '预约号', '']) expect(parseBookingReference(bad)).toBeNull();
  });
});
