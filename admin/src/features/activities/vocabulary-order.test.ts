import { describe, expect, it } from 'vitest';
import { reorderedPositions } from './vocabulary-order.ts';

describe('reorderedPositions', () => {
  it('moves an entry up and renumbers only the entries whose position changes', () => {
    const entries = [{ id: 'a', position: 10 }, { id: 'b', position: 20 }, { id: 'c', position: 30 }];
    expect(reorderedPositions(entries, 'c', -1)).toEqual([{ id: 'c', position: 20 }, { id: 'b', position: 30 }]);
  });

  it('separates entries that share a position, so the move shows', () => {
    const entries = [{ id: 'a', position: 100 }, { id: 'b', position: 100 }];
    expect(reorderedPositions(entries, 'a', 1)).toEqual([{ id: 'b', position: 10 }, { id: 'a', position: 20 }]);
  });

  it('does nothing past either end', () => {
    const entries = [{ id: 'a', position: 10 }, { id: 'b', position: 20 }];
    expect(reorderedPositions(entries, 'a', -1)).toEqual([]);
    expect(reorderedPositions(entries, 'b', 1)).toEqual([]);
  });
});
