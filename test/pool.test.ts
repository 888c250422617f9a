import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePeriod } from '../src/core/period.js';
import { consolidate } from '../src/core/consolidate.js';
import { nativeInflate, sha256Hex } from '../src/io/zlib.js';
import { listSheetFiles } from '../src/io/sheet-file.js';
import { ReadPool } from '../src/io/read-pool.js';
import { demoSheets } from '../src/sheets/demo.js';
import { sheetReader } from '../src/sheets/read.js';
import { defaultTemplate, seed } from './helpers/sheets.js';

describe('reading in worker threads', () => {
  test('gives the same ledger as reading here, for a folder with duplicates and mistakes', async () => {
    const period = parsePeriod('2021-Q2');
    if (!period) throw new Error('period');
    const sheets = await demoSheets(seed, period, { template: new Uint8Array(defaultTemplate), mistakes: 0.3, seed: 3, generatedAt: '2021-06-20T10:00:00' });
    const dir = mkdtempSync(join(tmpdir(), 'plan-ledger-pool-'));
    sheets.forEach((s, i) => {
      writeFileSync(join(dir, `${i}-a.xlsx`), s.bytes);
      writeFileSync(join(dir, `${i}-b.xlsx`), s.bytes);
    });
    const here = await consolidate(await listSheetFiles([dir]), seed, sheetReader(seed, { inflate: nativeInflate, digest: sha256Hex }), { period });
    const pool = new ReadPool(seed, 2);
    try {
      const there = await consolidate(await listSheetFiles([dir]), seed, pool.reader, { period, concurrency: 16 });
      expect(there).toEqual(here);
      expect(here.accounting).toMatchObject({ files: 32, sheetsAccepted: 16 });
      expect(here.accounting.rowsRead).toBe(here.accounting.rowsMerged + here.accounting.rowsRejected);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
