import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Turns text into search terms, the same way for documents, queries and
 * highlighting, so a word is found exactly where it is marked.
 *
 * jieba's precise mode splits text into words that cover it end to end; each
 * word longer than two characters is split again in search mode, so 科普活动
 * is indexed as 科普活动, 科普 and 活动. Latin words and numbers stay whole,
 * and their parts are terms too (covid-19 → covid, 19). Terms are lower-cased,
 * with full-width letters and digits folded to ASCII; punctuation and a few
 * function words carry no meaning and are dropped.
 */

/** One term found in the text: `word` numbers the precise word it lies in. */
export interface TermSpan {
  term: string;
  start: number;
  end: number;
  word: number;
}

/** The longest term kept: anything longer is an identifier or noise, not a word people type. */
const maxTermLength = 40;

const stopWords = new Set([
  '的', '了', '着', '过', '是', '在', '和', '与', '及', '或', '并', '而', '也', '就', '都', '之', '其', '于', '对', '把', '被', '让', '向', '从', '等', '这', '那', '啊', '吗', '呢', '吧',
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'in', 'is', 'it', 'of', 'on', 'or', 'the', 'to', 'with',
]);

let jieba: Jieba | undefined;

/** One segmenter per process, made on first use: loading the dictionary takes a few hundred milliseconds. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const hasLetterOrDigit = /[\p{L}\p{N}]/u;
const han = /\p{Script=Han}/u;
const latinParts = /[\p{L}\p{N}]+/gu;

/**
 * Lower-case with full-width ASCII folded, one UTF-16 unit for one, so
 * offsets into the folded text are offsets into the original.
 */
export function foldCase(text: string): string {
  const widthFolded = text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  const lowered = widthFolded.toLowerCase();
  if (lowered.length === widthFolded.length) return lowered;
  // A few letters (İ) lower-case to two units; leave those as they are.
  return Array.from(widthFolded, (ch) => {
    const lower = ch.toLowerCase();
    return lower.length === ch.length ? lower : ch;
  }).join('');
}

function isIndexable(term: string): boolean {
  return term.length <= maxTermLength && hasLetterOrDigit.test(term) && !stopWords.has(term);
}

/** Every term of `text` with where it stands, in reading order (a word's parts before the word). */
export function analyze(text: string): TermSpan[] {
  if (!text) return [];
  const folded = foldCase(text);
  const words = segmenter().cut(folded, true);
  const searchParts = splitByWord(words, segmenter().cutForSearch(folded, true));
  const spans: TermSpan[] = [];
  let offset = 0;
  let wordCount = 0;
  for (const [i, word] of words.entries()) {
    const start = offset;
    offset += word.length;
    if (!isIndexable(word)) continue;
    const wordIndex = wordCount++;
    for (const part of partsOf(word, searchParts?.[i])) {
      if (isIndexable(part.term)) spans.push({ term: part.term, start: start + part.at, end: start + part.at + part.term.length, word: wordIndex });
    }
    spans.push({ term: word, start, end: offset, word: wordIndex });
  }
  return spans;
}

/**
 * Search mode lists each precise word's dictionary parts just before the word
 * itself; this hands each word its parts. One call for the whole text costs a
 * tenth of one call per word. Undefined if the two lists do not line up.
 */
function splitByWord(words: readonly string[], searchTokens: readonly string[]): string[][] | undefined {
  const parts: string[][] = [];
  let next = 0;
  for (const word of words) {
    const own: string[] = [];
    for (let token = searchTokens[next]; token !== word; token = searchTokens[next]) {
      if (token === undefined || token.length >= word.length || !word.includes(token)) return undefined;
      own.push(token);
      next++;
    }
    next++;
    parts.push(own);
  }
  return next === searchTokens.length ? parts : undefined;
}

/**
 * The shorter terms inside one word: dictionary words within a long Chinese
 * word (from search mode, or asked for this word alone when search mode did
 * not line up), alphanumeric runs within a Latin token.
 */
