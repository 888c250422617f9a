/// <reference types="office-js" />
import { auditLedger, countLights, LIGHTS, type Light } from '../core/audit.js';
import { consolidate, type SheetReading } from '../core/consolidate.js';
import type { Finding } from '../core/finding.js';
import { message, type Wording } from '../core/locales/index.js';
import type { PaneWording } from '../core/locales/pane.js';
import { parsePeriod } from '../core/period.js';
import { carriedRecords, sheetFileName, type SheetMeta } from '../sheets/metadata.js';
import { readProgressSheet } from '../sheets/read.js';
import { rawText } from '../sheets/xlsx/grid.js';
import { fill, h, readChoice, writeChoice, XLSX_TYPE } from './dom.js';
import { explainRow } from './explain.js';
import { errorText, workbookBytes } from './host.js';
import { ENTRY_COLUMNS, MARK, queueFills, resolveOriginals } from './marks.js';
import { loadPlanSheets, queueBlock, queueUsed, rowsAddress, type PlanSheets } from './office-book.js';
import type { Features } from './features.js';

export interface PaneEnv {
  readonly w: Wording;
  readonly p: PaneWording;
  readonly features: Features;
  /** Shows a line to the user: what happened, or what went wrong. */
  readonly say: (text: string, kind?: 'info' | 'error') => void;
  /**
   * Offers bytes as a file to save; false (and said why) where the pane cannot: Excel for Mac ignores downloads from
   * add-ins (office-js issues 2700, 4681).
   */
  readonly save: (bytes: Uint8Array | string, file: string, type: string) => boolean;
  readonly canDownload: boolean;
  /** Whether an Excel workbook is open (the task pane), or only files (the offline page). */
  readonly workbook: boolean;
  /** The default template's bytes: served beside the pane, carried inside the page. */
  readonly defaultTemplate: () => Promise<Uint8Array>;
}

/** What the pane holds of one progress sheet: its metadata, what its entry cells looked like, and the marks it set. */
interface SheetState {
  readonly meta: SheetMeta;
  /** Each entry cell's own fill, as loaded when the pane opened (null: none). */
  readonly originals: Map<string, string | null>;
  /** The colour the pane set on each cell it marked. */
  readonly marks: Map<string, string>;
  readonly entryColumns: ReadonlySet<string>;
}

/** Where the pane remembers whether to colour cells. */
const MARKS_KEY = 'plan-ledger.marks';

/**
 * The department's flow: every progress sheet in the workbook read and checked when the pane opens, re-checked row by
 * row as cells change, findings listed by row and marked on their entry cells, a row's target explained when selected.
 */
export class DepartmentView {
  readonly root = h('section', { class: 'view', id: 'department' });
  private readonly list = h('div', { class: 'findings', role: 'list' });
  private readonly summary = h('div', { class: 'summary' });
  private readonly explain = h('div', { class: 'explain' });
  private readonly header = h('p', { class: 'sheet-line' });
  private readonly banner = h('p', { class: 'banner', hidden: true });
  private loaded: PlanSheets | undefined;
  private readonly states = new Map<string, SheetState>();
  private readings = new Map<string, SheetReading>();
  /** False once the sheet's protection refused a colour. */
  private marksAllowed = true;
  /**
   * The user's choice to colour cells: before ExcelApi 1.20 any write by an add-in clears Excel's undo list, colours
   * included, so a clerk who needs undo can turn them off (remembered in this pane).
   */
  private marksWanted = readChoice(MARKS_KEY, true);
  private listening = false;
  /** One check at a time: what arrives meanwhile waits for it. */
  private queue: Promise<void> = Promise.resolve();
  /** Rows changed and not yet re-read, by sheet (undefined: the whole sheet): changes that arrive during a check are merged into one re-read. */
  private readonly pending = new Map<string, [number, number] | undefined>();

