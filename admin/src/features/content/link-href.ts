/** The schemes a body link may use: the server drops anything else (javascript:, file:, data:). */
const allowedSchemes = ['http:', 'https:', 'mailto:'];

/**
 * What a person typed as a link address, as the href to store: `www.cast.org.cn`
 * becomes `https://www.cast.org.cn`, an e-mail address becomes `mailto:`.
 * Undefined when it is not an http, https or mailto address.
 */
export function normaliseLinkHref(typed: string): string | undefined {
  const text = typed.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  let candidate = text;
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(text)) candidate = `mailto:${text}`;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) candidate = `https://${text.replace(/^\/\//, '')}`;
  try {
    const url = new URL(candidate);
    if (!allowedSchemes.includes(url.protocol)) return undefined;
    if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return candidate;
  } catch {
    return undefined;
  }
}
