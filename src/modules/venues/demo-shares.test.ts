import { describe, expect, it } from 'vitest';
import { apportion, spreadOver } from './demo-shares.ts';

describe('apportion', () => {
  it('splits a total in proportion to the weights, adding up exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(335_600, [3, 1, 2, 7]).reduce((a, b) => a + b, 0)).toBe(335_600);
    expect(apportion(100, [1, 3])).toEqual([25, 75]);
  });
});

describe('spreadOver', () => {
  it('spreads evenly and refuses to spread more than there is', () => {
    expect(spreadOver([1, 2, 3, 4, 5, 6], 3)).toEqual([1, 3, 5]);
    expect(() => spreadOver([1], 2)).toThrow();
  });
});
