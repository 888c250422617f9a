import type { Role } from './department.js';
import type { Paragraph } from './text.js';

/**
 * What a column of a task table holds: 序号, the task, its target, a year's result (progress tables), departments
 * by role, a leader, a deadline. Columns of no such kind (备注, 类别) are read as nothing.
 */
export type Column = 'number' | 'task' | 'target' | 'actual' | 'department' | 'leader' | 'deadline';

export interface ColumnOf {
  readonly kind: Column;
  /** For department columns: the role its names have. */
  readonly role?: Role;
}

/** A cell of a table row: its text's offsets in the plan's text. */
export interface Cell {
  readonly start: number;
  readonly end: number;
}

/** A task table (任务分工表) or a progress table (年度目标 / 完成情况 / 责任部门): what each column holds. */
export interface TableHeader {
  readonly columns: readonly (ColumnOf | undefined)[];
}

/** A table row of the plan's text: the paragraph and its cells, by column. */
export interface TableRow {
  readonly paragraph: Paragraph;
  readonly header: TableHeader;
  readonly cells: readonly Cell[];
}

// A header cell's words, tried in this order: 配合单位 before 单位, 完成时限 before 完成情况, 目标任务 before 任务.
const HEADER_WORDS: ReadonlyArray<readonly [RegExp, ColumnOf]> = [
  [/^(?:序号|编号|序|项目编号|任务编号)$/, { kind: 'number' }],
  [/领导/, { kind: 'leader' }],
  [/(?:配合|协同|协办|参与|支持)(?:责任)?(?:单位|部门)/, { kind: 'department', role: 'support' }],
  [/(?:牵头|主责)(?:责任)?(?:单位|部门)?$|牵头单位|牵头部门/, { kind: 'department', role: 'lead' }],
  [/(?:责任|主办|实施|承办|推进|负责|落实|主管)(?:单位|部门|主体)|^(?:单位|部门)$/, { kind: 'department', role: 'responsible' }],
  [/时限|期限|时间节点|完成时间|进度安排|时间安排|完成年限/, { kind: 'deadline' }],
  [/完成情况|进展情况|工作进展|推进情况|执行情况|实际完成|完成值|进展|完成进度/, { kind: 'actual' }],
  [/目标|指标|预期/, { kind: 'target' }],
  [/任务|事项|项目|内容|举措|措施|工作|名称/, { kind: 'task' }],
];

/** The columns of a header row, or undefined when the row is no task or progress table's header. */
export function tableHeaderOf(cells: readonly string[]): TableHeader | undefined {
  const columns = cells.map((cell) => {
    // (万元) · (年度) · line breaks inside a header cell: the words are what count.
    const words = cell.replace(/\([^)]*\)|[\s::*]/g, '');
    if (words.length === 0 || words.length > 12) return undefined;
    return HEADER_WORDS.find(([pattern]) => pattern.test(words))?.[1];
  });
  const kinds = new Set(columns.map((c) => c?.kind));
  const substance = kinds.has('task') || kinds.has('target');
  const accountable = kinds.has('department') || kinds.has('deadline') || kinds.has('actual');
  if (!substance || !accountable || columns.filter(Boolean).length < 3) return undefined;
  return { columns };
}

/** The cells of a line (tab-parted), each trimmed, with offsets. */
export function cellsOf(text: string, lineStart: number, lineEnd: number): Cell[] {
  const cells: Cell[] = [];
  let at = lineStart;
  while (at <= lineEnd) {
    let next = text.indexOf('\t', at);
    if (next < 0 || next > lineEnd) next = lineEnd;
    let start = at;
    let end = next;
    while (start < end && text.charCodeAt(start) === 0x20) start++;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
    cells.push({ start, end });
    at = next + 1;
  }
  return cells;
}

export interface Tables {
  /** Rows that are tasks, by paragraph. */
  readonly rows: ReadonlyMap<Paragraph, TableRow>;
  /** Every tab-parted line of the tables: header, rows and rows across the table. */
  readonly lines: readonly Paragraph[];
}

/**
 * The plan's tables: a run of tab-parted lines under a header row that names the task (or target)
 * and who answers for it (departments, deadline or result). A numbered line without tabs inside the run (一、数字基础设施,
 * a row spanning the table) heads a part of it; any other line ends the table.
 */
export function findTables(text: string, all: readonly Paragraph[], isHeading: (p: Paragraph) => boolean): Tables {
  const rows = new Map<Paragraph, TableRow>();
  const lines: Paragraph[] = [];
  let header: TableHeader | undefined;
  for (const p of all) {
    const lineStart = text.lastIndexOf('\n', p.start - 1) + 1;
    let lineEnd = text.indexOf('\n', p.end);
    if (lineEnd < 0) lineEnd = text.length;
    const tabbed = text.slice(lineStart, lineEnd).includes('\t');
    if (!tabbed) {
      if (!(header && isHeading(p))) header = undefined;
      continue;
    }
    const cells = cellsOf(text, lineStart, lineEnd);
    const filled = cells.filter((c) => c.end > c.start);
    const announced = tableHeaderOf(cells.map((c) => text.slice(c.start, c.end)));
    if (announced) header = announced;
    if (!header) continue;
    lines.push(p);
    if (announced) continue;
    // A row across the table: numbered, it heads a part (一、数字基础设施); else it names a group of rows, no task.
    const only = filled.length === 1 ? header.columns[cells.indexOf(filled[0] as Cell)]?.kind : undefined;
    if (filled.length === 1 && (isHeading(p) || (only !== 'task' && only !== 'target'))) continue;
    if (filled.length > 0) rows.set(p, { paragraph: p, header, cells });
  }
  return { rows, lines };
}

/** The cells of a row that hold a column of this kind, in order. */
export function cellsFor(row: TableRow, kind: Column): Cell[] {
  return row.cells.filter((c, i) => row.header.columns[i]?.kind === kind && c.end > c.start);
}
