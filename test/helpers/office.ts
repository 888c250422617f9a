import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { PDFTOPPM, run, SOFFICE, XMLLINT } from './tools.js';

const OFFICE_TIMEOUT = 180_000;

/** The XML parts of a workbook that xmllint does not find well-formed, with what it said. */
export function malformedParts(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-xml-'));
  const names = Object.entries(unzipSync(bytes))
    .filter(([name]) => /\.(xml|rels|vml)$/.test(name))
    .map(([name, data], i) => {
      writeFileSync(join(dir, `${i}.xml`), data);
      return name;
    });
  const bad: string[] = [];
  names.forEach((name, i) => {
    try {
      run(XMLLINT, ['--noout', join(dir, `${i}.xml`)]);
    } catch (e) {
      bad.push(`${name}: ${String((e as { stderr?: string }).stderr ?? e)}`);
    }
  });
  return bad;
}

/**
 * Opens a workbook in LibreOffice and prints it to `dir/base.pdf`, page 1 kept as `base-page-1.png` for people to look at;
 * returns the PDF's text. Throws when LibreOffice cannot open it.
 */
export function renderPdf(bytes: Uint8Array, base: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${base}.xlsx`), bytes);
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  run(SOFFICE, ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, `${base}.xlsx`)], OFFICE_TIMEOUT);
  const pdf = join(dir, `${base}.pdf`);
  if (readFileSync(pdf).subarray(0, 5).toString() !== '%PDF-') throw new Error(`${pdf} is not a PDF`);
  run(PDFTOPPM, ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, `${base}-page-1`)]);
  if (statSync(join(dir, `${base}-page-1.png`)).size < 10_000) throw new Error('page 1 is blank');
  return run('/usr/bin/pdftotext', ['-layout', pdf, '-']);
}
