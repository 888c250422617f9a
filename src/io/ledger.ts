import { DEFAULT_RULES, RulesSchema, type Rules } from '../core/audit.js';
import { historyOf } from '../core/history.js';
import { PlanLedgerError } from '../core/error.js';
import { POLICIES, type Ledger, type Policy } from '../core/ledger.js';
import { LOCALES, wording, type Wording } from '../core/locales/index.js';
import type { PlanRecords } from '../core/record.js';
import { parseCsv } from '../report/csv.js';
import { localIso } from '../core/time.js';
import { historyTables } from '../report/history-tables.js';
import { ledgerHeading, ledgerTables } from '../report/tables.js';
import { tablesToWorkbook } from '../report/xlsx.js';
import { readLedgerSheet, writeLedgerSheet } from '../sheets/ledger-book.js';
import { openWorkbook } from '../sheets/xlsx/reader.js';
import { checkedJson, parseJson } from './json.js';

/** The ledger workbook: 台账, 填报明细, 问题清单, 核算 (and 历史 where it carries earlier periods) in the reader's language, and the ledger itself very hidden. */
export async function ledgerToXlsx(ledger: Ledger, w: Wording, now: Date = new Date()): Promise<Uint8Array> {
  // Where it carries earlier periods: their 历史 sheets, and the running figures that fell among its problems.
  const history = ledger.history?.length ? historyOf([ledger]) : undefined;
  const tables = history ? [...ledgerTables({ ...ledger, findings: [...ledger.findings, ...history.findings] }, w), ...historyTables(history, w)] : ledgerTables(ledger, w);
  const workbook = tablesToWorkbook(tables, ledgerHeading(ledger, w, printedAt(now)));
  writeLedgerSheet(workbook, ledger);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The ledger in a workbook written by consolidate; undefined when the workbook is something else (sheets, say).
 * Throws ledger-invalid for a ledger sheet whose content does not fit.
 */
export function ledgerFromXlsx(bytes: Uint8Array, file: string): Ledger | undefined {
  let stored;
  try {
    stored = readLedgerSheet(openWorkbook(bytes));
  } catch {
    return undefined;
  }
  if (stored && 'damaged' in stored) throw new PlanLedgerError('ledger-invalid', { file, reason: 'damaged' });
  return stored?.ledger;
}

/** A per-target policy file's text: JSON {"t2.5.12-1": "sum"} or [{targetId, policy}], or CSV with columns targetId,policy (指标编号,汇总方式). */
export function parsePolicies(text: string, file: string, format: 'json' | 'csv', records: PlanRecords): Map<string, Policy> {
  let pairs: [string, string][];
  if (format === 'csv') {
    // A policy file may come from any editor: LF or CRLF, with or without a BOM (it has no multi-line cells).
    const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, '').replace(/\r?\n/g, '\r\n'));
    const id = header?.findIndex((h) => /^(targetId|指标编号)$/.test(h.trim())) ?? -1;
    const policy = header?.findIndex((h) => /^(policy|汇总方式)$/.test(h.trim())) ?? -1;
    if (id < 0 || policy < 0) throw new PlanLedgerError('policy-invalid', { file, reason: 'csv-columns' });
    pairs = rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => [(r[id] ?? '').trim(), (r[policy] ?? '').trim()]);
  } else {
    const data = parseJson(text, file, 'policy-invalid');
    if (Array.isArray(data)) pairs = data.map((d: { targetId?: unknown; policy?: unknown }) => [String(d?.targetId ?? ''), String(d?.policy ?? '')]);
    else if (data !== null && typeof data === 'object') pairs = Object.entries(data).map(([k, v]) => [k, String(v)]);
    else throw new PlanLedgerError('policy-invalid', { file, reason: 'not-an-object' });
  }
  const targets = new Set(records.targets.map((t) => t.id));
  const policies = new Map<string, Policy>();
  for (const [target, written] of pairs) {
    if (!targets.has(target)) throw new PlanLedgerError('policy-invalid', { file, reason: 'unknown-target', target });
    const policy = POLICY_WORDS.get(written.toLowerCase());
    if (policy === undefined) throw new PlanLedgerError('policy-invalid', { file, reason: 'unknown-policy', target, policy: written });
    policies.set(target, policy);
  }
  return policies;
}

/** A policy as a file may write it: same, sum, lead, or as the ledger's 汇总方式 column shows it in either language. */
const POLICY_WORDS: ReadonlyMap<string, Policy> = new Map(
  POLICIES.flatMap((p) => [[p, p] as const, ...LOCALES.map((l) => [wording(l).policy[p].toLowerCase(), p] as const)]),
);

/** Audit rules from a JSON text; whatever it leaves out keeps the default. */
export function parseRules(text: string, file: string): Rules {
  const data = parseJson(text, file, 'rules-invalid');
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new PlanLedgerError('rules-invalid', { file, reason: 'not-an-object' });
  const merged = {
    ...DEFAULT_RULES,
    ...data,
    behind: { ...DEFAULT_RULES.behind, ...('behind' in data ? (data.behind as object) : {}) },
    lights: { ...DEFAULT_RULES.lights, ...('lights' in data ? (data.lights as object) : {}) },
    measures: { ...DEFAULT_RULES.measures, ...('measures' in data ? (data.measures as object) : {}) },
  };
  return checkedJson(RulesSchema, merged, file, 'rules-invalid');
}

/** A time as a printed page shows it, local: 2021-06-30 10:00. */
export function printedAt(now: Date): string {
  return localIso(now).slice(0, 16).replace('T', ' ');
}
