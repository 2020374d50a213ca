import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isDateFormat, WorkbookFormatError, XlsxWorkbook, type SheetRow } from './xlsx-stream.ts';
import { XmlScanner, type XmlHandler } from './xml-scanner.ts';

/** A zip of the given parts, written by hand: deflated, or stored when asked, as different office suites do. */
function zipOf(parts: Record<string, string>, options: { stored?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const content = Buffer.from(text, 'utf8');
    const data = options.stored ? content : zlib.deflateRawSync(content);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(options.stored ? 0 : 8, 8);
    local.writeUInt32LE(zlib.crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(options.stored ? 0 : 8, 10);
    central.writeUInt32LE(zlib.crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const relType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook whose sheets are given as their <sheetData> content, with the shared strings and styles given. */
function workbookOf(sheets: Record<string, string>, options: { sharedStrings?: string; styles?: string; workbookPr?: string; stored?: boolean } = {}): Buffer {
  const names = Object.keys(sheets);
  const parts: Record<string, string> = {
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${ns}>${options.workbookPr ?? ''}<sheets>${names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relType}/worksheet" Target="${i % 2 ? '/xl/' : ''}worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rS" Type="${relType}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${relType}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${ns}>${options.sharedStrings ?? ''}</sst>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet ${ns}>${options.styles ?? ''}</styleSheet>`,
  };
  names.forEach((name, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0"?><worksheet ${ns}><sheetData>${sheets[name]}</sheetData><mergeCells count="0"/></worksheet>`));
  return zipOf(parts, { stored: options.stored });
}

async function rowsOf(bytes: Buffer, sheetIndex = 0): Promise<SheetRow[]> {
  const workbook = await XlsxWorkbook.open(bytes);
  const rows: SheetRow[] = [];
  for await (const batch of workbook.rows(workbook.worksheets[sheetIndex]!)) rows.push(...batch);
  return rows;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('reading worksheet cells from the XML', () => {
  it('tells dates from numbers by number format: built-in (14, 31), custom with y/m/d, and not a plain or coloured number format', async () => {
    const styles =
      '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="0.00"/><numFmt numFmtId="166" formatCode="[Red]#,##0"/></numFmts>' +
      '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>';
    const rows = await rowsOf(
      workbookOf({ 活动: '<row r="1"><c r="A1" s="0"><v>45555</v></c><c r="B1" s="1"><v>45555</v></c><c r="C1" s="2"><v>45555</v></c><c r="D1" s="3"><v>45555</v></c><c r="E1" s="4"><v>45555</v></c><c r="F1" s="5"><v>45555</v></c></row>' }, { styles }),
    );
    expect(rows[0]!.cells).toEqual([45555, day('2024-09-20'), day('2024-09-20'), day('2024-09-20'), 45555, 45555]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const rows = await rowsOf(workbookOf({ 活动: '<row r="1"><c r="A1" s="1"><v>44093</v></c></row>' }, { styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>', workbookPr: '<workbookPr date1904="1"/>' }));
    expect(rows[0]!.cells).toEqual([day('2024-09-20')]);
  });

  it('reads shared and inline strings, rich text as its plain text without phonetic guides, and entities', async () => {
    const sharedStrings = '<si><t>科普&amp;讲座</t></si><si><r><rPr><b/></rPr><t>科普</t></r><r><t xml:space="preserve">讲座 </t></r><rPh sb="0" eb="2"><t>KEPU</t></rPh></si><si><t/></si>';
    const rows = await rowsOf(
      workbookOf(
        { 活动: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><r><t>&#x4E2D;</t></r><r><t>国</t></r></is></c><c r="D1" t="s"><v>2</v></c></row>' },
        { sharedStrings },
      ),
    );
    expect(rows[0]!.cells).toEqual(['科普&讲座', '科普讲座 ', '中国', '']);
  });

  it('reads booleans, error values, formulas as their cached results, and a formula never calculated as blank', async () => {
    const rows = await rowsOf(
      workbookOf({
        活动: '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c><c r="C1"><f>10+2</f><v>12</v></c><c r="D1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c><c r="E1"><f>1+1</f></c></row>',
      }),
    );
    expect(rows[0]!.cells).toEqual([true, { error: '#N/A' }, 12, 'TRUEx', null]);
  });

  it('keeps Excel row numbers and columns when rows and cells are skipped or carry no reference', async () => {
    const rows = await rowsOf(workbookOf({ 活动: '<row r="2"><c r="C2"><v>1</v></c></row><row r="5"/><row><c><v>2</v></c><c><v>3</v></c></row>' }));
    expect(rows.map((row) => [row.number, row.cells.length, row.cells[0], row.cells[1], row.cells[2]])).toEqual([
      [2, 3, undefined, undefined, 1],
      [5, 0, undefined, undefined, undefined],
      [6, 2, 2, 3, undefined],
    ]);
  });

  it('reads tags with a namespace prefix and parts stored without compression', async () => {
    const rows = await rowsOf(workbookOf({ 活动: '<x:row r="1"><x:c r="B1" t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c></x:row>' }, { stored: true }));
    expect(rows[0]!.cells[1]).toBe('甲');
  });

  it('lists sheets in tab order, whether their parts are named relative to the workbook or from the root', async () => {
    const workbook = await XlsxWorkbook.open(workbookOf({ 填写说明: '', 活动: '<row r="1"><c r="A1" t="inlineStr"><is><t>乙</t></is></c></row>' }));
    expect(workbook.worksheets).toEqual([
      { name: '填写说明', part: 'xl/worksheets/sheet1.xml' },
      { name: '活动', part: 'xl/worksheets/sheet2.xml' },
    ]);
    expect((await rowsOf(workbookOf({ 填写说明: '', 活动: '<row r="1"><c r="A1" t="inlineStr"><is><t>乙</t></is></c></row>' }), 1))[0]!.cells).toEqual(['乙']);
  });

  it('refuses bytes that are not a zip, and a zip cut short', async () => {
    await expect(XlsxWorkbook.open(Buffer.from('名称,类型\n甲,讲座\n'))).rejects.toBeInstanceOf(WorkbookFormatError);
    const whole = workbookOf({ 活动: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    await expect(XlsxWorkbook.open(whole.subarray(0, whole.length - 40))).rejects.toBeInstanceOf(WorkbookFormatError);
  });
});

describe('date formats', () => {
  it('sees date and time parts outside quoted text and bracketed blocks only', () => {
    expect(['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-804]yyyy/m/d', 'h:mm', 'm/d/yy h:mm'].map(isDateFormat)).toEqual([true, true, true, true, true]);
    expect(['General', '0.00', '[Red]#,##0', '"days"0', '0.00E+00', '@'].map(isDateFormat)).toEqual([false, false, false, false, false, false]);
  });
});

describe('the XML scanner', () => {
  it('gives the same tokens whatever the pieces the bytes arrive in', () => {
    const xml = '<?xml version="1.0"?><!-- a < comment --><a x="1 > 0" y=\'2\'><b/>文本 &amp; <![CDATA[<raw>]]><c>尾</c></a>';
    const tokens = (feed: (scanner: XmlScanner) => void) => {
      const seen: string[] = [];
      const handler: XmlHandler = {
        open: (name, attributes, selfClosing) => seen.push(`<${name}${attributes}${selfClosing ? '/' : ''}>`),
        close: (name) => seen.push(`</${name}>`),
        // Text cut into pieces comes as several calls; join them to compare.
        text: (text) => (seen.at(-1)?.startsWith('<') === false ? (seen[seen.length - 1] += text) : seen.push(text)),
        wantsText: true,
      };
      const scanner = new XmlScanner(handler);
      feed(scanner);
      scanner.end();
      return seen.join('|');
    };
    const whole = tokens((scanner) => scanner.writeBytes(Buffer.from(xml)));
    expect(whole).toBe('<a x="1 > 0" y=\'2\'>|<b/>|文本 & <raw>|<c>|尾|</c>|</a>');
    const bytes = Buffer.from(xml);
    expect(tokens((scanner) => [...bytes].forEach((byte) => scanner.writeBytes(Buffer.from([byte]))))).toBe(whole);
    expect(tokens((scanner) => [...xml].forEach((ch) => scanner.write(ch)))).toBe(whole);
  });
});