  constructor(private readonly env: PaneEnv) {
    const { p } = env;
    const recheck = h('button', { type: 'button', id: 'recheck', onclick: () => void this.serial(() => this.recheck()) }, p.department.recheck);
    const submit = h('button', { type: 'button', id: 'submit', class: 'primary', onclick: () => void this.serial(() => this.submit()) }, p.department.submit);
    const marks = h('input', { type: 'checkbox', id: 'marks', checked: this.marksWanted });
    marks.addEventListener('change', () => {
      this.marksWanted = marks.checked;
      writeChoice(MARKS_KEY, marks.checked);
      void this.serial(() => Excel.run((context) => this.applyMarks(context)));
    });
    const choice = h('label', { class: 'choice', title: p.department.marksNote }, marks, p.department.marks);
    fill(this.root, h('p', { class: 'intro' }, p.department.intro), this.header, this.banner, h('div', { class: 'actions' }, recheck, submit), choice, this.summary, this.list, this.explain);
    this.showExplainHint();
  }

  /** Reads the workbook, checks every progress sheet, and starts listening for changes. */
  open(): Promise<void> {
    return this.serial(() => this.read());
  }

  /** Reads the workbook anew: its progress sheets found, read in full and checked. */
  private async read(): Promise<void> {
    await Excel.run(async (context) => {
      this.states.clear();
      // Each entry cell's own fill is loaded with the rows, to be put back when a mark is cleared.
      const loaded = await loadPlanSheets(context, (meta, sheet) => {
        const fills = queueFills(meta, sheet);
        return () => {
          const entryColumns = new Set(ENTRY_COLUMNS.flatMap((c) => (meta.columns[c] ? [meta.columns[c]] : [])));
          const { originals, marks } = fills();
          this.states.set(meta.sheet, { meta, originals: resolveOriginals(originals), marks, entryColumns });
        };
      });
      this.loaded = loaded;
      this.check();
      // Events are registered with the marks' sync: opening takes three syncs (names, rows, marks).
      const listening = !this.listening && loaded.metas.length > 0;
      if (listening) this.listen(context);
      await this.applyMarks(context, listening);
      this.listening ||= listening;
    });
    this.render();
  }

  /** Runs every rule over the mirrored sheets: pure, no round trip. Timed as plan-ledger:check (npm run bench reads it). */
  private check(): void {
    if (!this.loaded) return;
    const started = performance.now();
    const { book, metas } = this.loaded;
    const file = this.workbookName();
    this.readings = new Map(metas.map((meta) => [meta.sheet, readProgressSheet(book, meta, { file })]));
    performance.measure('plan-ledger:check', { start: started });
  }

  /** The cells to colour now, and how: only entry cells, the worse finding's colour where a cell has two. */
  private wanted(state: SheetState): Map<string, string> {
    const wanted = new Map<string, string>();
    for (const f of this.readings.get(state.meta.sheet)?.findings ?? []) {
      const cell = f.location.cell;
      if (!cell || f.severity === 'info' || !state.entryColumns.has(cell.replace(/\d+$/, ''))) continue;
      if (wanted.get(cell) !== MARK.error) wanted.set(cell, f.severity === 'error' ? MARK.error : MARK.warning);
    }
    return wanted;
  }

  /** Sets and clears marks where they changed, in one sync; never protects or unprotects (both clear Excel's undo). */
  private async applyMarks(context: Excel.RequestContext, syncAnyway = false): Promise<void> {
    if (!this.marksAllowed) return syncAnyway ? context.sync() : undefined;
    const clearing = !this.marksWanted;
    let queued = false;
    // The marks each sheet will carry once this sync succeeds.
    const next = new Map<SheetState, Map<string, string>>();
    for (const state of this.states.values()) {
      const sheet = this.worksheet(context, state.meta.sheet);
      const wanted = clearing ? new Map<string, string>() : this.wanted(state);
      next.set(state, wanted);
      for (const cell of new Set([...wanted.keys(), ...state.marks.keys()])) {
        const colour = wanted.get(cell);
        if (colour === state.marks.get(cell)) continue;
        const format = sheet.getRange(cell).format.fill;
        const original = state.originals.get(cell) ?? null;
        if (colour !== undefined) format.color = colour;
        else if (original !== null) format.color = original;
        else format.clear();
        queued = true;
      }
    }
    if (!queued) return syncAnyway ? context.sync() : undefined;
    try {
      await context.sync();
      for (const [state, wanted] of next) {
        state.marks.clear();
        for (const [cell, colour] of wanted) state.marks.set(cell, colour);
      }
    } catch (error) {
      // A template protected without 'format cells' refuses colours; the list still says everything.
      if ((error as OfficeExtension.Error).code !== 'AccessDenied') throw error;
      this.marksAllowed = false;
      this.showBanner(this.env.p.department.marksUnavailable);
    }
  }

