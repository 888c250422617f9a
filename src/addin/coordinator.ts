/// <reference types="office-js" />
// The coordinator's flow, loaded when its tab is first opened: a plan in, departments' sheets out (into the open
// workbook or as files), returned sheets consolidated into the ledger.
import { DEFAULT_TEMPLATE_VERSION } from '../sheets/template/version.js';
import { auditLedger } from '../core/audit.js';
import { consolidate } from '../core/consolidate.js';
import { PlanLedgerError } from '../core/error.js';
import { withHistory } from '../core/history.js';
import { withLedgerFindings, type Ledger } from '../core/ledger.js';
import { describeError, message } from '../core/locales/index.js';
import { parsePeriod, type Period } from '../core/period.js';
import { localIso } from '../core/time.js';
import type { PlanRecords } from '../core/record.js';
import { departmentsFor } from '../core/worklist.js';
import { planFromBytes } from '../io/plan-source.js';
import type { Previous } from '../io/previous.js';
import { toCsv } from '../report/csv.js';
import { renderHtml } from '../report/html.js';
import { changeReportTable, renderChangeReport } from '../report/revision.js';
import { auditTables, ledgerHeading, ledgerTables } from '../report/tables.js';
import { crc32, writeZip } from '../sheets/xlsx/zip-writer.js';
import { jsonSheetCells, META_MARKER } from '../sheets/json-sheet.js';
import { carriedRecords, isMetaSheetName, META_SHEET, PLAN_SHEET, sheetFileName, type SheetMeta } from '../sheets/metadata.js';
import { unionOfSlices } from '../sheets/sheets-plan.js';
import { sheetReader } from '../sheets/read.js';
import { reissue, type Reissue } from '../sheets/reissue.js';
import { generateProgressSheet } from '../sheets/template/fill.js';
import type { PaneEnv } from './department.js';
import { errorText } from './host.js';
import { chosenOf, droppedFiles, filePicker, fill, h, pickedNames, pickerButton, readChosen, readPicked, XLSX_TYPE, type Chosen } from './dom.js';
import { isSheetFileName } from '../sheets/format.js';
import { loadPlanSheets } from './office-book.js';

/** Findings listed on screen; the rest are said to be in the downloads, whose findings tables hold them all. */
const SHOWN_FINDINGS = 200;


