import type { CellValue } from './cells.ts';
import { XmlScanner, attributeValue, type XmlHandler } from './xml-scanner.ts';
import { entryChunks, listZipEntries, ZipFormatError, type ZipEntry } from './zip-archive.ts';

/**
 * Reads the worksheets of an .xlsx file row by row, straight from its XML
 * parts: what each cell shows (shared and inline strings, rich text as its
 * plain text, numbers, booleans, dates told apart by their number format,
 * formulas as their cached result, error values such as #N/A kept apart).
 * Built for imports of 100,000 rows: no row objects beyond one array of cells
 * each, and the worksheet is inflated and scanned a piece at a time.
 */

/** An Excel error value such as #N/A or #REF!, kept apart so it is reported rather than read as text. */
export interface ErrorCell {
  error: string;
}

export type ShownCell = CellValue | ErrorCell;

/** One row as the file has it: Excel's row number and the cells by column (0 = A), sparse where the file skips cells. */
export interface SheetRow {
  number: number;
  cells: ShownCell[];
}

export interface WorksheetInfo {
  name: string;
  part: string;
}

/** The file is not an .xlsx workbook this reader understands. */
export class WorkbookFormatError extends Error {}

const relationshipTypeEnd = {
  officeDocument: '/officeDocument',
  worksheet: '/worksheet',
  sharedStrings: '/sharedStrings',
  styles: '/styles',
};

/** Built-in number formats that show a date or time (the CJK ids 27–36 and 50–58 are all dates or times). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when, outside quoted text and [colour/locale] blocks, it has a date or time part. */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/General/gi, ''));
}

/** Day 0 of Excel's 1900 date system is 1899-12-30 once Lotus's leap day is counted; the 1904 system starts four years later. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** A part path resolved against the folder of the part that names it: `worksheets/sheet1.xml` from `xl/workbook.xml`. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

const relsOf = (part: string) => resolvePart(part, `_rels/${part.split('/').at(-1)}.rels`);

/** Column index (0 = A) from a cell reference such as `AB12`, or -1 when it has none. */
function columnOf(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return i === 0 ? -1 : column - 1;
}

export class XlsxWorkbook {
  private constructor(
    private readonly bytes: Buffer,
    private readonly entries: Map<string, ZipEntry>,
    /** The worksheets in tab order. */
    readonly worksheets: WorksheetInfo[],
    private readonly sharedStringsPart: string | undefined,
    private readonly stylesPart: string | undefined,
    private readonly date1904: boolean,
  ) {}

