import { describe, expect, test } from 'vitest';
import { shiftEscapedFormula, shiftFormula, shiftSqref, type Insertion } from '../src/sheets/template/insertion.js';
import { mapReferences, namesSheet, translateFormula, type Reference } from '../src/sheets/xlsx/reference.js';

/**
 * Row 5 of `sheet` (推进情况 unless said) is the row template, repeated 16 times: 15 rows are inserted below it.
 * `own` is the sheet the formula stands on (the template's sheet unless said); null for a defined name, which has none.
 */
interface Case {
  formula: string;
  expected: string;
  sheet?: string;
  own?: string | null;
  notes?: string;
}
const SHEET = '推进情况';
const insertion = (sheet = SHEET): Insertion => ({ sheet, row: 5, added: 15 });
const ownOf = ({ sheet = SHEET, own }: Case) => (own === null ? undefined : (own ?? sheet));

describe('shiftFormula: 15 rows inserted below row 5', () => {
  test.each<Case>([
    { formula: 'K30', expected: 'K45', notes: 'below the template row: down by 15' },
    { formula: 'K6+K4', expected: 'K21+K4', notes: 'above the template row: stays' },
    { formula: 'K5*2', expected: 'K5*2', notes: 'the template row’s own cell stays' },
    { formula: '$K$30+K$30+$K30', expected: '$K$45+K$45+$K45', notes: '$ does not pin a reference against an insertion' },
    { formula: 'AA10+XFD7', expected: 'AA25+XFD22', notes: 'columns past Z, up to the last one' },
    { formula: 'SUM(K5:K5)', expected: 'SUM(K5:K20)', notes: 'an area on the template row stretches over the new rows' },
    { formula: 'SUM($K$5:$K$5)', expected: 'SUM($K$5:$K$20)' },
    { formula: 'SUM(K3:K30)', expected: 'SUM(K3:K45)' },
    { formula: 'SUM(K1:K4)', expected: 'SUM(K1:K4)' },
    { formula: 'SUM(K6:M9)', expected: 'SUM(K21:M24)' },
    { formula: 'SUM($1:$4)+SUM(5:5)+SUM($6:$8)', expected: 'SUM($1:$4)+SUM(5:20)+SUM($21:$23)', notes: 'whole rows' },
    { formula: 'SUM(A:C)+COUNTA($K:$K)+COUNTA(推进情况!K:K)', expected: 'SUM(A:C)+COUNTA($K:$K)+COUNTA(推进情况!K:K)', notes: 'whole columns never move' },
    { formula: '推进情况!K5:K5', expected: '推进情况!K5:K20', own: '汇总', notes: 'unquoted CJK sheet name' },
    { formula: 'K30+Other!K30', expected: 'K30+Other!K30', own: '汇总', notes: 'unqualified means the own sheet, here not the template’s' },
    { formula: 'Other!K30', expected: 'Other!K30', notes: 'another sheet' },
    { formula: "'It''s'!A7+A7", expected: "'It''s'!A22+A7", sheet: "It's", own: '汇总', notes: 'doubled apostrophe' },
    { formula: "'my sheet'!A7", expected: "'my sheet'!A22", sheet: 'My Sheet', own: '汇总', notes: 'sheet names ignore case' },
    { formula: '推进情况!$K$5:$K$5', expected: '推进情况!$K$5:$K$20', own: null, notes: 'a defined name' },
    { formula: 'K30', expected: 'K30', own: null, notes: 'a defined name has no own sheet' },
    { formula: 'IF(A7="A7","A7",A8)', expected: 'IF(A22="A7","A7",A23)', notes: 'string literals untouched' },
    { formula: '"say ""A7"""&A7', expected: '"say ""A7"""&A22', notes: 'doubled quotes inside a literal' },
    { formula: 'LOG10(A7)+ATAN2(A7,B7)+DAYS360(A6,B6)', expected: 'LOG10(A22)+ATAN2(A22,B22)+DAYS360(A21,B21)', notes: 'functions named like cells' },
    { formula: 'A7*1E10', expected: 'A22*1E10', notes: 'an exponent is not column E' },
    { formula: 'Rate_A7*Q4_Total*A7', expected: 'Rate_A7*Q4_Total*A22', notes: 'names containing cell-like parts' },
    { formula: 'XFE10+A7', expected: 'XFE10+A22', notes: 'XFE is past the last column: XFE10 is a defined name' },
    { formula: 'SUM(Table1[Col])+A7', expected: 'SUM(Table1[Col])+A22', notes: 'structured reference' },
    { formula: 'Table1[[#This Row],[K30]]', expected: 'Table1[[#This Row],[K30]]' },
    { formula: '[1]推进情况!A7+A7', expected: '[1]推进情况!A7+A22', notes: 'another workbook’s sheet of the same name' },
    { formula: "'[Book 2.xlsx]推进情况'!A7", expected: "'[Book 2.xlsx]推进情况'!A7" },
    { formula: 'SUM(Sheet1:推进情况!A7)+SUM(\'Jan 1:推进情况\'!A7)', expected: 'SUM(Sheet1:推进情况!A7)+SUM(\'Jan 1:推进情况\'!A7)', notes: '3-D: not adjusted for one sheet' },
    { formula: 'SUM(A7#)', expected: 'SUM(A22#)', notes: 'spill reference' },
    { formula: '\'Q"1\'!A7+A8', expected: '\'Q"1\'!A22+A23', sheet: 'Q"1', notes: 'a sheet name may contain a double quote' },
    {
      formula: 'IF(推进情况!K30="","",SUM(K5:K5)/\'It\'\'s\'!K30)&" K30"',
      expected: 'IF(推进情况!K45="","",SUM(K5:K20)/\'It\'\'s\'!K30)&" K30"',
      notes: 'several references',
    },
  ])('$formula → $expected', (c) => {
    expect(shiftFormula(c.formula, insertion(c.sheet), ownOf(c))).toBe(c.expected);
  });

  test.each<Case>([
    { formula: 'SUM(K$5:K5)', expected: 'SUM(K$5:K5)', notes: 'a running total in the template row itself' },
    { formula: 'K5', expected: 'K5' },
    { formula: 'SUM(K$5:K30)', expected: 'SUM(K$5:K45)' },
    { formula: 'K6-K4', expected: 'K21-K4' },
  ])('stretch = false: $formula → $expected', (c) => {
    expect(shiftFormula(c.formula, insertion(), SHEET, false)).toBe(c.expected);
  });

  test('nothing inserted: the formula as it is', () => {
    expect(shiftFormula('SUM(K5:K5)+K30', { sheet: SHEET, row: 5, added: 0 }, SHEET)).toBe('SUM(K5:K5)+K30');
  });
});

