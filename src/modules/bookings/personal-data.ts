/**
 * A booker's name and mobile number are personal data: staff in the venue's
 * scope see them in full; everywhere else (the public pages, the audit log,
 * anyone outside the scope) sees them masked.
 */

/** 中国大陆手机号码: 11 digits, 1 then 3–9. */
export const mobilePhonePattern = /^1[3-9]\d{9}$/;

/** Spaces, hyphens and a +86 prefix are how people write numbers; they are not part of it. */
export function normalisePhone(input: string): string {
  return input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}

export const isMobilePhone = (phone: string) => mobilePhonePattern.test(phone);

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

/** 张三 → 张*, 欧阳明月 → 欧***: the first character, one star per other character. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