  /** Re-reads the given rows of a sheet (one sync), re-checks, and updates marks (one more). Timed as plan-ledger:change. */
  async changed(sheetName: string, from: number | undefined, to: number | undefined): Promise<void> {
    const state = this.states.get(sheetName);
    const loaded = this.loaded;
    if (!state || !loaded) return;
    const started = performance.now();
    await Excel.run(async (context) => {
      const sheet = this.worksheet(context, sheetName);
      const mirror = loaded.book.mirror(sheetName);
      if (from === undefined || to === undefined) {
        // Rows inserted or deleted, or whole columns changed: the sheet is read again.
        const used = queueUsed(sheet, state.meta);
        await context.sync();
        mirror.clear();
        const block = used();
        if (block) mirror.put(block);
      } else {
        const block = queueBlock(sheet.getRange(rowsAddress(state.meta, from, to)));
        await context.sync();
        mirror.put(block());
      }
      this.check();
      await this.applyMarks(context);
    });
    this.render();
    performance.measure('plan-ledger:change', { start: started });
  }

  /** 重新检查: every progress sheet read again in one sync, marks in one more. */
  private async recheck(): Promise<void> {
    const loaded = this.loaded;
    // No progress sheet when the pane opened: perhaps the coordinator has filled some in since.
    if (!loaded || loaded.metas.length === 0) return this.read();
    await Excel.run(async (context) => {
      const reads = loaded.metas.map((meta) => ({ meta, used: queueUsed(this.worksheet(context, meta.sheet), meta) }));
      await context.sync();
      for (const { meta, used } of reads) {
        const mirror = loaded.book.mirror(meta.sheet);
        mirror.clear();
        const block = used();
        if (block) mirror.put(block);
      }
      this.check();
      await this.applyMarks(context);
    });
    this.render();
  }

  /** 提交: checked once more; with nothing to correct, the workbook is saved as a copy named as the coordinator expects. */
  private async submit(): Promise<void> {
    await this.recheck();
    const { p } = this.env;
    const errors = this.findings().filter((f) => f.severity === 'error').length;
    const meta = this.loaded?.metas[0];
    if (!meta) return this.env.say(p.department.noSheets, 'error');
    if (errors > 0) return this.env.say(p.department.submitBlocked(errors), 'error');
    const file = sheetFileName(meta.period, meta.department);
    if (!this.env.canDownload) return this.env.say(p.department.saveByHand(file));
    let bytes: Uint8Array;
    try {
      bytes = await workbookBytes();
    } catch {
      // Where Excel cannot hand the file over (Excel on the web offers it only as PDF), the user saves it by name.
      return this.env.say(p.department.saveByHand(file));
    }
    if (this.env.save(bytes, file, XLSX_TYPE)) this.env.say(p.department.submitted(file));
  }

  /** Calls `task` after whatever is running, so that checks never overlap. */
  serial(task: () => Promise<void>): Promise<void> {
    const next = this.queue.then(task).catch((error: unknown) => this.env.say(this.env.p.failed(errorText(error)), 'error'));
    this.queue = next;
    return next;
  }

