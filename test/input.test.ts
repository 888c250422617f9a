import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { message, parsePlan, PlanRecordsSchema, wording } from '../src/index.js';
import { loadPlan, SEED_PLAN } from '../src/node.js';
import { buildDocx } from './helpers/docx.js';
import { cli } from './helpers/cli.js';

const seedText = readFileSync(SEED_PLAN, 'utf8');
const seedRecords = parsePlan(seedText);
const work = mkdtempSync(join(tmpdir(), 'plan-ledger-input-'));
const write = (name: string, data: string | Uint8Array): string => {
  const path = join(work, name);
  writeFileSync(path, data);
  return path;
};
/** What must not depend on how the text was stored. */
const essence = (r: typeof seedRecords) => ({
  document: { ...r.document },
  tasks: r.tasks.map((t) => [t.id, t.title, t.departments]),
  targets: r.targets.map((t) => [t.id, t.metric, t.value, t.unit, t.comparator, t.span]),
});

describe('text encodings are detected', () => {
  const bom = (b: number[], body: Buffer) => Buffer.concat([Buffer.from(b), body]);
  // GBK cannot hold every character of the seed (· —); the expected text is what GBK keeps.
  const viaGbk = iconv.decode(iconv.encode(seedText, 'gbk'), 'gbk');
  const crlf = seedText.replace(/\n/g, '\r\n');
  test.each([
    { name: 'utf8.txt', bytes: Buffer.from(seedText, 'utf8'), encoding: 'utf-8' },
    { name: 'utf8-bom.txt', bytes: bom([0xef, 0xbb, 0xbf], Buffer.from(seedText, 'utf8')), encoding: 'utf-8' },
    { name: 'utf16le-bom.txt', bytes: bom([0xff, 0xfe], Buffer.from(seedText, 'utf16le')), encoding: 'utf-16le' },
    { name: 'utf16be-bom.txt', bytes: bom([0xfe, 0xff], Buffer.from(seedText, 'utf16le').swap16()), encoding: 'utf-16be' },
    { name: 'utf16le.txt', bytes: Buffer.from(seedText, 'utf16le'), encoding: 'utf-16le' },
    { name: 'gb18030.txt', bytes: iconv.encode(seedText, 'gb18030'), encoding: 'gb18030' },
    { name: 'gbk.txt', bytes: iconv.encode(seedText, 'gbk'), encoding: 'gb18030', text: viaGbk, notes: 'GBK is a subset of GB18030' },
    { name: 'crlf-utf16le.txt', bytes: Buffer.from(crlf, 'utf16le'), encoding: 'utf-16le', text: crlf },
    { name: 'crlf-gb18030.txt', bytes: iconv.encode(crlf, 'gb18030'), encoding: 'gb18030', text: crlf },
  ])('$name', async ({ name, bytes, encoding, text }) => {
    const r = await loadPlan(write(name, bytes));
    expect(r.source.encoding).toBe(encoding);
    expect(r.source.text).toBe(text ?? seedText);
    expect(essence(r)).toEqual(essence(text === undefined ? seedRecords : parsePlan(text)));
  });

  test('CRLF changes offsets, not ids, metrics or the content hash', () => {
    const r = parsePlan(crlf);
    expect(r.document.contentHash).toBe(seedRecords.document.contentHash);
    expect(r.targets.map((t) => [t.id, t.metric, t.raw])).toEqual(seedRecords.targets.map((t) => [t.id, t.metric, t.raw]));
  });
});

describe('Word files', () => {
  test('the seed as a .docx reads as the text does', async () => {
    const docx = buildDocx(seedText.split('\n').map((text) => ({ text })));
    const r = await loadPlan(write('seed.docx', docx));
    expect(r.tasks.map((t) => [t.id, t.departments])).toEqual(seedRecords.tasks.map((t) => [t.id, t.departments]));
    expect(r.targets.map((t) => [t.metric, t.value, t.unit])).toEqual(seedRecords.targets.map((t) => [t.metric, t.value, t.unit]));
  });

  test('Word’s automatic numbering (一、 (一) 1.) becomes the headings', async () => {
    const docx = buildDocx([
      { text: '某区2022年工作要点' },
      { text: '重点任务', level: 0 },
      { text: '建设数字基础设施', level: 1 },
      { text: '推进基站建设。新建5G基站200个。(推进单位:区科委)', level: 2 },
      { text: '推进充电桩建设。新增公共充电桩400个。(推进单位:区建管委)', level: 2 },
      { text: '强化保障', level: 1 },
      { text: '落实资金。(推进单位:区财政局)', level: 2 },
      { text: '加强<宣传> & 培训。(推进单位:区委宣传部)', level: 0 },
    ]);
    const r = await loadPlan(write('numbered.docx', docx));
    expect(r.sections.map((s) => [s.id, s.title])).toEqual([
      ['s1', '重点任务'],
      ['s1.1', '建设数字基础设施'],
      ['s1.2', '强化保障'],
    ]);
    expect(r.tasks.map((t) => [t.id, t.title])).toEqual([
      ['t1.1.1', '推进基站建设'],
      ['t1.1.2', '推进充电桩建设'],
      ['t1.2.1', '落实资金'],
      // 二、 after the tasks is a top-level heading with nothing under it that names its department: a task of its own.
      ['t2', '加强<宣传> & 培训'],
    ]);
    // XML escapes are undone.
    expect(r.source.text).toContain('二、加强<宣传> & 培训');
    expect(r.targets.map((t) => [t.metric, t.value])).toEqual([
      ['5G基站', 200],
      ['公共充电桩', 400],
    ]);
  });
});

