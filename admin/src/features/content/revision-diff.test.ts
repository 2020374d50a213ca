import { describe, expect, it } from 'vitest';
import { fieldDisplay, mediaIdsOf } from './revision-diff.ts';

const words = { columnName: (id: string) => ({ c1: '科协要闻', c2: '通知公告' })[id], yes: '是' };

describe('fieldDisplay', () => {
  it('names columns instead of showing their ids, keeping an unknown id as it is', () => {
    expect(fieldDisplay('columnIds', 'c1, c2, c9', words)).toBe('科协要闻、通知公告、c9');
  });

  it('shows a set switch as 是 and an unset one as empty', () => {
    expect(fieldDisplay('isFocus', '✓', words)).toBe('是');
    expect(fieldDisplay('isPinned', '', words)).toBe('');
  });

  it('shows text fields as they are', () => {
    expect(fieldDisplay('title', '南阳市科协召开年度工作会议', words)).toBe('南阳市科协召开年度工作会议');
  });

  it('splits a media field into its ids', () => {
    expect(mediaIdsOf('m1, m2')).toEqual(['m1', 'm2']);
    expect(mediaIdsOf('')).toEqual([]);
  });
});
