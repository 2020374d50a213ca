import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password.ts';

function reasonFor(password: string, username = 'zhangdi'): string | undefined {
  try {
    assertPasswordAcceptable(password, username, 'body.password');
    return undefined;
  } catch (err) {
    return (err as AppError).options.details?.[0]?.code;
  }
}

describe('password policy', () => {
  it('accepts eight characters from two classes', () => {
    expect(reasonFor('nanyang2024')).toBeUndefined();
    expect(reasonFor('科协-工作-平台!')).toBeUndefined();
  });

  it('names the rule a refused password breaks', () => {
    expect(reasonFor('Ab1!')).toBe('PASSWORD_TOO_SHORT');
    expect(reasonFor('abcdefghij')).toBe('PASSWORD_TOO_SIMPLE');
    expect(reasonFor('12345678')).toBe('PASSWORD_TOO_SIMPLE');
    expect(reasonFor('ZhangDi-2024')).toBe('PASSWORD_CONTAINS_USERNAME');
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('nanyang2024');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'nanyang2024')).toBe(true);
    expect(await verifyPassword(hash, 'nanyang2025')).toBe(false);
    expect(await verifyPassword(null, 'nanyang2024')).toBe(false);
  });
});