describe('records written by parse --json read back', () => {
  test('the JSON round trip is the identity', async () => {
    const { stdout, code } = await cli('parse', '--json');
    expect(code).toBe(0);
    const r = await loadPlan(write('seed.json', stdout));
    expect(r).toEqual(PlanRecordsSchema.parse(JSON.parse(stdout)));
    expect(essence(r)).toEqual(essence(seedRecords));
  });
});

describe('records of schema 1 (findings worded when written) read back', () => {
  test('their findings keep the sentence they were written with', async () => {
    const plan = write('noted.txt', '某区2022年工作计划\n一、重点任务\n1.建设数字底座。(推进单位:区科委)\n3.完善工作机制。\n');
    const current = JSON.parse((await cli('parse', plan, '--json')).stdout) as { schemaVersion: number; findings: { params?: unknown; message: string }[] };
    expect(current.findings.length).toBeGreaterThan(0);
    const old = { ...current, schemaVersion: 1, findings: current.findings.map(({ params: _, ...f }) => f) };
    const r = await loadPlan(write('old.json', JSON.stringify(old)));
    expect(r.schemaVersion).toBe(2);
    expect(r.findings.map((f) => [f.code, message(f, wording('en'))])).toEqual(current.findings.map((f) => [(f as unknown as { code: string }).code, f.message]));
  });
});

describe('unusable input: exit 2, one line with a code, no stack, no output', () => {
  const truncatedDocx = buildDocx([{ text: '1.任务' }]).slice(0, 200);
  const notAPlanZip = zipSync({ 'hello.txt': strToU8('hi') });
  test.each([
    { notes: 'missing file', file: () => join(work, 'missing.txt'), code: 'file-not-found' },
    { notes: 'a folder', file: () => work, code: 'file-unreadable' },
    { notes: 'empty file', file: () => write('empty.txt', ''), code: 'file-empty' },
    { notes: 'binary in .txt', file: () => write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3])), code: 'file-binary' },
    { notes: 'a zip named .txt', file: () => write('zip.txt', notAPlanZip), code: 'file-binary' },
    { notes: 'unsupported type', file: () => write('plan.pdf', '%PDF-1.7'), code: 'file-unsupported-type' },
    { notes: 'old binary Word', file: () => write('plan.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])), code: 'file-unsupported-type' },
    { notes: 'not UTF-8/16 nor GB18030', file: () => write('latin.txt', Buffer.from([0x81, 0x30, 0x81, 0x20, 0xff, 0xfe, 0x41, 0x80])), code: 'text-encoding-unknown' },
    { notes: 'text with no numbered tasks', file: () => write('prose.txt', '这是一段普通文字,没有编号任务。\n第二段。'), code: 'plan-no-tasks' },
    { notes: 'docx that is not a zip', file: () => write('fake.docx', 'not a zip at all'), code: 'docx-corrupt' },
    { notes: 'records of a later schema', file: () => write('later.json', JSON.stringify({ schemaVersion: 3, document: {}, findings: [] })), code: 'json-invalid' },
    { notes: 'truncated docx', file: () => write('cut.docx', truncatedDocx), code: 'docx-corrupt' },
    { notes: 'zip without a Word document', file: () => write('other.docx', notAPlanZip), code: 'docx-corrupt' },
    { notes: 'invalid JSON', file: () => write('bad.json', '{"schemaVersion": 1,'), code: 'json-invalid' },
    { notes: 'JSON of another shape', file: () => write('other.json', '{"hello": "world"}'), code: 'json-invalid' },
  ])('$notes → $code', async ({ file, code }) => {
    const path = file();
    const before = existsSync(path) && !path.endsWith(work) ? digest(path) : undefined;
    const out = join(work, `out-${code}-${Math.random().toString(36).slice(2)}`);
    const r = await cli('parse', path, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^plan-ledger: \\[${code}\\] [^\\n]+\\n$`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    if (before !== undefined) expect(digest(path)).toBe(before);
  });

  test('messages are zh-CN by default and English on request', async () => {
    const missing = join(work, 'missing.txt');
    expect((await cli('parse', missing)).stderr).toBe(`plan-ledger: [file-not-found] 找不到文件 ${missing}\n`);
    expect((await cli('--lang', 'en', 'parse', missing)).stderr).toBe(`plan-ledger: [file-not-found] cannot find file ${missing}\n`);
  });

  test('wrong usage is exit 2 too', async () => {
    for (const argv of [['parse', '--bogus'], ['frobnicate'], ['parse', 'a.txt', 'b.txt'], ['--lang', 'fr', 'parse']]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^plan-ledger: \[usage\] [^\n]+\n$/);
    }
  });

  test.each([
    { argv: ['parse', '--bogus'], line: '没有 --bogus 这个选项' },
    { argv: ['parse', '--out'], line: '选项 --out 后面要写一个值' },
    { argv: ['parse', '--json=yes'], line: '选项 --json 后面不写值' },
    { argv: ['frobnicate'], line: '没有 frobnicate 这个命令' },
    { argv: ['parse', 'a.txt', 'b.txt'], line: 'parse 只接受一个文件,收到 2 个' },
    { argv: ['check', 'a.xlsx', '--format', 'pdf'], line: '--format pdf:应为 text | json | csv | xlsx' },
    { argv: ['template', '--all', '--out', 'x'], line: 'template 需要 --period(如 2021、2021-H1、2021-Q2 或 2021-06)' },
  ])('usage is worded in Chinese: $argv', async ({ argv, line }) => {
    expect((await cli(...argv)).stderr).toBe(`plan-ledger: [usage] ${line}。运行 plan-ledger --help 查看用法\n`);
  });

  test('an output that cannot be written leaves no partial or temporary files', async () => {
    const blocker = write('blocker', 'a file where a folder should be');
    const r = await cli('parse', '--out', join(blocker, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^plan-ledger: \[output-unwritable\] /);
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