describe('translateFormula: copied as Excel copies', () => {
  test.each([
    { formula: 'IF(D4="","未填","已填")', rows: 10, columns: 0, expected: 'IF(D14="","未填","已填")' },
    { formula: '$A$1+B2', rows: 2, columns: 1, expected: '$A$1+C4' },
    { formula: 'SUM(K$5:K5)', rows: 3, columns: 0, expected: 'SUM(K$5:K8)' },
    { formula: '$A1+A$1', rows: 1, columns: 1, expected: '$A2+B$1' },
    { formula: 'SUM(1:4,$1:$4)', rows: 2, columns: 1, expected: 'SUM(3:6,$1:$4)', notes: 'whole rows: only rows move' },
    { formula: 'SUM(A:C,$A:$A)', rows: 2, columns: 1, expected: 'SUM(B:D,$A:$A)', notes: 'whole columns: only columns move' },
    { formula: 'Z9+Table1[Col]', rows: 0, columns: 1, expected: 'AA9+Table1[Col]' },
    { formula: '\'It\'\'s\'!A7&"A7"&LOG10(A7)', rows: 1, columns: 0, expected: '\'It\'\'s\'!A8&"A7"&LOG10(A8)' },
    { formula: 'A7*1E10', rows: 1, columns: 0, expected: 'A8*1E10' },
    { formula: '[1]Sheet1!A7+A7', rows: 1, columns: 0, expected: '[1]Sheet1!A8+A8', notes: 'relative external references move too' },
    { formula: 'SUM(Sheet1:Sheet3!A7)', rows: 1, columns: 0, expected: 'SUM(Sheet1:Sheet3!A8)', notes: 'relative 3-D references move too' },
    { formula: 'B2', rows: 0, columns: 0, expected: 'B2' },
  ])('$formula by ($rows, $columns) → $expected', ({ formula, rows, columns, expected }) => {
    expect(translateFormula(formula, rows, columns)).toBe(expected);
  });
});

