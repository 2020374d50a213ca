import { describe, expect, it } from 'vitest';
import { schoolKey } from './school-names.ts';

describe('schoolKey', () => {
  it('folds width, spaces and brackets so one school is counted once', () => {
    expect(schoolKey('方城县 第一初级中学')).toBe(schoolKey('方城县第一初级中学'));
    expect(schoolKey('南阳市第十五小学（东校区）')).toBe(schoolKey('南阳市第十五小学(东校区)'));
    expect(schoolKey('南阳市第十五小学【东校区】')).toBe(schoolKey('南阳市第十五小学(东校区)'));
    expect(schoolKey('唐河县实验小学　')).toBe(schoolKey('唐河县实验小学'));
    expect(schoolKey('ＡＢＣ双语学校')).toBe(schoolKey('abc双语学校'));
  });

  it('keeps different names apart', () => {
    expect(schoolKey('方城县第一初级中学')).not.toBe(schoolKey('方城县第二初级中学'));
  });
});
