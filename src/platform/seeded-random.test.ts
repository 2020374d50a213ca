import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draw = (r: ReturnType<typeof seededRandom>) => [r.next(), r.between(1, 6), r.around(0.4), r.pick(['x', 'y', 'z']), r.weighted([1, 2, 3]), r.shuffled([1, 2, 3, 4])];
    const first = draw(a);
    expect(first).toEqual(draw(b));
    expect(draw(seededRandom(8))).not.toEqual(first);
  });

  it('keeps mulberry32’s sequence, which the demo data is drawn from', () => {
    expect(seededRandom(1).next()).toBeCloseTo(0.6270739405881613, 15);
  });

  it('partitions a total into positive parts that add up to it', () => {
    const parts = seededRandom(3).partition(100, 7);
    expect(parts).toHaveLength(7);
    expect(parts.every((p) => p > 0)).toBe(true);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(100);
  });
});
