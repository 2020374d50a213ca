import { locateTerms, type TermSpan } from './search.analyzer.ts';

/** How many characters of the body a hit shows. */
export const snippetLength = 120;

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEscapes[ch]!);
}

/** Where the query's terms occur in `text`, ordered by position. */
export function findTerms(text: string, terms: ReadonlySet<string>): TermSpan[] {
  return locateTerms(text, terms).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * `text[from, to)` escaped, with each run of matched characters in <mark>.
 * A word and its parts overlap (科普活动, 科普), so overlapping spans become
 * one mark; spans that only touch stay apart. Whitespace runs read as one space.
 */
function markRange(text: string, spans: readonly TermSpan[], from: number, to: number): string {
  const marks: { start: number; end: number }[] = [];
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    const last = marks.at(-1);
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else marks.push({ start: span.start, end: span.end });
  }
  const plain = (a: number, b: number) => escapeHtml(text.slice(a, b)).replace(/\s+/g, ' ');
  let html = '';
  let at = from;
  for (const mark of marks) {
    html += `${plain(at, mark.start)}<mark>${plain(mark.start, mark.end)}</mark>`;
    at = mark.end;
  }
  return html + plain(at, to);
}

/** The whole text, escaped, with the query's words marked (for titles). */
export function highlight(text: string, terms: ReadonlySet<string>): string {
  return markRange(text, findTerms(text, terms), 0, text.length).trim();
}

/**
 * About `length` characters of `text` around its densest cluster of matches
 * (the most distinct query words, then the most occurrences), escaped and
 * marked, with … where the text was cut. Without a match, the opening.
 */
export function snippet(text: string, terms: ReadonlySet<string>, length = snippetLength): string {
  const spans = findTerms(text, terms);
  const [from, to] = spans.length > 0 ? densestWindow(spans, text.length, length) : [0, Math.min(text.length, length)];
  const start = avoidSplitPair(text, from);
  const end = avoidSplitPair(text, to);
  const html = markRange(text, spans, start, end).trim();
  return `${start > 0 ? '…' : ''}${html}${end < text.length ? '…' : ''}`;
}

/** The window of `length` that holds the best cluster of spans, centred on it. */
function densestWindow(spans: readonly TermSpan[], textLength: number, length: number): [number, number] {
  let best = { distinct: 0, count: 0, first: 0, last: 0 };
  const inWindow = new Map<string, number>();
  let tail = 0;
  for (let head = 0; head < spans.length; head++) {
    const span = spans[head]!;
    inWindow.set(span.term, (inWindow.get(span.term) ?? 0) + 1);
    while (span.end - spans[tail]!.start > length) {
      const leaving = spans[tail++]!.term;
      const left = inWindow.get(leaving)! - 1;
      if (left === 0) inWindow.delete(leaving);
      else inWindow.set(leaving, left);
    }
    const count = head - tail + 1;
    if (inWindow.size > best.distinct || (inWindow.size === best.distinct && count > best.count)) {
      best = { distinct: inWindow.size, count, first: spans[tail]!.start, last: Math.max(...spans.slice(tail, head + 1).map((s) => s.end)) };
    }
  }
  const slack = Math.max(0, length - (best.last - best.first));
  const start = Math.max(0, Math.min(best.first - Math.floor(slack / 2), textLength - length));
  return [start, Math.min(textLength, Math.max(start + length, best.last))];
}

/** Moves a cut off the middle of a surrogate pair (an emoji), so no half character is shown. */
function avoidSplitPair(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && at < text.length && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