function partsOf(word: string, searchParts: string[] | undefined): { term: string; at: number }[] {
  if (han.test(word)) {
    if (word.length <= 2) return [];
    const parts = searchParts ?? segmenter().cutForSearch(word, true).filter((part) => part !== word);
    // Parts of one length come in reading order, so a repeated part (哈哈 in 哈哈哈) is found at its next place.
    const nextFrom = new Map<number, number>();
    return parts
      .map((part) => {
        let at = word.indexOf(part, nextFrom.get(part.length) ?? 0);
        if (at < 0) at = word.indexOf(part);
        nextFrom.set(part.length, at + 1);
        return { term: part, at };
      })
      .filter((part) => part.at >= 0);
  }
  const runs = [...word.matchAll(latinParts)];
  return runs.length > 1 ? runs.map((run) => ({ term: run[0], at: run.index })) : [];
}

/**
 * Characters jieba never joins a word across (it segments the runs between
 * punctuation and spaces each on its own). A subset of its boundaries is
 * enough: a run cut here is still whole runs of jieba's.
 */
const runSeparators = /[\s，。！？；：、“”‘’（）《》【】,!?;:()"'<>]+/g;

/**
 * Where `terms` stand in `text` as words: the spans `analyze` would give for
 * them, found by segmenting only the runs that hold one as a substring, so a
 * long text with a few matches costs a few sentences, not the whole text.
 */
export function locateTerms(text: string, terms: ReadonlySet<string>): TermSpan[] {
  const folded = foldCase(text);
  const spans: TermSpan[] = [];
  let runStart = 0;
  for (const separator of [...folded.matchAll(runSeparators), undefined]) {
    const runEnd = separator ? separator.index : folded.length;
    const run = folded.slice(runStart, runEnd);
    if ([...terms].some((term) => run.includes(term))) {
      for (const span of analyze(run)) {
        if (terms.has(span.term)) spans.push({ ...span, start: span.start + runStart, end: span.end + runStart });
      }
    }
    if (separator) runStart = separator.index + separator[0].length;
  }
  return spans;
}

/**
 * How often each term occurs in `text`, for the index: the terms `analyze`
 * finds, counted without placing them. Search mode alone yields every word
 * and its dictionary parts, so this skips the precise pass and the offsets,
 * which cost more than half of indexing.
 */
export function termFrequencies(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => {
    if (isIndexable(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
  };
  if (!text) return counts;
  for (const token of segmenter().cutForSearch(foldCase(text), true)) {
    if (!han.test(token) && isIndexable(token)) partsOf(token, []).forEach((part) => add(part.term));
    add(token);
  }
  return counts;
}

/** Queries longer than this are cut before segmenting: nobody types more, and jieba's time grows with it. */
export const maxQueryLength = 200;
/** At most this many distinct terms reach the database. */
export const maxQueryTerms = 50;

/**
 * A query as the index reads it. Each word the query was split into must be
 * found in a document, as itself or through one of its parts (科普活动 is
 * satisfied by 科普, 活动 or 科普活动); every term found adds to the score.
 */
export interface AnalyzedQuery {
  /** The words the query was split into, in order, without repeats. */
  words: string[];
  /** One list of acceptable terms per word. */
  groups: string[][];
  /** Every distinct term of every group. */
  terms: string[];
}

export function analyzeQuery(query: string): AnalyzedQuery {
  const byWord = new Map<number, string[]>();
  for (const span of analyze(query.slice(0, maxQueryLength))) {
    const group = byWord.get(span.word) ?? [];
    if (!group.includes(span.term)) group.push(span.term);
    byWord.set(span.word, group);
  }
  const result: AnalyzedQuery = { words: [], groups: [], terms: [] };
  for (const group of byWord.values()) {
    // The word itself comes last in its group, after its parts.
    const word = group.at(-1)!;
    if (result.words.includes(word)) continue;
    const newTerms = group.filter((term) => !result.terms.includes(term));
    if (result.terms.length + newTerms.length > maxQueryTerms) break;
    result.words.push(word);
    result.groups.push(group);
    result.terms.push(...newTerms);
  }
  return result;
}
