import type { RawCell } from '../core/entry.js';
import { readFigure } from '../core/entry.js';
import { finding, type Finding } from '../core/finding.js';
import { targetsById, tasksById } from '../core/lookup.js';
import { parsePeriod } from '../core/period.js';
import type { PlanRecords } from '../core/record.js';
import { planChanges, type ChangeReport, type DropReason, type EntryCarry, type EntryPlace, type PlanChanges } from '../core/revision.js';
import { fromStated, inStated, statedUnitOf, type StatedUnit } from '../core/unit.js';
import { worklist } from '../core/worklist.js';

export type { DropReason, EntryCarry, EntryPlace } from '../core/revision.js';
import { carriedRecords, readCarriedPlan, readMetas, sheetFileName, type SheetMeta } from './metadata.js';
import { locateRows, NO_FIGURE, oversizedReading, readProgressFileSheets, type SheetSource } from './read.js';
import { generateProgressSheet, TemplateCache, type EntryValues, type FillOptions } from './template/fill.js';
import { rawText, type GridBook } from './xlsx/grid.js';
import { openWorkbook, WorkbookCache, type OpenOptions } from './xlsx/reader.js';

/** A sheet of the revised plan, with the entries of the returned sheet it replaces. */
export interface ReissuedSheet {
  readonly department: string;
  readonly period: string;
  /** 2021-Q2-区科委.xlsx, as the coordinator's tools name sheets. */
  readonly fileName: string;
  /** The returned file it replaces. */
  readonly replaces: string;
  readonly bytes: Uint8Array;
  readonly meta: SheetMeta;
}

/** What reissuing did: the plan's changes (one per plan version the sheets came from), the sheets, every entry's fate, and the files it could not use. */
export interface Reissue extends ChangeReport {
  readonly sheets: readonly ReissuedSheet[];
}

export interface ReissueOptions extends Pick<FillOptions, 'wording' | 'inflate' | 'deflate' | 'crc32'> {
  /** The template the new sheets are filled from (the default one, or the coordinator's own). */
  readonly template: Uint8Array;
  readonly templateName: string;
  readonly templateVersion: string;
  /** ISO date-time recorded in the new sheets. */
  readonly generatedAt: string;
}

interface Returned {
  readonly source: SheetSource;
  readonly meta: SheetMeta;
  readonly plan: PlanRecords;
  /** What was typed in it, read while its workbook was open. */
  readonly typed: readonly Typed[];
}

/**
 * Sheets for a revised plan, one per department and period of the returned sheets, each carrying over the entries
 * whose target (or task) the revision still has for that department: matched by task number and metric, or by
 * sentence where the numbering moved (planChanges). Every entry is accounted for, carried or dropped with its reason;
 * files that cannot be used are findings. One returned workbook is open at a time: what was typed is read from it at once.
 */
export async function reissue(sources: readonly SheetSource[], records: PlanRecords, options: ReissueOptions & OpenOptions): Promise<Reissue> {
  const open = { cache: options.cache ?? new WorkbookCache(), ...(options.inflate ? { inflate: options.inflate } : {}) };
  const findings: Finding[] = [];
  const returned: Returned[] = [];
  const wholePlans = new Map<string, PlanRecords>();
  for (const source of sources) {
    const tooLarge = oversizedReading(source);
    if (tooLarge) {
      findings.push(...tooLarge.findings);
      continue;
    }
    const bytes = source.bytes ?? (await source.load?.()) ?? new Uint8Array(0);
    let book: GridBook;
    let metas: SheetMeta[];
    try {
      book = openWorkbook(bytes, open);
      metas = readMetas(book);
    } catch {
      // What is wrong with it, as check and consolidate say it.
      findings.push(...readProgressFileSheets({ file: source.file, bytes }, open).flatMap((r) => r.findings));
      continue;
    }
    if (metas.length === 0) findings.push(finding('template-not-a-progress-sheet', { file: source.file }, { file: source.file }));
    const whole = metas.length > 0 ? readCarriedPlan(book) : undefined;
    if (whole) wholePlans.set(whole.document.id, whole);
    for (const meta of metas) {
      const plan = (whole?.document.id === meta.planId ? whole : undefined) ?? carriedRecords(meta);
      if (!plan || !parsePeriod(meta.period)) findings.push(finding('reissue-no-plan', { file: source.file }, { file: source.file }));
      else returned.push({ source, meta, plan, typed: typedEntries(book, meta, plan, source.file) });
    }
  }

  const changes = new Map<string, PlanChanges>();
  const changesOf = (r: Returned): PlanChanges => {
    let c = changes.get(r.meta.planId);
    if (!c) changes.set(r.meta.planId, (c = planChanges(wholePlans.get(r.meta.planId) ?? r.plan, records)));
    return c;
  };
  const entries: EntryCarry[] = [];
  const sheets: ReissuedSheet[] = [];
  const cache = new TemplateCache();
  for (const group of byDepartmentAndPeriod(returned)) {
    const [kept, ...older] = group;
    if (!kept) continue;
    for (const r of older) entries.push(...r.typed.map(({ raw: _raw, ...e }) => ({ ...e, reason: 'superseded' as const })));
    const sheet = await reissueSheet(kept, changesOf(kept), records, { ...options, cache });
    entries.push(...sheet.entries);
    if (sheet.sheet) sheets.push(sheet.sheet);
  }
  return { changes: [...changes.values()], sheets, entries, findings };
}