  /** Reads the workbook's structure (sheets, where its strings and styles are); the sheets themselves are read on demand. */
  static async open(bytes: Buffer): Promise<XlsxWorkbook> {
    let entries: Map<string, ZipEntry>;
    try {
      entries = listZipEntries(bytes);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new WorkbookFormatError(error.message);
      throw error;
    }
    const read = (part: string) => readWhole(bytes, entries, part);
    const rootRels = await relationships(read, '_rels/.rels', '');
    const workbookPart = rootRels.find((rel) => rel.type.endsWith(relationshipTypeEnd.officeDocument))?.target ?? 'xl/workbook.xml';
    const workbookRels = await relationships(read, relsOf(workbookPart), workbookPart);
    const targetOf = new Map(workbookRels.map((rel) => [rel.id, rel.target]));
    const partOfType = (typeEnd: string) => workbookRels.find((rel) => rel.type.endsWith(typeEnd))?.target;

    const worksheets: WorksheetInfo[] = [];
    let date1904 = false;
    const workbookXml = await read(workbookPart);
    if (workbookXml === undefined) throw new WorkbookFormatError('no workbook part');
    scanAll(workbookXml, {
      open(name, attributes) {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributeValue(attributes, 'date1904') ?? '');
        if (name !== 'sheet') return;
        const id = attributeValue(attributes, 'r:id') ?? attributeValue(attributes, 'id');
        const part = id ? targetOf.get(id) : undefined;
        if (part && entries.has(part)) worksheets.push({ name: attributeValue(attributes, 'name') ?? '', part });
      },
      close() {},
      text() {},
      wantsText: false,
    });
    return new XlsxWorkbook(bytes, entries, worksheets, partOfType(relationshipTypeEnd.sharedStrings), partOfType(relationshipTypeEnd.styles), date1904);
  }

  /**
   * The worksheet's rows, a batch at a time (the rows completed by each piece
   * of inflated XML). Empty rows the file writes out come as rows with no
   * cells; it is the caller's business to skip blank rows.
   */
  async *rows(worksheet: WorksheetInfo): AsyncGenerator<SheetRow[]> {
    const [sharedStrings, dateStyles] = await Promise.all([this.sharedStrings(), this.dateStyles()]);
    const reader = new WorksheetRowReader(sharedStrings, dateStyles, this.date1904);
    const scanner = new XmlScanner(reader);
    for await (const chunk of entryChunks(this.bytes, this.entries.get(worksheet.part)!)) {
      scanner.writeBytes(chunk);
      if (reader.rows.length > 0) yield reader.takeRows();
      // Anything after the cell data (merged cells, print settings, drawings) is of no interest.
      if (reader.finished) return;
    }
    scanner.end();
    if (reader.rows.length > 0) yield reader.takeRows();
  }

  private sharedStringsCache: Promise<string[]> | undefined;

  /** The shared string table: every `<si>`'s text, rich text runs joined, phonetic guides left out. */
  private sharedStrings(): Promise<string[]> {
    this.sharedStringsCache ??= (async () => {
      const strings: string[] = [];
      const part = this.sharedStringsPart;
      if (!part || !this.entries.has(part)) return strings;
      const collector = new TextCollector('si');
      collector.onItem = (text) => strings.push(text);
      await scanEntry(this.bytes, this.entries.get(part)!, collector);
      return strings;
    })();
    return this.sharedStringsCache;
  }

  /** Which cell style indexes (`s="3"`) show dates, from each cellXfs entry's number format. */
  private async dateStyles(): Promise<boolean[]> {
    const part = this.stylesPart;
    if (!part || !this.entries.has(part)) return [];
    const customDateFormats = new Set<number>();
    const styles: boolean[] = [];
    let inCellXfs = false;
    await scanEntry(this.bytes, this.entries.get(part)!, {
      open(name, attributes, selfClosing) {
        if (name === 'numFmt') {
          const id = Number(attributeValue(attributes, 'numFmtId'));
          if (isDateFormat(attributeValue(attributes, 'formatCode') ?? '')) customDateFormats.add(id);
        } else if (name === 'cellXfs') {
          inCellXfs = !selfClosing;
        } else if (name === 'xf' && inCellXfs) {
          const id = Number(attributeValue(attributes, 'numFmtId') ?? 0);
          styles.push(builtInDateFormats.has(id) || customDateFormats.has(id));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
      wantsText: false,
    });
    return styles;
  }
}

/** A small part read whole as text, or undefined when the archive lacks it. */
async function readWhole(bytes: Buffer, entries: Map<string, ZipEntry>, part: string): Promise<string | undefined> {
  const entry = entries.get(part);
  if (!entry) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(bytes, entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function scanAll(xml: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.write(xml);
  scanner.end();
}

async function scanEntry(bytes: Buffer, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of entryChunks(bytes, entry)) scanner.writeBytes(chunk);
  scanner.end();
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function relationships(read: (part: string) => Promise<string | undefined>, relsPart: string, sourcePart: string): Promise<Relationship[]> {
  const xml = await read(relsPart);
  const found: Relationship[] = [];
  if (xml === undefined) return found;
  scanAll(xml, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributeValue(attributes, 'TargetMode') === 'External') return;
      const target = attributeValue(attributes, 'Target');
      if (target) found.push({ id: attributeValue(attributes, 'Id') ?? '', type: attributeValue(attributes, 'Type') ?? '', target: resolvePart(sourcePart, target) });
    },
    close() {},
    text() {},
    wantsText: false,
  });
  return found;
}