  /** Change, selection, activation and protection events, as far as this Excel has them: queued for the caller's sync. */
  private listen(context: Excel.RequestContext): void {
    const { features } = this.env;
    const sheets = context.workbook.worksheets;
    if (features.has('live-check')) {
      sheets.onChanged.add(async (event) => this.onChanged(event));
      sheets.onSelectionChanged.add(async (event) => this.onSelected(event.worksheetId, event.address));
    }
    // Events are missed in known cases (a dropdown pick on the web, a fill over filtered rows): activation re-checks.
    sheets.onActivated.add(async (event) => {
      if (this.sheetOf(event.worksheetId)) await this.serial(() => this.recheck());
    });
    if (features.has('protection-watch')) {
      sheets.onProtectionChanged.add(async (event) => {
        const name = this.sheetOf(event.worksheetId);
        if (name && !event.isProtected) this.showBanner(this.env.p.department.protectionOff(name));
        else if (name) this.showBanner(undefined);
      });
    }
  }

  private async onChanged(event: Excel.WorksheetChangedEventArgs): Promise<void> {
    // The pane's own writes (none on this path but fills, which raise no change) are not the user's.
    if (event.triggerSource === 'ThisLocalAddin') return;
    const name = this.sheetOf(event.worksheetId);
    if (!name) return;
    const rows = event.changeType === 'RangeEdited' ? rowSpan(event.address) : undefined;
    const waiting = this.pending.has(name);
    const before = this.pending.get(name);
    this.pending.set(name, !rows || (waiting && !before) ? undefined : before ? [Math.min(before[0], rows[0]), Math.max(before[1], rows[1])] : rows);
    // A re-read already waiting for this sheet takes these rows too.
    if (waiting) return;
    await this.serial(async () => {
      const span = this.pending.get(name);
      this.pending.delete(name);
      await this.changed(name, span?.[0], span?.[1]);
    });
  }

  /** A progress sheet by its id (a user may rename it while the pane is open), or by its name. */
  private worksheet(context: Excel.RequestContext, name: string): Excel.Worksheet {
    return context.workbook.worksheets.getItem(this.loaded?.ids.get(name) ?? name);
  }

  private sheetOf(worksheetId: string): string | undefined {
    for (const [name, id] of this.loaded?.ids ?? []) if (id === worksheetId && this.states.has(name)) return name;
    return undefined;
  }

  /** Shows the selected row's target: from the metadata, no round trip. */
  onSelected(worksheetId: string, address: string): void {
    const name = this.sheetOf(worksheetId);
    const state = name === undefined ? undefined : this.states.get(name);
    const span = rowSpan(address);
    if (!state || !span || !this.loaded) return this.showExplainHint();
    const { meta } = state;
    const idColumn = meta.columns['row.id'];
    const mirror = this.loaded.book.mirror(meta.sheet);
    const id = idColumn ? rawText(mirror.cell(`${idColumn}${span[0]}`)).trim() : meta.rows.find((r) => r.row === span[0])?.id;
    const row = meta.rows.find((r) => r.id === id);
    if (!row) return this.showExplainHint();
    this.renderExplain(meta, row.taskId, row.targetId, span[0]);
  }

  private renderExplain(meta: SheetMeta, taskId: string, targetId: string | null, at: number): void {
    fill(this.explain, ...explainRow(meta, taskId, targetId, at, this.env));
  }

  private showExplainHint(): void {
    fill(this.explain, h('p', { class: 'hint' }, this.env.p.explain.pick));
  }

  private showBanner(text: string | undefined): void {
    this.banner.hidden = text === undefined;
    this.banner.textContent = text ?? '';
  }

  private findings(): Finding[] {
    return [...this.readings.values()].flatMap((r) => r.findings);
  }

