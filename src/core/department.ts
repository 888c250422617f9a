/** What a department does for a task: 牵头 lead, 推进/责任 responsible, 配合 support. */
export type Role = 'lead' | 'responsible' | 'support';
export const ROLES: readonly Role[] = ['lead', 'responsible', 'support'];

export interface Assignment {
  readonly name: string;
  readonly role: Role;
}

/** A (推进单位:…) clause: where it stands and whom it names, in order; the leaders it names (责任领导:张三) apart. */
export interface DepartmentClause {
  readonly start: number;
  readonly end: number;
  readonly assignments: readonly Assignment[];
  readonly leaders: readonly string[];
}

const ROLE_WORDS: Readonly<Record<string, Role>> = {
  牵头: 'lead',
  主责: 'responsible',
  推进: 'responsible',
  责任: 'responsible',
  负责: 'responsible',
  实施: 'responsible',
  承办: 'responsible',
  主办: 'responsible',
  配合: 'support',
  协办: 'support',
  参与: 'support',
  协同: 'support',
};
const ROLE_WORD = Object.keys(ROLE_WORDS).join('|');
// (推进单位:区科委、区规划资源局) · (牵头单位:区科委;责任单位:区建设管理委) · 牵头责任单位 · 协同责任单位 · 责任领导:张三
const LABEL = new RegExp(`(?:(${ROLE_WORD})(?:责任)?(?:单位|部门)|(?:${ROLE_WORD}|分管|责任)?(领导))\\s*:`, 'g');
// (区科委牵头,区建设管理委配合)
const SUFFIXED = new RegExp(`^(.+?)(${ROLE_WORD})$`);
// 区科委(牵头) inside a labelled list
const MARKED = new RegExp(`^(.+?)\\((${ROLE_WORD})\\)$`);
const PAREN = /\(([^()\n]{1,400})\)|【([^【】\n]{1,400})】/g;
// A labelled clause without brackets: on its own line after the item, or closing a sentence (责任单位:区科委、各街道。)
const LINE = new RegExp(`(?<=^|[\\n。;])[ \\t]*((?:${ROLE_WORD}|分管|责任)(?:责任)?(?:单位|部门|领导)\\s*:[^\\n。]{1,400})`, 'g');
const MAX_NAME = 30;

/** Every department clause in text[from, to): in brackets, or a labelled line or sentence. */
export function findDepartmentClauses(text: string, from: number, to: number): DepartmentClause[] {
  const clauses: DepartmentClause[] = [];
  // Only the node's own text is searched: a search that ran on to the end of the plan for every task would be quadratic.
  const own = text.slice(from, to);
  for (const m of own.matchAll(new RegExp(PAREN.source, 'g'))) {
    const clause = parseLabelled(m[1] ?? (m[2] as string));
    if (clause.assignments.length > 0) clauses.push({ start: from + m.index, end: from + m.index + m[0].length, ...clause });
  }
  for (const m of own.matchAll(new RegExp(LINE.source, 'g'))) {
    const start = from + m.index + m[0].length - (m[1] as string).length;
    const end = from + m.index + m[0].length;
    if (clauses.some((c) => start < c.end && end > c.start)) continue;
    const clause = parseLabelled(text.slice(start, end).replace(/[;,]\s*$/, ''));
    if (clause.assignments.length > 0) clauses.push({ start, end: text[end] === '。' && end < to ? end + 1 : end, ...clause });
  }
  return clauses.sort((a, b) => a.start - b.start);
}

/** Departments named inside one pair of parentheses; [] when it is not a department clause. */
export function parseClause(inner: string): Assignment[] {
  return parseLabelled(inner).assignments;
}

function parseLabelled(inner: string): { assignments: Assignment[]; leaders: string[] } {
  const labels = [...inner.matchAll(new RegExp(LABEL.source, 'g'))];
  const found: Assignment[] = [];
  const leaders: string[] = [];
  const none = { assignments: [], leaders: [] };
  if (labels.length > 0) {
    if ((labels[0]?.index ?? 0) !== 0 && inner.slice(0, labels[0]?.index).trim() !== '') return none;
    labels.forEach((label, i) => {
      const segment = inner.slice((label.index ?? 0) + label[0].length, labels[i + 1]?.index ?? inner.length);
      // A leader is a person, kept apart from the departments that report.
      if (label[2] !== undefined) return void leaders.push(...splitNames(segment));
      const role = ROLE_WORDS[label[1] as string] ?? 'responsible';
      for (const name of splitNames(segment)) {
        const marked = MARKED.exec(name);
        found.push(marked ? { name: marked[1] as string, role: ROLE_WORDS[marked[2] as string] ?? role } : { name, role });
      }
    });
  } else {
    const segments = inner.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
    const suffixed = segments.map((s) => SUFFIXED.exec(s));
    if (!suffixed.some((m) => m !== null)) return none;
    segments.forEach((segment, i) => {
      const m = suffixed[i];
      const role = m ? (ROLE_WORDS[m[2] as string] ?? 'responsible') : 'responsible';
      for (const name of splitNames(m ? (m[1] as string) : segment)) found.push({ name, role });
    });
  }
  if (found.some(({ name }) => name.length > MAX_NAME || /[。:]/.test(name))) return none;
  return { assignments: found, leaders };
}

function splitNames(segment: string): string[] {
  return segment
    .split(/[、,;/]+/)
    .map((s) => s.replace(/\s+/g, '').replace(/等$/, ''))
    .filter((s) => s.length > 0);
}

/**
 * The departments a table cell names, with the column's role unless the cell says otherwise: 区科委、区经委 ·
 * 区科委(牵头) · 牵头:区科委 责任:区经委 (a cell's lines are parted by spaces). Leaders named in it are kept apart.
 */
export function namesInCell(cell: string, role: Role): { assignments: Assignment[]; leaders: string[] } {
  const labelled = parseLabelled(cell.replace(/(^|\s)(牵头|责任|配合|协同)\s*:/g, '$1$2单位:').trim());
  if (labelled.assignments.length > 0 || labelled.leaders.length > 0) return labelled;
  const assignments: Assignment[] = [];
  for (const name of cell.split(/[\s、,;/]+/).map((s) => s.replace(/等$/, '')).filter((s) => s.length > 0 && s.length <= MAX_NAME)) {
    const marked = MARKED.exec(name);
    assignments.push(marked ? { name: marked[1] as string, role: ROLE_WORDS[marked[2] as string] ?? role } : { name, role });
  }
  return { assignments, leaders: [] };
}

/** Adds assignments in order, keeping each department once (its first role, or lead if named lead later). */
export function mergeAssignments(into: Assignment[], more: readonly Assignment[]): void {
  for (const a of more) {
    const at = into.findIndex((b) => b.name === a.name);
    if (at < 0) into.push(a);
    else if (a.role === 'lead' && into[at]?.role !== 'lead') into[at] = a;
  }
}
