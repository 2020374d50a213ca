/**
 * Pasted HTML, cleaned before the editor reads it. Word's clipboard carries
 * style sheets, `mso-` styles, `Mso*` classes, `<o:p>` tags, conditional
 * comments and lists drawn as indented paragraphs with typed-in numbers. The
 * editor's schema would drop unknown markup by itself, but Word's lists would
 * arrive as paragraphs starting "1." and every paragraph would carry its
 * spacing along, so the structure is rebuilt here: paragraphs, headings, real
 * lists and tables, with no attribute beyond links, cell spans, alignment and
 * library images.
 *
 * Plain string work on purpose: it runs the same in the browser and in unit
 * tests without a DOM, and its output is parsed by the editor's schema and
 * sanitised again by the server on save, so it only has to remove noise, never
 * to be the security boundary.
 */

/** Which attributes survive on which tags; everything else is dropped. */
const keptAttributes: Record<string, string[]> = {
  a: ['href', 'title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  img: ['src', 'alt', 'data-media-id'],
};
/** Blocks whose alignment (text-align) is kept, as the server keeps it. */
const alignable = new Set(['p', 'h2', 'h3', 'h4', 'td', 'th']);
/** The editor offers H2–H4 (the page title is the H1); other levels map to the nearest. */
const headingLevel: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' };
/** Wrappers that carry only formatting: their text stays, the tag goes. */
const unwrapped = /<\/?(span|font|div|section|article|main|header|footer|center|ins)\b[^>]*>/gi;

const attributePattern = /([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

function unquote(value: string | undefined): string {
  if (value === undefined) return '';
  return /^["']/.test(value) ? value.slice(1, -1) : value;
}

/** `text-align: center` from a style attribute, when it is one the portal honours. */
function alignmentOf(style: string): string | undefined {
  const match = /(?:^|;)\s*text-align\s*:\s*(left|right|center|justify)\b/i.exec(style);
  return match?.[1]?.toLowerCase();
}

function rewriteOpeningTag(tag: string, attributeText: string): string {
  const kept = keptAttributes[tag] ?? [];
  const attributes: string[] = [];
  let align: string | undefined;
  for (const [, name = '', rawValue] of attributeText.matchAll(attributePattern)) {
    const lower = name.toLowerCase();
    const value = unquote(rawValue);
    if (kept.includes(lower)) attributes.push(`${lower}="${value.replace(/"/g, '&quot;')}"`);
    // Word writes both align=center and style='text-align:center'; the style wins, as in a browser.
    else if (lower === 'style' && alignable.has(tag)) align = alignmentOf(value) ?? align;
    else if (lower === 'align' && alignable.has(tag)) align ??= alignmentOf(`text-align: ${value}`);
  }
  // Left is the default: saying so adds nothing.
  if (align && align !== 'left') attributes.push(`style="text-align: ${align}"`);
  return `<${tag}${attributes.map((a) => ` ${a}`).join('')}>`;
}

interface ListItem {
  level: number;
  ordered: boolean;
  html: string;
}

/** The number or bullet Word typed in front of a list paragraph: "1." "一、" "(a)" are ordered; "·" "o" "§" are bullets. */
const orderedMarker = /^[(（]?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+|[一二三四五六七八九十百]+)[.．)）、]/;
const markerBlock = /<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/i;

function listItemOf(attributes: string, level: string, content: string): ListItem {
  const marker = markerBlock.exec(content)?.[1] ?? '';
  const markerText = marker.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '');
  return { level: Number(level), ordered: orderedMarker.test(markerText), html: content.replace(markerBlock, '') };
}

/** Consecutive Word list paragraphs as nested <ul>/<ol>, a deeper level opening a list inside the item before it. */
function buildLists(items: ListItem[]): string {
  const open: { level: number; tag: 'ul' | 'ol' }[] = [];
  let html = '';
  for (const item of items) {
    const tag = item.ordered ? 'ol' : 'ul';
    while (open.length > 0 && open.at(-1)!.level > item.level) html += `</li></${open.pop()!.tag}>`;
    const top = open.at(-1);
    if (top && top.level === item.level && top.tag !== tag) html += `</li></${open.pop()!.tag}>`;
    const current = open.at(-1);
    if (current && current.level === item.level) html += '</li>';
    else {
      html += `<${tag}>`;
      open.push({ level: item.level, tag });
    }
    html += `<li><p>${item.html}</p>`;
  }
  while (open.length > 0) html += `</li></${open.pop()!.tag}>`;
  return html;
}

const listParagraph = /<p\b([^>]*?mso-list:\s*l(\d+)\s+level(\d+)[^>]*)>([\s\S]*?)<\/p>/gi;

/** Replaces each run of Word list paragraphs (only white space between them) with a real list. */
function rebuildWordLists(html: string): string {
  let result = '';
  let run: ListItem[] = [];
  let last = 0;
  for (const match of html.matchAll(listParagraph)) {
    const between = html.slice(last, match.index);
    if (run.length > 0 && between.trim() !== '') {
      result += buildLists(run);
      run = [];
    }
    result += run.length > 0 ? '' : between;
    run.push(listItemOf(match[1]!, match[3]!, match[4]!));
    last = match.index + match[0].length;
  }
  if (run.length > 0) result += buildLists(run);
  return result + html.slice(last);
}

/** The pasted part of a whole clipboard document: between Word's fragment marks, or the body. */
function fragmentOf(html: string): string {
  const marked = /<!--StartFragment-->([\s\S]*?)<!--EndFragment-->/i.exec(html);
  if (marked) return marked[1]!;
  const body = /<body\b[^>]*>([\s\S]*?)(<\/body>|$)/i.exec(html);
  return body ? body[1]! : html;
}

/** Clean HTML for the editor from whatever the clipboard held (Word, WPS, a web page or the editor itself). */
export function cleanPastedHtml(html: string): string {
  let result = rebuildWordLists(fragmentOf(html));
  result = result
    // Conditional comments hide VML drawings and fallbacks; other comments are notes to Word itself.
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|xml|head|title|template)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<(meta|link|base)\b[^>]*>/gi, '')
    // Office's namespaced tags (<o:p>, <w:sdt>, <st1:place>) carry no meaning of their own; their text stays.
    .replace(/<\/?[a-z]+:[a-z][\w-]*\b[^>]*>/gi, '')
    .replace(unwrapped, '')
    .replace(/<\/(h[1-6])\s*>/gi, (_m, tag: string) => `</${headingLevel[tag.toLowerCase()] ?? tag.toLowerCase()}>`)
    .replace(/<([a-z][a-z0-9]*)\b([^>]*)>/gi, (_m, name: string, attributes: string) => {
      const tag = name.toLowerCase();
      return rewriteOpeningTag(headingLevel[tag] ?? tag, attributes.replace(/\/\s*$/, ''));
    })
    // Images come from the media library; a pasted picture (Word's file://, another site's URL) would be dropped on save anyway.
    .replace(/<img\b(?![^>]*\bdata-media-id=)[^>]*>/gi, '')
    // Word's blank lines: spacing is the portal's job.
    .replace(/<p>(?:\s|&nbsp;|&#160;|\u00a0|<br>)*<\/p>/gi, '');
  return result.trim();
}