  /** Findings by sheet and row, each with what to do; a click selects its cell. */
  private render(): void {
    const { p, w } = this.env;
    const loaded = this.loaded;
    if (!loaded || loaded.metas.length === 0) {
      fill(this.header, p.department.noSheets);
      fill(this.list);
      fill(this.summary);
      return;
    }
    fill(this.header, ...loaded.metas.map((m) => h('span', {}, p.department.sheetLine(m.department, periodName(m.period, w), m.sheet))));
    const groups: Node[] = [];
    let errors = 0;
    let warnings = 0;
    for (const meta of loaded.metas) {
      const reading = this.readings.get(meta.sheet);
      if (!carriedRecords(meta)) {
        groups.push(h('p', { class: 'finding error' }, p.department.oldFormat(meta.sheet)));
        continue;
      }
      const byRow = new Map<number, Finding[]>();
      for (const f of reading?.findings ?? []) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
        const row = f.location.row ?? 0;
        byRow.set(row, [...(byRow.get(row) ?? []), f]);
      }
      for (const [row, findings] of [...byRow].sort((a, b) => a[0] - b[0])) {
        const task = meta.plan?.tasks.find((t) => t.id === findings[0]?.taskId);
        const title = row === 0 ? p.department.sheetWide : p.department.row(row, task?.path.join('.') ?? '', task?.title ?? '');
        groups.push(
          h(
            'div',
            { class: 'row-group', role: 'listitem', 'data-row': row },
            h('h4', {}, title),
            ...findings.map((f) =>
              h(
                'button',
                { type: 'button', class: `finding ${f.severity}`, 'data-code': f.code, 'data-cell': f.location.cell ?? '', onclick: () => void this.serial(() => this.select(meta, f, row)) },
                h('span', { class: 'what' }, message(f, w)),
                p.department.fix[f.code] ? h('span', { class: 'todo' }, p.department.fix[f.code]) : null,
              ),
            ),
          ),
        );
      }
    }
    fill(this.list, ...(groups.length ? groups : [h('p', { class: 'ok' }, p.department.allGood)]));
    this.list.dataset['errors'] = String(errors);
    this.list.dataset['warnings'] = String(warnings);
    if (errors + warnings > 0) this.list.prepend(h('p', { class: 'counts' }, p.department.counts(errors, warnings)));
    void this.renderSummary();
  }

  /** Selects a finding's cell (its row's first cell for a row finding) and explains its row. */
  private async select(meta: SheetMeta, f: Finding, row: number): Promise<void> {
    const cell = f.location.cell ?? (row > 0 ? `${meta.columns['entry.actual'] ?? 'A'}${row}` : undefined);
    if (!cell) return;
    await Excel.run(async (context) => {
      const sheet = this.worksheet(context, meta.sheet);
      sheet.activate();
      sheet.getRange(cell).select();
      await context.sync();
    });
    const metaRow = meta.rows.find((r) => r.taskId === f.taskId && (f.targetId === undefined || r.targetId === f.targetId));
    if (metaRow) this.renderExplain(meta, metaRow.taskId, metaRow.targetId, row || metaRow.row);
  }

  /** The department's own lights: its entries judged as the auditor will judge them. Timed as plan-ledger:summary. */
  private async renderSummary(): Promise<void> {
    const { p } = this.env;
    const started = performance.now();
    const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
    for (const meta of this.loaded?.metas ?? []) {
      const records = carriedRecords(meta);
      const reading = this.readings.get(meta.sheet);
      if (!records || !reading) continue;
      const ledger = await consolidate([{ file: this.workbookName() }], records, async () => reading);
      const audit = auditLedger(ledger);
      const lights = countLights(audit.judgements.map((j) => j.light));
      for (const light of LIGHTS) counts[light] += lights[light];
    }
    fill(
      this.summary,
      h('h3', {}, p.department.summary),
      h('ul', { class: 'lights' }, ...LIGHTS.map((light) => h('li', { class: `light ${light}`, 'data-light': light }, h('span', { class: 'dot' }), `${p.department.lights[light]} ${counts[light]}`))),
    );
    performance.measure('plan-ledger:summary', { start: started });
  }

  private workbookName(): string {
    const url = Office.context.document?.url ?? '';
    return decodeURIComponent(url.split(/[\\/]/).pop() ?? '') || this.env.p.title;
  }
}

/** The first and last row an address covers ('D5', 'D5:E7', '5:7'); undefined for whole columns. */
export function rowSpan(address: string): [number, number] | undefined {
  const m = /^(?:.*!)?\$?[A-Z]*\$?(\d+)(?::\$?[A-Z]*\$?(\d+))?$/.exec(address.trim());
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  return [Math.min(a, b), Math.max(a, b)];
}

const periodName = (label: string, w: Wording): string => {
  const period = parsePeriod(label);
  return period ? w.periodName(period) : label;
};

