import { extname } from 'node:path';
import { PlanLedgerError } from '../core/error.js';
import type { Locale } from '../core/code.js';
import { POLICIES, type Ledger, type Policy } from '../core/ledger.js';
import { DEFAULT_RULES, RulesSchema, type Rules } from '../core/audit.js';
import type { PlanRecords } from '../core/record.js';
import { readLedgerSheet, writeLedgerSheet } from '../sheets/ledger-book.js';
import { ledgerTables } from '../sheets/table.js';
import { readXlsx } from '../sheets/xlsx-reader.js';
import { parseCsv } from './csv.js';
import { decodeText } from './decode.js';
import { readFileBytes } from './file.js';
import { checkedJson, parseJsonFile } from './json.js';
import { tablesToWorkbook } from './xlsx.js';

/** The ledger workbook: 台账, 填报明细, 问题清单, 核算, and the ledger itself very hidden. */
export async function ledgerToXlsx(ledger: Ledger, locale: Locale): Promise<Uint8Array> {
  const workbook = tablesToWorkbook(ledgerTables(ledger, locale), locale);
  writeLedgerSheet(workbook, ledger);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The ledger in a workbook written by consolidate, or undefined when the file is something else. */
export function ledgerInWorkbook(bytes: Uint8Array): Ledger | undefined {
  try {
    return readLedgerSheet(readXlsx(bytes));
  } catch {
    return undefined;
  }
}

/** A per-target policy file: JSON {"t2.5.12-1": "sum"} or [{targetId, policy}], or CSV with columns targetId,policy. */
export async function readPolicies(file: string, records: PlanRecords): Promise<Map<string, Policy>> {
  const text = decodeText(readFileBytes(file), file).text;
  const invalid = (detail: string) => new PlanLedgerError('policy-invalid', { file, detail });
  let pairs: [string, string][];
  if (extname(file).toLowerCase() === '.csv') {
    // A policy file may come from any editor: LF or CRLF, with or without a BOM (it has no multi-line cells).
    const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, '').replace(/\r?\n/g, '\r\n'));
    const id = header?.findIndex((h) => /^(targetId|指标编号)$/.test(h.trim())) ?? -1;
    const policy = header?.findIndex((h) => /^(policy|汇总方式)$/.test(h.trim())) ?? -1;
    if (id < 0 || policy < 0) throw invalid('CSV needs the columns targetId and policy');
    pairs = rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => [(r[id] ?? '').trim(), (r[policy] ?? '').trim()]);
  } else {
    const data = parseJsonFile(text, file, 'policy-invalid');
    if (Array.isArray(data)) pairs = data.map((d: { targetId?: unknown; policy?: unknown }) => [String(d?.targetId ?? ''), String(d?.policy ?? '')]);
    else if (data !== null && typeof data === 'object') pairs = Object.entries(data).map(([k, v]) => [k, String(v)]);
    else throw invalid('expected an object or an array');
  }
  const targets = new Set(records.targets.map((t) => t.id));
  const policies = new Map<string, Policy>();
  for (const [id, policy] of pairs) {
    if (!targets.has(id)) throw invalid(`unknown target ${id || '(empty)'}`);
    if (!(POLICIES as readonly string[]).includes(policy)) throw invalid(`${id}: policy ${policy || '(empty)'} is not ${POLICIES.join(' | ')}`);
    policies.set(id, policy as Policy);
  }
  return policies;
}

/** Audit rules from a JSON file; whatever it leaves out keeps the default. */
export async function readRules(file: string | undefined): Promise<Rules> {
  if (file === undefined) return DEFAULT_RULES;
  const data = parseJsonFile(decodeText(readFileBytes(file), file).text, file, 'rules-invalid');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new PlanLedgerError('rules-invalid', { file, detail: 'expected an object' });
  const merged = {
    ...DEFAULT_RULES,
    ...data,
    behind: { ...DEFAULT_RULES.behind, ...('behind' in data ? (data.behind as object) : {}) },
    lights: { ...DEFAULT_RULES.lights, ...('lights' in data ? (data.lights as object) : {}) },
  };
  return checkedJson(RulesSchema, merged, file, 'rules-invalid');
}
