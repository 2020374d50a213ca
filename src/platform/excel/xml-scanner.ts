/**
 * A small streaming XML tokenizer for the machine-written parts of an .xlsx
 * (worksheets, shared strings, styles). It reports start tags (local name,
 * raw attribute text), end tags and decoded text, and nothing else: no
 * validation, no namespaces beyond dropping the prefix, and no DTD, so no
 * entity expansion either. A general SAX parser checks every character
 * against the XML grammar; a 100,000-row worksheet is 40 MB of XML, and that
 * checking alone took longer than the whole import may.
 */

export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Called only while `wantsText` is true: most text of a worksheet is not needed, so it is not even cut out. */
  text(text: string): void;
  readonly wantsText: boolean;
}

/** Thrown for markup that cannot be tokenized: an unterminated tag at the end, say. */
export class XmlFormatError extends Error {}

const lessThan = 0x3c;
const slash = 0x2f;
const bang = 0x21;
const question = 0x3f;
const greaterThan = 0x3e;
const doubleQuote = 0x22;
const singleQuote = 0x27;

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces the five named entities and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return namedEntities[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Tag names seen so far, so the millions of `<c>` and `<v>` in a worksheet do
 * not each allocate a new string: keyed by length and first and last
 * character, confirmed by comparing in place.
 */
class NameTable {
  private readonly names = new Map<number, string>();

  /** The name in text[start, end), without its namespace prefix: `x:row` is `row`. */
  get(text: string, start: number, end: number): string {
    const key = (end - start) * 0x10000 * 0x100 + text.charCodeAt(start) * 0x100 + (text.charCodeAt(end - 1) & 0xff);
    const known = this.names.get(key);
    if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
    let name = text.slice(start, end);
    const colon = name.indexOf(':');
    if (colon !== -1) name = name.slice(colon + 1);
    // Prefixed names are not cached: the key describes the text, not the local name.
    if (colon === -1) this.names.set(key, name);
    return name;
  }
}

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** The decoded value of one attribute in a start tag's attribute text, or undefined. */
export function attributeValue(attributes: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at === -1) return undefined;
    from = at + name.length;
    if (at > 0 && !isSpace(attributes.charCodeAt(at - 1))) continue;
    let i = from;
    while (isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 0x3d /* = */) continue;
    i++;
    while (isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes.charCodeAt(i);
    if (quote !== doubleQuote && quote !== singleQuote) return undefined;
    const end = attributes.indexOf(String.fromCharCode(quote), i + 1);
    if (end === -1) return undefined;
    return decodeEntities(attributes.slice(i + 1, end));
  }
}

/** Feed it text or UTF-8 bytes in pieces of any size; a token cut at a piece's end waits for the next. */
export class XmlScanner {
  private pending = '';
  private pendingBytes: Buffer | undefined;
  private readonly decoder = new TextDecoder('utf-8');
  private readonly names = new NameTable();

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const text = this.pending ? this.pending + chunk : chunk;
    this.pending = text.slice(this.scan(text));
  }

  /**
   * Bytes are cut at the last `<` (ASCII, so never inside a UTF-8 sequence)
   * and the rest held back: the text scanned is then one flat string that
   * ends where a token starts, rather than a leftover joined to each piece.
   */
  writeBytes(chunk: Buffer): void {
    const bytes = this.pendingBytes ? Buffer.concat([this.pendingBytes, chunk]) : chunk;
    const cut = bytes.lastIndexOf(lessThan);
    if (cut <= 0) {
      this.pendingBytes = bytes;
      return;
    }
    this.pendingBytes = bytes.subarray(cut);
    this.write(this.decoder.decode(bytes.subarray(0, cut), { stream: true }));
  }

  end(): void {
    if (this.pendingBytes) this.write(this.decoder.decode(this.pendingBytes));
    this.pendingBytes = undefined;
    if (this.pending.trim() !== '') throw new XmlFormatError('unterminated markup at the end');
    this.pending = '';
  }

  /** Emits every complete token and returns where the first incomplete one starts. */
  private scan(text: string): number {
    const handler = this.handler;
    const names = this.names;
    let at = 0;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt === -1) return at;
      if (lt > at && handler.wantsText) handler.text(decodeEntities(text.slice(at, lt)));
      at = lt;
      const next = text.charCodeAt(lt + 1);
      if (next === slash) {
        const gt = text.indexOf('>', lt);
        if (gt === -1) return at;
        let nameEnd = gt;
        while (isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
        handler.close(names.get(text, lt + 2, nameEnd));
        at = gt + 1;
      } else if (next === bang || next === question) {
        const end = this.skipSpecial(text, lt);
        if (end === -1) return at;
        at = end;
      } else if (Number.isNaN(next)) {
        return at;
      } else {
        const gt = tagEnd(text, lt + 1);
        if (gt === -1) return at;
        const selfClosing = text.charCodeAt(gt - 1) === slash;
        const innerEnd = selfClosing ? gt - 1 : gt;
        let nameEnd = lt + 1;
        while (nameEnd < innerEnd && !isSpace(text.charCodeAt(nameEnd))) nameEnd++;
        handler.open(names.get(text, lt + 1, nameEnd), nameEnd === innerEnd ? '' : text.slice(nameEnd, innerEnd), selfClosing);
        at = gt + 1;
      }
    }
  }

  /** Comments, processing instructions and DOCTYPE are skipped; CDATA is text. Returns the index after it, or -1 if cut off. */
  private skipSpecial(text: string, lt: number): number {
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      return end === -1 ? -1 : end + 3;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end === -1) return -1;
      if (this.handler.wantsText) this.handler.text(text.slice(lt + 9, end));
      return end + 3;
    }
    if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      return end === -1 ? -1 : end + 2;
    }
    if (text.length < lt + 9) return -1;
    // <!DOCTYPE …>: an internal subset is not supported; its entities would never be expanded anyway.
    const end = text.indexOf('>', lt);
    return end === -1 ? -1 : end + 1;
  }
}

/** The `>` closing a start tag, skipping any inside quoted attribute values; -1 when the tag is cut off. */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === greaterThan) return i;
    if (code === doubleQuote || code === singleQuote) {
      const close = text.indexOf(code === doubleQuote ? '"' : "'", i + 1);
      if (close === -1) return -1;
      i = close;
    }
    if (code === lessThan) throw new XmlFormatError('< inside a tag');
  }
  return -1;
}
