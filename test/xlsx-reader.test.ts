import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { RawCell } from '../src/core/entry.js';
import { openWorkbook, WorkbookCache } from '../src/sheets/xlsx/reader.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A minimal workbook: the given sheets (name → sheetData XML and what follows it), shared strings and styles. */
function workbook(sheets: Record<string, string>, options: { strings?: string[]; styles?: string } = {}): Uint8Array {
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8(
      `<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
        .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`),
    'xl/sharedStrings.xml': strToU8(`<sst ${NS}>${(options.strings ?? []).map((s) => `<si>${s}</si>`).join('')}</sst>`),
  };
  if (options.styles !== undefined) files['xl/styles.xml'] = strToU8(options.styles);
  names.forEach((n, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<worksheet ${NS}>${sheets[n]}</worksheet>`)));
  return zipSync(files);
}

const cells = (xml: string, addresses: string[], options: { strings?: string[]; styles?: string } = {}): (RawCell | undefined)[] => {
  const grid = openWorkbook(workbook({ S: xml }, options)).sheet('S');
  return addresses.map((a) => {
    const c = grid?.cell(a);
    return c?.kind === 'number' ? { kind: c.kind, value: c.value, percentFormat: c.percentFormat } : c;
  });
};

const PERCENT_STYLES = `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;

describe('the specialised reader', () => {
  test.each([
    {
      description: 'a self-closing cell right before a filled one',
      xml: '<sheetData><row r="1"><c r="A1" s="1"/><c r="B1"><v>88</v></c></row></sheetData>',
      addresses: ['A1', 'B1'],
      expected: [{ kind: 'empty' }, { kind: 'number', value: 88, percentFormat: false }],
    },
    {
      description: 'attributes in any order, single quotes, spaces around =',
      xml: `<sheetData><row r="2"><c t="s" r='A2'><v>0</v></c><c s = "0" r = "B2" t = "str"><v>x &amp; y</v></c></row></sheetData>`,
      strings: ['<t>甲</t>'],
      addresses: ['A2', 'B2'],
      expected: [
        { kind: 'text', value: '甲' },
        { kind: 'text', value: 'x & y' },
      ],
    },
    {
      description: 'rich text and phonetic guides in shared strings, inline strings, _xHHHH_ escapes',
      xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>内联</t></is></c><c r="C1" t="s"><v>1</v></c></row></sheetData>',
      strings: ['<r><t>上海</t></r><r><t xml:space="preserve"> 杨浦</t></r><rPh><t>ヤン</t></rPh>', '<t>tab_x0009_here</t>'],
      addresses: ['A1', 'B1', 'C1'],
      expected: [
        { kind: 'text', value: '上海 杨浦' },
        { kind: 'text', value: '内联' },
        { kind: 'text', value: 'tab\there' },
      ],
    },
    {
      description: 'entities in shared strings, an escaped entity kept as text',
      xml: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>',
      strings: ['<t>{&quot;引号&quot;:&apos;x&apos;} &amp;quot; &lt;b&gt; &#20013;&#x6587;</t>'],
      addresses: ['A1'],
      expected: [{ kind: 'text', value: `{"引号":'x'} &quot; <b> 中文` }],
    },
    {
      description: 'errors, booleans, a formula without its result, an empty value',
      xml: '<sheetData><row r="3"><c r="A3" t="e"><v>#DIV/0!</v></c><c r="B3" t="b"><v>1</v></c><c r="C3"><f>SUM(A1:A2)</f></c><c r="D3"><v></v></c></row></sheetData>',
      addresses: ['A3', 'B3', 'C3', 'D3'],
      expected: [{ kind: 'error', value: '#DIV/0!' }, { kind: 'other', value: 'true' }, { kind: 'other', value: '=SUM(A1:A2)' }, { kind: 'empty' }],
    },
    {
      description: 'a merged range reads as its top-left cell, also where the file wrote the covered cells',
      xml: '<sheetData><row r="1"><c r="A1" t="str"><v>标题</v></c><c r="B1"/><c r="C1" t="str"><v>stale</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells>',
      addresses: ['B1', 'C1', 'C2', 'D1'],
      expected: [
        { kind: 'text', value: '标题' },
        { kind: 'text', value: '标题' },
        { kind: 'text', value: '标题' },
        { kind: 'empty' },
      ],
    },
    {
      description: 'percent formats: built-in 9, a custom code with %, not a quoted "%"',
      xml: '<sheetData><row r="1"><c r="A1" s="1"><v>0.5</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1" s="9"><v>0.5</v></c></row></sheetData>',
      styles: PERCENT_STYLES,
      addresses: ['A1', 'B1', 'C1', 'D1'],
      expected: [
        { kind: 'number', value: 0.5, percentFormat: true },
        { kind: 'number', value: 0.5, percentFormat: false },
        { kind: 'number', value: 0.5, percentFormat: true },
        { kind: 'number', value: 0.5, percentFormat: false },
      ],
    },
    {
      description: 'addresses that are not cells read as empty',
      xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>',
      addresses: ['a1', '$A$1', 'A0', '1A', ''],
      expected: [{ kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' }],
    },
  ])('$description', ({ xml, strings, styles, addresses, expected }) => {
    expect(cells(xml, addresses, { ...(strings ? { strings } : {}), ...(styles ? { styles } : {}) })).toEqual(expected);
  });

  test('styles are read only when a number’s format is asked for: text reads even with a damaged styles part', () => {
    const grid = openWorkbook(workbook({ S: '<sheetData><row r="1"><c r="A1" t="str"><v>ok</v></c><c r="B1" s="1"><v>2</v></c></row></sheetData>' }, { styles: '<<<' })).sheet('S');
    expect(grid?.cell('A1')).toEqual({ kind: 'text', value: 'ok' });
    const number = grid?.cell('B1');
    expect(number?.kind === 'number' && number.value).toBe(2);
  });

  test('a worksheet part with a non-ASCII name', () => {
    const book = zipSync({
      'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/表一.xml"/></Relationships>'),
      'xl/worksheets/表一.xml': strToU8(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="str"><v>到</v></c></row></sheetData></worksheet>`),
    });
    expect(openWorkbook(book).sheet('表')?.cell('A1')).toEqual({ kind: 'text', value: '到' });
  });

  test('maxRow and rows with content', () => {
    const grid = openWorkbook(workbook({ S: '<sheetData><row r="2"><c r="A2" t="str"><v>  </v></c></row><row r="7"><c r="B7"><v>0</v></c></row><row r="9"><c r="A9" s="1"/></row></sheetData>' })).sheet('S');
    expect(grid?.maxRow).toBe(9);
    expect([2, 7, 9].map((r) => grid?.rowHasContent(r))).toEqual([false, true, false]);
  });

  test('one workbook after another with one cache: each is read from its own parts, whatever the last one was', () => {
    const a = workbook({ 甲: '<sheetData><row r="1"><c r="A1" t="str"><v>a</v></c></row></sheetData>' });
    const b = workbook({ 乙: '<sheetData><row r="1"><c r="A1" t="str"><v>b</v></c></row></sheetData>', 丙: '<sheetData/>' });
    const sameShape = workbook({ 甲: '<sheetData><row r="1"><c r="A1" t="str"><v>c</v></c></row></sheetData>' });
    const cache = new WorkbookCache();
    const open = (bytes: Uint8Array) => openWorkbook(bytes, { cache });
    expect(open(a).sheetNames).toEqual(['甲']);
    const listed = cache.last?.sheetParts;
    // The same workbook parts: the sheet list is the one read before, and the cells are this workbook's own.
    expect(open(sameShape).sheet('甲')?.cell('A1')).toEqual({ kind: 'text', value: 'c' });
    expect(cache.last?.sheetParts).toBe(listed);
    expect(open(b).sheetNames).toEqual(['乙', '丙']);
    expect(cache.last?.sheetParts).not.toBe(listed);
    expect(open(a).sheet('甲')?.cell('A1')).toEqual({ kind: 'text', value: 'a' });
    expect(open(b).sheet('甲')).toBeUndefined();
  });

  test('a character reference that names no character reads as U+FFFD, not an error', () => {
    const [cell] = cells('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', ['A1'], { strings: ['<t>a&#x110000;b</t>'] });
    expect(cell).toEqual({ kind: 'text', value: 'a\ufffdb' });
  });

  test.each([
    { notes: 'rich text with a phonetic guide, a self-closing run', item: '<r><t>填报</t></r><r><rPr/><t xml:space="preserve"> 单位</t></r><rPh sb="0" eb="2"><t>tianbao</t></rPh><t/>', text: '填报 单位' },
    { notes: '200,000 phonetic guides never closed: read in one pass, not one rescan each', item: '<r><t>甲</t></r>' + '<rPh><t>x</t>'.repeat(200_000), text: expect.stringMatching(/^甲/) },
    { notes: '200,000 runs never closed', item: '<t>乙</t>' + '<r><t>y'.repeat(200_000), text: '乙' },
  ])('a shared string: $notes', ({ item, text }) => {
    const [cell] = cells('<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData>', ['A1'], { strings: ['<t>first</t>', item] });
    expect(cell).toEqual({ kind: 'text', value: text });
  });

  test('an empty item <si/> keeps its index', () => {
    const grid = openWorkbook(zipSync({ ...unzipSync(workbook({ S: '<sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData>' })), 'xl/sharedStrings.xml': strToU8(`<sst ${NS}><si/><si><t>second</t></si></sst>`) })).sheet('S');
    expect(grid?.cell('A1')).toEqual({ kind: 'text', value: 'second' });
  });
});
