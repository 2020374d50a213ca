import { describe, expect, it } from 'vitest';
import { isMobilePhone, maskName, maskPhone, normalisePhone } from './personal-data.ts';

describe('personal data of bookers', () => {
  it('accepts mainland mobile numbers 1[3-9]xxxxxxxxx only', () => {
    expect(isMobilePhone('13812345678')).toBe(true);
    expect(isMobilePhone('19912345678')).toBe(true);
    for (const bad of ['12812345678', '1381234567', '138123456789', '23812345678', '1381234567a', '']) expect(isMobilePhone(bad)).toBe(false);
  });

  it('reads a number written with spaces, hyphens or +86', () => {
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('86 13812345678')).toBe('13812345678');
    expect(normalisePhone('0377-63132535')).toBe('037763132535');
  });

  it('masks a phone as 138****5678 and a name as 张*', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明月')).toBe('欧***');
    expect(maskName('王')).toBe('*');
  });
});