/**
 * The text of each `item` element (`<si>` of shared strings, `<is>` of an
 * inline string): its `<t>` pieces joined, whether plain or in rich text
 * runs, leaving out phonetic guides (`<rPh>`).
 */
class TextCollector implements XmlHandler {
  onItem: (text: string) => void = () => {};
  private inItem = false;
  private inPhonetic = false;
  private inText = false;
  private text_ = '';

  constructor(private readonly item: string) {}

  open(name: string, _attributes: string, selfClosing: boolean): void {
    if (selfClosing) {
      if (name === this.item) this.onItem('');
      return;
    }
    if (name === this.item) (this.inItem = true), (this.text_ = '');
    else if (name === 'rPh') this.inPhonetic = true;
    else if (name === 't' && this.inItem && !this.inPhonetic) this.inText = true;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === this.item && this.inItem) {
      this.inItem = false;
      this.onItem(this.text_);
    }
  }

  get wantsText(): boolean {
    return this.inText;
  }

  text(text: string): void {
    this.text_ += text;
  }
}

/** Turns worksheet XML into rows of shown cell values. */
class WorksheetRowReader implements XmlHandler {
  rows: SheetRow[] = [];
  finished = false;
  private row: SheetRow | undefined;
  private lastRowNumber = 0;
  private column = -1;
  private cellType = '';
  private dateStyled = false;
  private inValue = false;
  private value = '';
  private readonly inline = new TextCollector('is');
  private inlineText: string | undefined;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
  ) {
    this.inline.onItem = (text) => (this.inlineText = text);
  }

  takeRows(): SheetRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  open(name: string, attributes: string, selfClosing: boolean): void {
    if (name === 'v') {
      this.inValue = !selfClosing;
      this.value = '';
    } else if (name === 'c') {
      if (!this.row) return;
      const reference = attributeValue(attributes, 'r');
      const column = reference ? columnOf(reference) : -1;
      this.column = column >= 0 ? column : this.column + 1;
      this.cellType = attributeValue(attributes, 't') ?? 'n';
      this.dateStyled = this.dateStyles[Number(attributeValue(attributes, 's') ?? 0)] === true;
      this.value = '';
      this.inlineText = undefined;
      if (selfClosing) this.row.cells[this.column] = null;
    } else if (name === 'row') {
      const number = Number(attributeValue(attributes, 'r'));
      this.lastRowNumber = Number.isInteger(number) && number > 0 ? number : this.lastRowNumber + 1;
      this.column = -1;
      this.row = { number: this.lastRowNumber, cells: [] };
      if (selfClosing) this.endRow();
    } else {
      this.inline.open(name, attributes, selfClosing);
    }
  }

  close(name: string): void {
    if (name === 'v') this.inValue = false;
    else if (name === 'c') {
      if (this.row) this.row.cells[this.column] = this.shownValue();
    } else if (name === 'row') this.endRow();
    else if (name === 'sheetData') this.finished = true;
    else this.inline.close(name);
  }

  get wantsText(): boolean {
    return this.inValue || this.inline.wantsText;
  }

  text(text: string): void {
    if (this.inValue) this.value += text;
    else this.inline.text(text);
  }

  private endRow(): void {
    if (this.row) this.rows.push(this.row);
    this.row = undefined;
  }

  /** What the cell shows, from its type (`t`), its value (`<v>`, the cached result for a formula) and its style. */
  private shownValue(): ShownCell {
    const value = this.value;
    switch (this.cellType) {
      case 's': {
        const text = this.sharedStrings[Number(value)];
        return value === '' ? null : (text ?? null);
      }
      case 'inlineStr':
        return this.inlineText ?? (value === '' ? null : value);
      case 'str':
        return value === '' ? null : value;
      case 'b':
        return value === '' ? null : value === '1' || value === 'true';
      case 'e':
        return { error: value };
      case 'd': {
        const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
        return value === '' || Number.isNaN(date.getTime()) ? null : date;
      }
      default: {
        if (value === '') return null;
        const number = Number(value);
        if (Number.isNaN(number)) return value;
        return this.dateStyled ? excelDate(number, this.date1904) : number;
      }
    }
  }
}

