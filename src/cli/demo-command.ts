import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditLedger } from '../core/audit.js';
import { parsePeriod, type Period } from '../core/period.js';
import { writeAuditFiles } from '../io/audit-file.js';
import { consolidateFiles } from '../io/consolidate-files.js';
import { exportPlan } from '../io/export.js';
import { readFileBytes, writeFileAtomic } from '../io/file.js';
import { nodeZlib } from '../io/zlib.js';
import { ledgerToXlsx } from '../io/ledger.js';
import { readRules } from '../io/ledger-file.js';
import { loadPlan, SEED_PLAN } from '../io/plan-file.js';
import { DEFAULT_TEMPLATE, OFFLINE_PAGE, sheetFileName } from '../io/sheet-file.js';
import { writeDepartmentSheets } from '../io/sheet-writer.js';
import { demoSheets } from '../sheets/demo.js';
import type { Context } from './io.js';

export interface DemoCommand {
  readonly plan: string | undefined;
  readonly out: string | undefined;
}

/**
 * plan-ledger demo (npm start): the whole job on a plan, the bundled seed by default: its tables, blank
 * sheets for every department (the plan year's first quarter), filled samples for the second quarter,
 * the ledger, and the audit with its HTML report; it says where each is.
 */
export async function demoCommand(cmd: DemoCommand, { io, w, plan: settings }: Context): Promise<number> {
  const out = cmd.out ?? 'out';
  const records = await loadPlan(cmd.plan ?? SEED_PLAN, settings);
  const year = records.document.year ?? new Date().getFullYear();
  const [q1, q2] = [`${year}-Q1`, `${year}-Q2`].map((label) => parsePeriod(label) as Period) as [Period, Period];
  const step = (line: string) => io.out(`${line}\n`);

  const tables = await exportPlan(records, out, w);
  step(w.cli.demo.records(resolve(out), tables.length));
  const blank = await writeDepartmentSheets(records, q1, { template: undefined, department: undefined, out: join(out, 'sheets'), wording: w });
  step(w.cli.demo.blank(q1.label, resolve(out, 'sheets'), blank.files.length));
  const filled = await demoSheets(records, q2, { template: readFileBytes(DEFAULT_TEMPLATE), mistakes: 0.15, seed: 1, generatedAt: `${year}-06-20T10:00:00`, wording: w, ...nodeZlib });
  const filledDir = join(out, 'filled');
  for (const s of filled) await writeFileAtomic(join(filledDir, sheetFileName(q2.label, s.department)), s.bytes);
  step(w.cli.demo.filled(q2.label, resolve(filledDir), filled.length));
  const ledger = await consolidateFiles([filledDir], records, { period: q2 });
  const ledgerPath = join(out, 'ledger.xlsx');
  await writeFileAtomic(ledgerPath, await ledgerToXlsx(ledger, w));
  step(w.cli.demo.ledger(resolve(ledgerPath), ledger.accounting, ledger.findings.length));
  const { html, forms } = await writeAuditFiles(auditLedger(ledger, readRules(undefined)), join(out, 'audit'), w, new Date());
  step(w.cli.demo.audit(resolve(html), { count: forms.count, dir: resolve(forms.dir) }));
  // The offline page, for the departments that cannot run the add-in (built by npm run build:page; npm start does).
  if (existsSync(OFFLINE_PAGE)) {
    const page = join(out, 'plan-ledger.html');
    await writeFileAtomic(page, readFileBytes(OFFLINE_PAGE));
    step(w.cli.demo.page(resolve(page)));
  } else {
    step(w.cli.demo.pageMissing);
  }
  return 0;
}
