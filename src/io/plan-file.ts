import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlanLedgerError } from '../core/error.js';
import { parsePlan } from '../core/parse.js';
import { PlanRecordsSchema, type PlanRecords } from '../core/record.js';
import type { Locale } from '../core/code.js';
import { decodeText } from './decode.js';
import { docxText } from './docx.js';
import { readFileBytes, regularFile } from './file.js';
import { checkedJson, parseJsonFile } from './json.js';

/** The plan every command uses when none is named: 杨府〔2021〕13号. */
export const SEED_PLAN = fileURLToPath(new URL('../../seeds/yangpu-2021-13.txt', import.meta.url));

const MAX_PLAN_BYTES = 50 * 1024 * 1024;
const TEXT_TYPES = new Set(['.txt', '.text', '.md', '']);

/**
 * Reads a plan from .txt (UTF-8, UTF-16, GB18030/GBK), .docx, or .json written by parse --json.
 * Throws PlanLedgerError for anything unusable, including a text with no numbered tasks.
 */
export async function loadPlan(file: string = SEED_PLAN, locale: Locale = 'zh-CN'): Promise<PlanRecords> {
  const bytes = readBytes(file);
  const type = extname(file).toLowerCase();
  let records: PlanRecords;
  if (type === '.json') {
    records = fromJson(bytes, file);
  } else if (type === '.docx') {
    if (!isZip(bytes)) throw new PlanLedgerError('docx-corrupt', { file, detail: 'not a zip archive' });
    records = parsePlan(docxText(bytes, file), { file, encoding: 'docx', locale });
  } else if (TEXT_TYPES.has(type)) {
    if (isZip(bytes)) throw new PlanLedgerError('file-binary', { file });
    const decoded = decodeText(bytes, file);
    records = parsePlan(decoded.text, { file, encoding: decoded.encoding, locale });
  } else {
    throw new PlanLedgerError('file-unsupported-type', { file });
  }
  if (records.tasks.length === 0) throw new PlanLedgerError('plan-no-tasks', { file });
  return records;
}

function readBytes(file: string): Uint8Array {
  const { size } = regularFile(file);
  if (size === 0) throw new PlanLedgerError('file-empty', { file });
  if (size > MAX_PLAN_BYTES) throw new PlanLedgerError('file-too-large', { file, limit: '50 MB' });
  return readFileBytes(file);
}

function fromJson(bytes: Uint8Array, file: string): PlanRecords {
  return checkedJson(PlanRecordsSchema, parseJsonFile(decodeText(bytes, file).text, file, 'json-invalid'), file, 'json-invalid');
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
