import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { formatChineseNumeral, parseChineseNumeral, parsePlan } from '../src/index.js';
import { parseCsv, rowsToCsv } from '../src/report/csv.js';

// Pieces of the genre, so that random texts reach headings, clauses and quantities, not only noise.
const genrePiece = fc.constantFrom(
  '\n', '一、', '(一)', '（二）', '1.', '2、', '(1)', '①', '第一部分', '2021年工作计划', '工作进展', '主要目标',
  '(推进单位:', '(牵头单位:', ';责任单位:', '区科委', '、', ')', '）', '牵头', '配合', '新增', '累计', '超过', '不少于',
  '约', '400', '4.4', '两', '三', '十', '百', '千', '万', '亿', '个', '户', '元', '%', '余', '+', '以上', '左右', '。',
  ',', '“', '”', '《', '》', '第', '年', '月', '日', '5G', 'IPv6', '〔2021〕13号', '到2024年', '上半年', '\u3000', '\r\n',
);

describe('the parser never throws', () => {
  test('on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const r = parsePlan(text);
        expect(r.source.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  test('on random texts made of the genre’s pieces, and every span points into the text', () => {
    fc.assert(
      fc.property(fc.array(genrePiece, { maxLength: 120 }).map((a) => a.join('')), (text) => {
        const r = parsePlan(text);
        for (const t of r.targets) {
          expect(text.slice(t.span.start, t.span.end)).toBe(t.raw);
          expect(Number.isFinite(t.value)).toBe(true);
        }
        expect(new Set(r.tasks.map((t) => t.id)).size).toBe(r.tasks.length);
        expect(new Set(r.targets.map((t) => t.id)).size).toBe(r.targets.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('number normalization round-trips', () => {
  test('Chinese numerals: format then parse is the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(parseChineseNumeral(formatChineseNumeral(n))).toBe(n);
      }),
    );
  });

  test('a count written as Chinese numerals, Arabic digits, with 万 or 亿 reads back as the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('', '万', '亿'), (n, magnitude) => {
        const factor = magnitude === '万' ? 1e4 : magnitude === '亿' ? 1e8 : 1;
        const plan = (figure: string) => parsePlan(`要点\n一、任务\n1.建设。新建基站${figure}个。(推进单位:甲)`).targets.map((t) => t.value);
        expect(plan(`${n}${magnitude}`)).toEqual([n * factor]);
        expect(plan(`${(n / 10).toFixed(1)}${magnitude}`)).toEqual([Number(`${(n / 10).toFixed(1)}e${Math.log10(factor)}`)]);
        // As a count, 2 is written 两 (两个); a bare 二 reads as an ordinal (二次供水).
        const chinese = n === 2 ? '两' : formatChineseNumeral(n).replace(/^一十/, '十');
        if (magnitude === '') expect(plan(chinese)).toEqual([n]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV export → papaparse returns every string unchanged', () => {
  test('quotes, commas, newlines and leading = + - @ \\t \\r \'', () => {
    const tricky = fc.oneof(
      fc.string(),
      fc.constantFrom('=1+1', '+86', '-5', '@SUM(A1)', '\tx', '\rx', "'quoted", '"', '","', '\r\n', '=a\n=b', ' lead', 'trail '),
      fc.array(fc.constantFrom('=', '+', '-', '@', '"', ',', '\n', '\r', '\t', "'", '区科委', ' ', 'a')).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(fc.array(fc.array(tricky, { minLength: 3, maxLength: 3 }), { maxLength: 8 }), (rows) => {
        const csv = rowsToCsv(['甲', '乙', '丙'], rows);
        expect(csv.startsWith('\ufeff')).toBe(true);
        expect(parseCsv(csv)).toEqual([['甲', '乙', '丙'], ...rows]);
        // As a spreadsheet reads the file, no cell starts like a formula.
        const cells = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data.flat();
        expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