/** Sheets of one department and period together, the newest first (as consolidation keeps the newest). */
function byDepartmentAndPeriod(returned: readonly Returned[]): Returned[][] {
  const groups = new Map<string, Returned[]>();
  for (const r of returned) {
    const k = `${r.meta.department}|${r.meta.period}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const newest = (a: Returned, b: Returned) => b.meta.generatedAt.localeCompare(a.meta.generatedAt) || (b.source.modifiedAt ?? 0) - (a.source.modifiedAt ?? 0) || a.source.file.localeCompare(b.source.file);
  return [...groups.values()].map((g) => [...g].sort(newest));
}

type Typed = Omit<EntryCarry, 'to' | 'reason' | 'converted'> & { readonly raw: RawCell };

/** The rows of a returned sheet with something typed in them, as typed, and the rows added by hand. */
function typedEntries(book: GridBook, meta: SheetMeta, plan: PlanRecords, file: string): Typed[] {
  const sheet = book.sheet(meta.sheet);
  if (!sheet) return [];
  const located = locateRows(sheet, meta);
  const tasks = tasksById(plan);
  const targets = targetsById(plan);
  const at = (name: string, row: number): string | undefined => (meta.columns[name] === undefined ? undefined : `${meta.columns[name]}${row}`);
  const text = (name: string, row: number): string => {
    const address = at(name, row);
    return address === undefined ? '' : rawText(sheet.cell(address));
  };
  const base = { department: meta.department, period: meta.period, file, sheet: meta.sheet };
  const out: Typed[] = [];
  for (const row of meta.rows) {
    const n = located.rows.get(row.id);
    if (n === undefined) continue;
    const cell = at('entry.actual', n) ?? `A${n}`;
    const raw = at('entry.actual', n) === undefined ? ({ kind: 'empty' } as const) : sheet.cell(cell);
    // A task's figure cell shows a dash until something is typed over it.
    const actual = raw.kind === 'empty' || (row.targetId === null && NO_FIGURE.test(rawText(raw).trim())) ? undefined : raw;
    const values: EntryValues = {
      ...(actual ? { actual: cellValue(actual) } : {}),
      ...nonEmpty('status', text('entry.status', n)),
      ...nonEmpty('note', text('entry.note', n)),
      ...nonEmpty('evidence', text('entry.evidence', n)),
    };
    if (Object.keys(values).length === 0) continue;
    const task = tasks.get(row.taskId);
    const target = row.targetId === null ? undefined : targets.get(row.targetId);
    const from: EntryPlace = { id: row.id, taskId: row.taskId, path: task?.path.join('.') ?? '', taskTitle: task?.title ?? '', metric: target?.metric ?? '' };
    out.push({ ...base, row: n, cell, from, values, raw: actual ?? { kind: 'empty' } });
  }
  for (const n of located.added) out.push({ ...base, row: n, cell: `A${n}`, from: undefined, values: {}, raw: { kind: 'empty' } });
  return out;
}

const nonEmpty = <K extends string>(k: K, v: string): Partial<Record<K, string>> => (v.trim() === '' ? {} : ({ [k]: v } as Record<K, string>));

/** A cell's value as typed: numbers as numbers, everything else as the text it shows. */
const cellValue = (raw: RawCell): string | number => (raw.kind === 'number' ? raw.value : rawText(raw));

/** One department's sheet of the revised plan, with its returned entries carried over where their rows still are. */
async function reissueSheet(r: Returned, changes: PlanChanges, records: PlanRecords, options: ReissueOptions & { readonly cache: TemplateCache }): Promise<{ sheet?: ReissuedSheet; entries: EntryCarry[] }> {
  const { meta } = r;
  const period = parsePeriod(meta.period);
  const { typed } = r;
  if (!period) return { entries: [] };
  const oldTargets = targetsById(r.plan);
  const newTargets = targetsById(records);
  const newTasks = tasksById(records);
  const rows = new Set(worklist(records, meta.department, period).map((item) => (item.kind === 'target' ? item.target.id : item.task.id)));
  const fileName = sheetFileName(meta.period, meta.department);

  const placed: { entry: Typed; id: string; converted?: EntryCarry['converted'] }[] = [];
  const dropped: EntryCarry[] = [];
  for (const entry of typed) {
    const { raw: _raw, ...carry } = entry;
    const where = entry.from && destination(entry.from, changes, records, meta.department, rows);
    if (!where || 'reason' in where) {
      dropped.push({ ...carry, reason: where?.reason ?? 'row-added' });
      continue;
    }
    const before = entry.from?.id === undefined ? undefined : oldTargets.get(entry.from.id);
    const after = newTargets.get(where.id);
    const figure = before && after ? carriedFigure(entry.raw, statedUnitOf(before), statedUnitOf(after), before.unit) : undefined;
    placed.push({ entry: figure ? { ...entry, values: { ...entry.values, actual: figure.value } } : entry, id: where.id, ...(figure?.converted ? { converted: figure.converted } : {}) });
  }

  if (rows.size === 0) return { entries: dropped };
  const previous = new Map(Object.entries(meta.previous ?? {}).flatMap(([id, value]) => (changes.targetIds.has(id) ? [[changes.targetIds.get(id) as string, value] as const] : [])));
  const filled = await generateProgressSheet(options.template, {
    records,
    department: meta.department,
    period,
    generatedAt: options.generatedAt,
    templateVersion: options.templateVersion,
    templateName: options.templateName,
    entries: new Map(placed.map((p) => [p.id, p.entry.values])),
    previous,
    cache: options.cache,
    ...(options.wording ? { wording: options.wording } : {}),
    ...(options.inflate ? { inflate: options.inflate } : {}),
    ...(options.deflate ? { deflate: options.deflate } : {}),
    ...(options.crc32 ? { crc32: options.crc32 } : {}),
  });
  const newRows = new Map(filled.meta.rows.map((row) => [row.id, row]));
  const actualColumn = filled.meta.columns['entry.actual'] ?? 'A';
  const carried = placed.map(({ entry, id, converted }): EntryCarry => {
    const { raw: _raw, ...carry } = entry;
    const row = newRows.get(id);
    const target = newTargets.get(id);
    const task = newTasks.get(target?.taskId ?? id);
    const n = row?.row ?? 0;
    const to = { id, taskId: task?.id ?? id, path: task?.path.join('.') ?? '', taskTitle: task?.title ?? '', metric: target?.metric ?? '', file: fileName, row: n, cell: `${actualColumn}${n}` };
    return { ...carry, to, ...(converted ? { converted } : {}) };
  });
  const sheet: ReissuedSheet = { department: meta.department, period: meta.period, fileName, replaces: r.source.file, bytes: filled.bytes, meta: filled.meta };
  return { sheet, entries: [...carried, ...dropped] };
}

/** The row of the revised sheet an entry goes to, or why there is none. */
function destination(from: EntryPlace, changes: PlanChanges, records: PlanRecords, department: string, rows: ReadonlySet<string>): { id: string } | { reason: DropReason } {
  const isTarget = from.id !== from.taskId;
  const task = changes.taskIds.get(from.taskId);
  const id = isTarget ? changes.targetIds.get(from.id) : task;
  if (id === undefined) return { reason: isTarget ? 'target-removed' : 'task-removed' };
  if (rows.has(id)) return { id };
  const newTask = tasksById(records).get(isTarget ? (targetsById(records).get(id)?.taskId ?? '') : id);
  if (newTask && !newTask.departments.some((d) => d.name === department)) return { reason: 'department-removed' };
  if (!isTarget && records.targets.some((t) => t.taskId === id)) return { reason: 'task-now-has-targets' };
  return { reason: 'not-in-period' };
}

/**
 * The figure to write where the typed one would read differently in the new sheet: a percentage typed into a cell
 * formatted as one (stored 0.6, read 60), and a figure whose unit the revision changed (4.4 万户 → 44000 户).
 * Undefined where the typed value is carried as it is.
 */
function carriedFigure(raw: RawCell, before: StatedUnit, after: StatedUnit, unit: string): { value: number; converted?: EntryCarry['converted'] } | undefined {
  const sameUnit = before.unit === after.unit && before.factor === after.factor;
  const percentCell = raw.kind === 'number' && raw.percentFormat && unit === '%';
  if (sameUnit && !percentCell) return undefined;
  const figure = readFigure(raw, before.unit, before.factor);
  if (figure.ok !== true) return undefined;
  if (sameUnit) return { value: figure.value };
  return { value: round(inStated(fromStated(figure.value, before), after)), converted: { from: before.unit, to: after.unit } };
}

// Binary fractions: 4.4 万户 is 44000.00000000001 户 unrounded.
const round = (v: number): number => Math.round(v * 1e9) / 1e9;
