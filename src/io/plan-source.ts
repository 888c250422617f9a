import { PlanLedgerError } from '../core/error.js';
import { parsePlan, type ParseOptions } from '../core/parse.js';
import { PlanRecordsSchema, type PlanRecords } from '../core/record.js';
import { decodeText } from './decode.js';
import { docxText } from './docx.js';
import { checkedJson, parseJson } from './json.js';

/** A plan's text is a few hundred KB; anything above this is refused unread. */
export const MAX_PLAN_BYTES = 50 * 1024 * 1024;

const TEXT_TYPES = new Set(['.txt', '.text', '.md', '']);

/**
 * A plan from a file's bytes, whatever gave them (a disk, a file a user dropped in a page): .txt (UTF-8, UTF-16,
 * GB18030/GBK), .docx, or .json written by parse --json, told by the name's extension. Throws PlanLedgerError for
 * anything unusable, including a text with no numbered tasks.
 */
export function planFromBytes(bytes: Uint8Array, file: string, options: Pick<ParseOptions, 'coordinator'> = {}): PlanRecords {
  if (bytes.length === 0) throw new PlanLedgerError('file-empty', { file });
  if (bytes.length > MAX_PLAN_BYTES) throw new PlanLedgerError('file-too-large', { file, limitMB: MAX_PLAN_BYTES / 1024 / 1024 });
  const type = extension(file);
  let records: PlanRecords;
  if (type === '.json') {
    records = fromJson(bytes, file);
  } else if (type === '.docx') {
    if (!isZip(bytes)) throw new PlanLedgerError('docx-corrupt', { file, reason: 'not-a-zip' });
    records = parsePlan(docxText(bytes, file), { ...options, file, encoding: 'docx' });
  } else if (TEXT_TYPES.has(type)) {
    if (isZip(bytes)) throw new PlanLedgerError('file-binary', { file });
    const decoded = decodeText(bytes, file);
    records = parsePlan(decoded.text, { ...options, file, encoding: decoded.encoding });
  } else {
    throw new PlanLedgerError('file-unsupported-type', { file });
  }
  if (records.tasks.length === 0) throw new PlanLedgerError('plan-no-tasks', { file });
  return records;
}

function fromJson(bytes: Uint8Array, file: string): PlanRecords {
  return checkedJson(PlanRecordsSchema, parseJson(decodeText(bytes, file).text, file, 'json-invalid'), file, 'json-invalid');
}

/** The lower-cased extension of a file name, with its dot; '' for none. */
function extension(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