describe('references as read', () => {
  const read = (formula: string) => {
    const refs: string[] = [];
    mapReferences(formula, (r) => void refs.push(`${r.sheet ?? '-'} ${r.kind} ${r.box.left},${r.box.top},${r.box.right},${r.box.bottom} ${r.absolute.map(Number).join('')}${r.external ? ' external' : ''}`));
    return refs;
  };

  test.each([
    { formula: "'It''s'!$A$1:B2", expected: ["It's area 1,1,2,2 1100"] },
    { formula: 'K5+推进情况!$3:4', expected: ['- cell 11,5,11,5 0000', '推进情况 rows 0,3,0,4 0100'] },
    { formula: 'SUM($A:C)', expected: ['- columns 1,0,3,0 1000'] },
    { formula: 'IF(X1="B2",Table1[C3],[1]S!D4)', expected: ['- cell 24,1,24,1 0000', 'S cell 4,4,4,4 0000 external'], notes: 'text in quotes and structured references are no references' },
    { formula: 'SUM(Sheet1:Sheet3!A7)', expected: ['Sheet1:Sheet3 cell 1,7,1,7 0000 external'] },
  ])('$formula', ({ formula, expected }) => {
    expect(read(formula)).toEqual(expected);
  });

  test('namesSheet: case-insensitive; unqualified means the own sheet', () => {
    const cell = (sheet: string | undefined): Reference => ({ sheet, external: false, kind: 'cell', box: { left: 1, top: 1, right: 1, bottom: 1 }, absolute: [false, false, false, false] });
    const names = [cell(undefined), cell(undefined), cell('SHEET ONE'), cell('Other')].map((r, i) => namesSheet(r, 'Sheet One', ['sheet one', undefined, 'Other', 'Sheet One'][i]));
    expect(names).toEqual([true, false, true, false]);
  });
});

describe('shiftSqref and shiftEscapedFormula', () => {
  test.each([
    { sqref: 'A1:B2 D5 F3:F30 H40', expected: 'A1:B2 D5:D20 F3:F45 H55', notes: 'a validation on the template row covers the new rows' },
    { sqref: 'A:A K6', expected: 'A:A K21' },
  ])('sqref $sqref → $expected', ({ sqref, expected }) => {
    expect(shiftSqref(sqref, insertion())).toBe(expected);
  });

  test.each<Case>([
    { formula: '&apos;It&apos;&apos;s&apos;!A7&amp;&quot;&lt;&quot;', expected: '\'It\'\'s\'!A22&amp;"&lt;"', sheet: "It's", own: '汇总' },
    { formula: 'IF(K30&gt;0,K30&amp;&quot;A7&quot;,&quot;&quot;)', expected: 'IF(K45&gt;0,K45&amp;"A7","")' },
    { formula: '&apos;R&amp;D&apos;!A7', expected: "'R&amp;D'!A22", sheet: 'R&D', own: '汇总' },
    { formula: 'IF(A1&lt;0,&quot;&lt;0&quot;,A1)', expected: 'IF(A1&lt;0,&quot;&lt;0&quot;,A1)', notes: 'unchanged: the escaped text as it was' },
  ])('escaped $formula → $expected', (c) => {
    expect(shiftEscapedFormula(c.formula, insertion(c.sheet), ownOf(c))).toBe(c.expected);
  });
});
