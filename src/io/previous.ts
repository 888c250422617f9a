// Last period's figures, from its returned sheets or from its ledger, for the check that running figures do not fall.
// Runs in the browser as in Node: files come as bytes.
import { finding, type Finding } from '../core/finding.js';
import type { Ledger, Submission } from '../core/ledger.js';
import type { PlanRecords } from '../core/record.js';
import type { SheetFile } from '../sheets/check.js';
import { figureKey, readProgressFileSheets, type PreviousFigures } from '../sheets/read.js';
import type { OpenOptions } from '../sheets/xlsx/reader.js';
import { ledgerFromXlsx } from './ledger.js';

export interface Previous {
  readonly figures: PreviousFigures;
  /** One previous-not-read for each file that gave no figures, so that a check left undone is never silent. */
  readonly findings: readonly Finding[];
  /** Who sent last period's sheets (and earlier periods', where its ledger kept them), for the ledger's trail. */
  readonly submissions: readonly Submission[];
  /** The ledgers among the files, whose periods (and those they carry) a new ledger carries as its history. */
  readonly ledgers: readonly Ledger[];
}

/**
 * Each department's last figure for each target, from last period's files: a ledger (consolidate's ledger.xlsx)
 * gives every department's reports, a progress sheet its own department's entries. Findings about last period's
 * rows are not repeated; a file of which nothing could be read is said once.
 */
export function readPrevious(files: readonly SheetFile[], records: PlanRecords, options: OpenOptions = {}): Previous {
  const figures = new Map<string, number>();
  const findings: Finding[] = [];
  const submissions: Submission[] = [];
  const ledgers: Ledger[] = [];
  for (const file of files) {
    const ledger = ledgerFromXlsx(file.bytes, file.file);
    if (ledger) {
      submissions.push(...(ledger.submissions ?? []));
      ledgers.push(ledger);
      for (const row of ledger.rows) for (const r of row.reports) if (row.targetId !== null && r.actual !== null) figures.set(figureKey(r.department, row.targetId), r.actual);
      continue;
    }
    const readings = readProgressFileSheets(file, { records, ...options });
    for (const { identity: id, reporter } of readings) {
      if (id) submissions.push({ department: id.department, period: id.period, file: file.file, sha256: null, reporter: reporter ?? null, generatedAt: id.generatedAt, planId: id.planId });
    }
    for (const reading of readings) for (const e of reading.entries) if (e.targetId !== null && e.actual !== null) figures.set(figureKey(e.department, e.targetId), e.actual);
    if (readings.every((r) => r.rows === 0)) {
      const because = readings.find((r) => r.findings.length > 0)?.findings[0]?.code ?? 'template-not-a-progress-sheet';
      findings.push(finding('previous-not-read', { file: file.file, because }, { file: file.file }));
    }
  }
  return { figures, findings, submissions, ledgers };
}