export function coordinatorView(env: PaneEnv): HTMLElement {
  const { p, w } = env;
  const c = p.coordinator;
  let records: PlanRecords | undefined;
  let ledger: Ledger | undefined;

  const planInput = h('input', { type: 'file', id: 'plan-file', accept: '.docx,.txt,.json' });
  // A coordinator's own template, when one is picked; the default one otherwise.
  const templateInput = h('input', { type: 'file', id: 'template-file', accept: '.xlsx,.xltx,.xlsm' });
  const fromWorkbook = h('button', { type: 'button', id: 'plan-from-workbook' }, c.planFromWorkbook);
  const planLine = h('p', { class: 'plan-line' }, c.noPlan);
  const periods = h('datalist', { id: 'periods' });
  const period = h('input', { type: 'text', id: 'period', value: defaultPeriod(), list: 'periods', autocomplete: 'off' });
  const checks = h('div', { class: 'checks', id: 'departments' });
  const fillHere = h('button', { type: 'button', id: 'fill-here', class: 'primary', disabled: !env.features.has('insert-sheets') }, c.fillHere);
  const downloadButton = h('button', { type: 'button', id: 'fill-download' }, c.download);
  const zipButton = h('button', { type: 'button', id: 'fill-zip' }, c.downloadZip);
  // Every spreadsheet kind: those that are not .xlsx get a finding saying how to fix them, never a silent skip.
  const returned = h('input', { type: 'file', id: 'returned-files', accept: '.xlsx,.xlsm,.xltx,.xls,.et,.ods,.numbers,.csv', multiple: true });
  // Or the whole folder the returned attachments were saved in, or files and folders dropped on the tab: every
  // spreadsheet in it, as `consolidate` takes a folder (Office's ~$ lock files and other files left out).
  const returnedFolder = h('input', { type: 'file', id: 'returned-folder', multiple: true, webkitdirectory: true });
  const returnedNames = h('span', { class: 'picked', id: 'returned-names' }, p.noFile);
  let returnedChosen: Chosen[] = [];
  const chooseReturned = (chosen: Chosen[]): void => {
    returnedChosen = chosen;
    returnedNames.textContent = pickedNames(chosen.map((f) => f.path), p.noFile);
  };
  returned.addEventListener('change', () => chooseReturned(chosenOf(returned.files)));
  returnedFolder.addEventListener('change', () => chooseReturned(chosenOf(returnedFolder.files).filter((f) => isSheetFileName(f.path))));
  const previousInput = h('input', { type: 'file', id: 'previous-files', accept: '.xlsx,.xlsm,.xltx', multiple: true });
  const consolidateButton = h('button', { type: 'button', id: 'consolidate', class: 'primary' }, c.consolidate);
  // The returned sheets made again from the plan loaded above (a revision), with what departments entered carried over.
  const reissueButton = h('button', { type: 'button', id: 'reissue' }, w.revision.button);
  const result = h('div', { class: 'ledger-result', id: 'ledger-result' });
  const reissued = h('div', { class: 'reissue-result', id: 'reissue-result' });
  const templateNotes = h('ul', { class: 'template-notes', id: 'template-notes' });

  const periodValue = (): Period | undefined => parsePeriod(period.value.trim());
  const chosen = (): string[] => Array.from(checks.querySelectorAll<HTMLInputElement>('input[type=checkbox][data-department]')).filter((b) => b.checked).map((b) => b.dataset['department'] as string);

  function showPlan(r: PlanRecords): void {
    records = r;
    // The plan year's periods to pick from: the year, its halves, quarters and months.
    const year = r.document.year ?? Number(period.value.slice(0, 4));
    if (Number.isInteger(year)) {
      const labels = [`${year}`, `${year}-H1`, `${year}-H2`, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`)];
      fill(periods, ...labels.map((label) => h('option', { value: label }, periodLabel(label, w))));
      if (!period.value.startsWith(String(year))) period.value = `${year}-Q4`;
    }
    planLine.textContent = c.planLoaded(r.document.title, r.tasks.length, r.targets.length, r.departments.length);
    showDepartments();
  }

  function showDepartments(): void {
    const at = periodValue();
    if (!records || !at) return fill(checks);
    const names = departmentsFor(records, at).map((d) => d.name);
    const all = h('input', { type: 'checkbox', id: 'all-departments', onchange: () => checks.querySelectorAll<HTMLInputElement>('input[data-department]').forEach((b) => (b.checked = all.checked)) });
    fill(checks, h('label', {}, all, c.all), ...names.map((name) => h('label', {}, h('input', { type: 'checkbox', 'data-department': name }), name)));
  }

  /** Each chosen department's sheet, filled from the default template. */
  async function filled(): Promise<{ department: string; bytes: Uint8Array; meta: SheetMeta }[] | undefined> {
    const at = periodValue();
    if (!records) return void env.say(c.noPlan, 'error');
    if (!at) return void env.say(c.period, 'error');
    const [own] = await readPicked(templateInput);
    const template = own?.bytes ?? (await env.defaultTemplate());
    const templateName = own?.file ?? 'progress-report.xlsx';
    const out = [];
    const notes = new Map<string, string>();
    for (const department of chosen()) {
      const sheet = await generateProgressSheet(template, { records, department, period: at, generatedAt: now(), templateVersion: own ? `custom:${own.file}` : DEFAULT_TEMPLATE_VERSION, templateName });
      out.push({ department, bytes: sheet.bytes, meta: sheet.meta });
      // What of the coordinator's template could not be carried as it was: said once, never lost in silence.
      for (const f of sheet.findings) notes.set(JSON.stringify(f.params), message(f, w));
    }
    fill(templateNotes, ...[...notes.values()].map((text) => h('li', { class: 'warning' }, text)));
    return out;
  }

  planInput.addEventListener('change', () =>
    guard(env, async () => {
      const [picked] = await readPicked(planInput);
      if (picked) showPlan(planFromBytes(picked.bytes, picked.file));
    }),
  );
  fromWorkbook.addEventListener('click', () =>
    guard(env, async () => {
      const metas = await Excel.run(async (context) => (await loadPlanSheets(context)).metas);
      const carried = unionOfSlices(metas.flatMap((m) => carriedRecords(m) ?? []));
      if (!carried) return env.say(p.department.noSheets, 'error');
      showPlan(carried);
    }),
  );
  period.addEventListener('input', showDepartments);
  downloadButton.addEventListener('click', () =>
    guard(env, async () => {
      const sheets = await filled();
      if (!sheets) return;
      if (sheets.every((s) => env.save(s.bytes, sheetFileName(s.meta.period, s.department), XLSX_TYPE))) env.say(c.downloaded(sheets.length));
    }),
  );
  zipButton.addEventListener('click', () =>
    guard(env, async () => {
      const sheets = await filled();
      if (!sheets || sheets.length === 0) return;
      // Workbooks are zips already: stored as they are, each with its CRC.
      const zip = writeZip(sheets.map((s) => stored(sheetFileName(s.meta.period, s.department), s.bytes)));
      if (env.save(zip, c.zipName(sheets[0]?.meta.period ?? ''), 'application/zip')) env.say(c.downloaded(sheets.length));
    }),
  );
  fillHere.addEventListener('click', () =>
    guard(env, async () => {
      const sheets = await filled();
      if (!sheets) return;
      let count = 0;
      const skipped: string[] = [];
      for (const s of sheets) {
        const name = await insertSheet(s.bytes, s.meta);
        if (name === undefined) skipped.push(sheetName(s.meta));
        else count++;
      }
      env.say([c.filled(count), ...skipped.map(c.sheetExists)].join(' '));
    }),
  );
  consolidateButton.addEventListener('click', () =>
    guard(env, async () => {
      if (!records) return env.say(c.noPlan, 'error');
      const files = await readChosen(returnedChosen);
      if (files.length === 0) return env.say(c.noFiles, 'error');
      const at = periodValue();
      const previous = await readPrevious(records);
      const consolidated = await consolidate(files, records, sheetReader(records, previous ? { previous: previous.figures } : {}), at ? { period: at } : {});
      ledger = withHistory(withLedgerFindings(consolidated, previous?.findings ?? []), previous?.ledgers ?? []);
      showLedger(ledger);
      env.say(c.consolidated(ledger.accounting.files, ledger.accounting.rowsRead));
    }),
  );

  reissueButton.addEventListener('click', () =>
    guard(env, async () => {
      if (!records) return env.say(c.noPlan, 'error');
      const files = await readChosen(returnedChosen);
      if (files.length === 0) return env.say(c.noFiles, 'error');
      const [own] = await readPicked(templateInput);
      const result = await reissue(files, records, {
        template: own?.bytes ?? (await env.defaultTemplate()),
        templateName: own?.file ?? 'progress-report.xlsx',
        templateVersion: own ? `custom:${own.file}` : DEFAULT_TEMPLATE_VERSION,
        generatedAt: now(),
        wording: w,
      });
      if (env.save(await reissueZip(result, w), w.revision.zipName(result.sheets[0]?.period ?? ''), 'application/zip')) showReissue(result);
    }),
  );

  /** What reissuing did, in a line, and each entry not carried over with why, before the change report in the download. */
  function showReissue(result: Reissue): void {
    const dropped = result.entries.filter((e) => !e.to);
    const r = w.revision;
    fill(
      reissued,
      h('p', { class: 'reissue-summary', id: 'reissue-summary' }, r.done(result.sheets.length, result.entries.length - dropped.length, dropped.length)),
      dropped.length ? h('h3', {}, `${r.dropped} (${dropped.length})`) : null,
      dropped.length
        ? h('ul', { class: 'reissue-dropped', id: 'reissue-dropped' }, ...dropped.map((e) => h('li', { 'data-id': e.from?.id ?? '' }, `${e.department} · ${[e.from?.path, e.from?.metric || e.from?.taskTitle].filter(Boolean).join(' ')}:${e.reason ? r.reason[e.reason] : ''}`)))
        : null,
      ...result.findings.map((f) => h('p', { class: 'error' }, message(f, w))),
    );
  }

  /** Last period's figures, when its files are picked (the reader of ledgers, with exceljs behind it, loads only then). */
  async function readPrevious(r: PlanRecords): Promise<Previous | undefined> {
    const files = await readPicked(previousInput);
    if (files.length === 0) return undefined;
    const { readPrevious: read } = await import('../io/previous.js');
    return read(files, r);
  }

  function showLedger(l: Ledger): void {
    const audit = auditLedger(l);
    const ledgerButton = h('button', { type: 'button', id: 'ledger-download', class: 'primary' }, c.ledgerDownload);
    ledgerButton.addEventListener('click', () =>
      guard(env, async () => {
        // exceljs (about 260 KB gzipped) writes the ledger workbook; it loads only now.
        const { ledgerToXlsx } = await import('../io/ledger.js');
        env.save(await ledgerToXlsx(l, w), 'ledger.xlsx', XLSX_TYPE);
      }),
    );
    const reportButton = h('button', { type: 'button', id: 'report-download', onclick: () => env.save(renderHtml(audit, now().replace('T', ' '), w), 'report.html', 'text/html') }, c.reportDownload);
    // The audit as the CLI writes it: audit.xlsx (exceljs, loaded now), and a CSV per table of the ledger and the audit.
    const auditButton = h('button', { type: 'button', id: 'audit-download' }, c.auditDownload);
    auditButton.addEventListener('click', () =>
      guard(env, async () => {
        const { tablesToXlsx } = await import('../report/xlsx.js');
        env.save(await tablesToXlsx(auditTables(audit, w), ledgerHeading(l, w, now().slice(0, 16).replace('T', ' '))), 'audit.xlsx', XLSX_TYPE);
      }),
    );
    const csvButton = h('button', { type: 'button', id: 'csv-download' }, c.csvDownload);
    csvButton.addEventListener('click', () =>
      guard(env, async () => {
        const tables = [...ledgerTables(l, w), ...auditTables(audit, w)];
        const encoder = new TextEncoder();
        env.save(writeZip(tables.map((t) => ({ name: `${t.name}.csv`, data: encoder.encode(toCsv(t)) }))), 'tables-csv.zip', 'application/zip');
      }),
    );
    fill(
      result,
      h('p', { class: 'accounting' }, w.accounting(l.accounting)),
      h('ul', { class: 'lights' }, ...(['green', 'yellow', 'red', 'grey'] as const).map((light) => h('li', { class: `light ${light}`, 'data-light': light }, h('span', { class: 'dot' }), `${w.light[light]} ${audit.totals[light]}`))),
      // Who has not reported (to chase), and where departments disagree, before the full list.
      ...chaseList(l, env),
      h('h3', {}, c.findings(l.findings.length)),
      // Each with the file it is in: the coordinator sends it back to that department.
      h('ul', { class: 'ledger-findings' }, ...l.findings.slice(0, SHOWN_FINDINGS).map((f) => h('li', { class: f.severity, 'data-code': f.code }, f.location.file ? h('span', { class: 'file' }, `${f.location.file} · `) : null, message(f, w)))),
      l.findings.length > SHOWN_FINDINGS ? h('p', { class: 'hint more-findings' }, c.moreFindings(l.findings.length - SHOWN_FINDINGS)) : null,
      h('div', { class: 'actions' }, ledgerButton, auditButton, csvButton, reportButton),
    );
  }

  const view = h('section', { class: 'view', id: 'coordinator' });
  // Returned sheets dropped anywhere on this tab, files or whole folders; only while the tab is shown.
  document.addEventListener('dragover', (e) => view.isConnected && e.preventDefault());
  document.addEventListener('drop', (e) => {
    if (!view.isConnected || !e.dataTransfer) return;
    e.preventDefault();
    void droppedFiles(e.dataTransfer).then((chosen) => chooseReturned(chosen.filter((f) => isSheetFileName(f.path))));
  });

  const field = (label: string, ...control: Node[]) => h('div', { class: 'field' }, h('label', {}, label), ...control);
  fill(
    view,
    h('p', { class: 'intro' }, env.workbook ? c.intro : c.introFiles),
    h('div', { class: 'field' }, filePicker(planInput, c.planFile, p.noFile)),
    env.workbook ? h('div', { class: 'actions' }, fromWorkbook) : null,
    planLine,
    h('div', { class: 'field' }, filePicker(templateInput, c.templateFile, c.defaultTemplate)),
    templateNotes,
    field(c.period, period, periods),
    field(c.departments, checks),
    h('div', { class: 'actions' }, env.workbook ? fillHere : null, downloadButton, zipButton),
    h('div', { class: 'field returned' }, h('div', { class: 'file-picker' }, pickerButton(returned, c.returned), pickerButton(returnedFolder, c.returnedFolder), returnedNames), h('p', { class: 'hint' }, c.dropHint)),
    h('div', { class: 'field' }, filePicker(previousInput, c.previous, p.noFile)),
    h('div', { class: 'actions' }, consolidateButton, reissueButton),
    reissued,
    result,
  );
  return view;
}

/** The departments that have not reported (催报), and the conflicts between departments, each as a list of its own. */
function chaseList(l: Ledger, env: PaneEnv): Node[] {
  const { p, w } = env;
  const missing = l.findings.flatMap((f) => (f.code === 'consolidate-missing' ? [(f.params as { department: string }).department] : []));
  const conflicts = l.findings.filter((f) => f.code === 'consolidate-conflict');
  return [
    ...(missing.length ? [h('h3', {}, p.coordinator.missing(missing.length)), h('p', { class: 'missing', id: 'missing' }, w.list(missing))] : []),
    ...(conflicts.length ? [h('h3', {}, p.coordinator.conflicts(conflicts.length)), h('ul', { class: 'conflicts', id: 'conflicts' }, ...conflicts.map((f) => h('li', {}, message(f, w))))] : []),
  ];
}

/** Runs a user's action, saying what went wrong in a line instead of failing. */
async function guard(env: PaneEnv, action: () => Promise<void>): Promise<void> {
  env.say(env.p.busy);
  try {
    await action();
    if (document.getElementById('status')?.textContent === env.p.busy) env.say('');
  } catch (error) {
    env.say(error instanceof PlanLedgerError ? describeError(error, env.w) : env.p.failed(errorText(error)), 'error');
  }
}

/** A progress sheet's name in a workbook of several: 区科委 2021-Q2, within Excel's 31 characters and rules. */
export function sheetName(meta: Pick<SheetMeta, 'department' | 'period'>): string {
  const name = `${meta.department} ${meta.period}`.replace(/[\\/:*?[\]']/g, '_');
  return name.length <= 31 ? name : `${name.slice(0, 31 - meta.period.length - 1)} ${meta.period}`;
}

/**
 * Inserts a filled workbook's sheets into the open one (ExcelApi 1.13), renamed so that several departments' sheets
 * live together: the progress sheet as 区科委 2021-Q2, its metadata sheet numbered and rewritten to name it, very
 * hidden again, and the progress sheet protected again. Undefined (and nothing inserted) when the sheet is there already.
 */
async function insertSheet(bytes: Uint8Array, meta: SheetMeta): Promise<string | undefined> {
  const target = sheetName(meta);
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const existing = new Set(sheets.items.map((s) => s.name));
    if (existing.has(target)) return undefined;
    let metaName = META_SHEET;
    for (let n = 2; existing.has(metaName); n++) metaName = `${META_SHEET}_${n}`;
    const ids = context.workbook.insertWorksheetsFromBase64(base64(bytes), { positionType: Excel.WorksheetPositionType.end });
    await context.sync();
    const inserted = ids.value.map((id) => sheets.getItem(id));
    for (const s of inserted) s.load('name,protection/protected');
    await context.sync();
    const cells = jsonSheetCells(META_MARKER, { ...meta, sheet: target });
    const writeMeta = (s: Excel.Worksheet) => {
      // Whatever the filler wrote there goes first: a longer metadata would leave pieces below the new one.
      s.getRange('A:A').clear(Excel.ClearApplyTo.contents);
      const range = s.getRange(`A1:A${cells.length}`);
      range.numberFormat = cells.map(() => ['@']);
      range.values = cells.map((text) => [text]);
      s.visibility = Excel.SheetVisibility.veryHidden;
    };
    const metaSheet = inserted.find((s) => isMetaSheetName(s.name));
    if (metaSheet) {
      metaSheet.name = metaName;
      writeMeta(metaSheet);
    } else {
      // Excel is not promised to insert a very hidden sheet; the metadata is written into one of the pane's own.
      writeMeta(sheets.add(metaName));
    }
    // One plan sheet a workbook: the first department's stays, very hidden; a second copy is not kept.
    for (const s of inserted) {
      if (s.name !== PLAN_SHEET && !s.name.startsWith(`${PLAN_SHEET} (`)) continue;
      if (existing.has(PLAN_SHEET)) s.delete();
      else s.visibility = Excel.SheetVisibility.veryHidden;
    }
    for (const s of inserted) {
      if (s === metaSheet || s.name.startsWith(PLAN_SHEET) || (s.name !== meta.sheet && !s.name.startsWith(`${meta.sheet} (`))) continue;
      s.name = target;
      // As the filler protects it (entry cells open; formatting cells, rows and columns allowed), where insertion did not keep it.
      if (!s.protection.protected) s.protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true });
    }
    await context.sync();
    return target;
  });
}

/** A workbook in a zip: stored as it is (it is a zip already), with its CRC. */
const stored = (name: string, data: Uint8Array) => ({ name, stored: { data, method: 0, size: data.length, crc: crc32(data), flags: 0, time: 0, date: 33 } });

/** The reissued sheets and the change report (变更报告/: .xlsx, with exceljs loaded only now, .csv and .html) in one zip, as the CLI writes them. */
async function reissueZip(result: Reissue, w: PaneEnv['w']): Promise<Uint8Array> {
  const { tablesToXlsx } = await import('../report/xlsx.js');
  const table = changeReportTable(result, w);
  const base = `${w.revision.fileBase}/${w.revision.fileBase}`;
  const at = now().slice(0, 16).replace('T', ' ');
  const heading = { title: w.revision.title, line: () => result.changes.map((c) => w.revision.versions(c.from, c.to)).join(';'), footer: w.printout.footer };
  const encoder = new TextEncoder();
  return writeZip([
    ...result.sheets.map((s) => stored(s.fileName, s.bytes)),
    { name: `${base}.xlsx`, data: await tablesToXlsx([table], heading) },
    { name: `${base}.csv`, data: encoder.encode(toCsv(table)) },
    { name: `${base}.html`, data: encoder.encode(renderChangeReport(result, at, w)) },
  ]);
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const now = (): string => localIso(new Date());

/** A period as a clerk reads it: 2021年第二季度. */
function periodLabel(label: string, w: PaneEnv['w']): string {
  const p = parsePeriod(label);
  return p ? w.periodName(p) : label;
}

/** This quarter: 2026-Q4. */
function defaultPeriod(): string {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}
