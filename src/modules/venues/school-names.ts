/**
 * The key a school (or any destination) is counted by: the name in NFKC
 * (full-width letters, digits and brackets folded to their plain forms),
 * without spaces or the middle dot, brackets unified. "方城县 第一初级中学"
 * and "方城县第一初级中学" are one school; "方城一中" stays another name,
 * since only people know the two are the same.
 */
export function schoolKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•・]/g, '')
    .replace(/[【\[]/g, '(')
    .replace(/[】\]]/g, ')')
    .toLowerCase();
}
