/**
 * HTML built with a tagged template: every interpolated value is escaped
 * unless it is already `Html` (made by `html` itself or by `raw`). Arrays are
 * joined, `null`, `undefined` and `false` print nothing, so conditionals and
 * lists read naturally: html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Opts out of escaping: only for markup that is already safe (the sanitised article body, generated markup). */
export function raw(trustedHtml: string): Html {
  return new Html(trustedHtml);
}

/** Text for XML (feeds, sitemap): the same five entities, which XML also defines. */
export const escapeXml = escapeHtml;
