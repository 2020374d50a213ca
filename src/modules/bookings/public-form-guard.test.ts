import { describe, expect, it } from 'vitest';
import { AddressRateLimiter } from './public-form-guard.ts';

describe('AddressRateLimiter', () => {
  it('allows `limit` posts per address in a window, then refuses until the window ends', () => {
    let now = 0;
    const limiter = new AddressRateLimiter(3, 1000, () => now);
    expect([1, 2, 3, 4].map(() => limiter.allow('10.0.0.1'))).toEqual([true, true, true, false]);
    expect(limiter.allow('10.0.0.2')).toBe(true);
    now = 1000;
    expect(limiter.allow('10.0.0.1')).toBe(true);
  });
});
