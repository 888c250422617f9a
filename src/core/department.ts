/** What a department does for a task: 牵头 lead, 推进/责任 responsible, 配合 support. */
export type Role = 'lead' | 'responsible' | 'support';
export const ROLES: readonly Role[] = ['lead', 'responsible', 'support'];

export interface Assignment {
  readonly name: string;
  readonly role: Role;
  /** A group's name (各街道), not one department's. */
  readonly group?: true | undefined;
  /** The group a groups file listed this member for. */
  readonly of?: string | undefined;
}

// 各街道 · 各镇 · 各区政府 · 各成员单位 · 区各有关部门 · 其他成员单位: a kind of department, not one.
const GROUP = /^(?:各|全体|其他|其它)|(?:成员单位|有关单位|相关单位|有关部门|相关部门|各部门|各单位|各委办局)$/;

/** Whether a name stands for a group of departments (各街道) rather than one. */
export const isGroupName = (name: string): boolean => GROUP.test(name);

/** A department, or a group, with its role. */
const assignment = (name: string, role: Role): Assignment => (isGroupName(name) ? { name, role, group: true } : { name, role });

/** A name with the role of its list, unless it marks its own: 区科委(牵头). */
function named(name: string, role: Role): Assignment {
  const marked = MARKED.exec(name);
  return marked ? assignment(marked[1] as string, ROLE_WORDS[marked[2] as string] ?? role) : assignment(name, role);
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
// One level of brackets inside: (责任单位:各县(市、区)).
const PAREN = /\(((?:[^()\n]|\([^()\n]{0,20}\)){1,400})\)|【([^【】\n]{1,400})】/g;
// A labelled clause without brackets: on its own line after the item, or closing a sentence (责任单位:区科委、各街道。)
const LINE = new RegExp(`(?<=^|[\\n。;,])[ \\t]*((?:${ROLE_WORD}|分管|责任)(?:责任)?(?:单位|部门|领导)\\s*:[^\\n。]{1,400})`, 'g');
const MAX_NAME = 30;
// Labels of other things that share a clause with the departments: (牵头单位:区科委;完成时限:2022年底前).
const OTHER_LABEL = /[;,]\s*(?:完成时限|完成时间|时间节点|时限要求|时限|进度安排|工作要求)\s*:/;
// What a department's name ends with, for clauses without a label (由区城管局牵头,区应急管理局配合).
const DEPARTMENT_NAME = /^[\u4e00-\u9fff()]{2,24}(?:局|委|办|中心|政府|街道|镇|乡|公司|集团|支队|管委会|办公室|单位|部门|院|馆|所|会|处|室|站|队|厅|署|社)$/;
// 由区城管局牵头 · 区科创局牵头负责 · 区发改局(牵头)、区财政局按职责分工负责 · 区应急管理局、区水务局配合
const SENTENCE_LEAD = /^(?:由)?(.+?)(牵头负责|牵头|负责落实|负责|按职责分工负责|按职责负责)$/;
const SENTENCE_SUPPORT = /^(.+?)(?:等)?(?:部门|单位)?(配合|协同|参与|协办|共同推进|按职责分工负责|按职责负责)$/;
// What stands between the names and 负责: 区财政局按职责分工负责.
const DUTY = /(?:按职责分工|按职责|共同)$/;

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
  clauses.push(...sentenceClauses(text, from, own, clauses));
  return clauses.sort((a, b) => a.start - b.start);
}

/**
 * Departments named in the sentence itself, without a label or brackets: 由区城管局牵头,区应急管理局、区水务局配合 ·
 * 区科创局牵头,区市场监管局配合 · 区发改局(牵头)、区财政局按职责分工负责. Every name must read as a department's.
 */
function sentenceClauses(text: string, from: number, own: string, found: readonly DepartmentClause[]): DepartmentClause[] {
  const clauses: DepartmentClause[] = [];
  let lead: { start: number; end: number; assignments: Assignment[] } | undefined;
  for (const m of own.matchAll(/[^,。;\n]+/g)) {
    const start = from + m.index;
    const end = start + m[0].length;
    const words = m[0].trim();
    if (found.some((c) => start < c.end && end > c.start)) continue;
    const asLead = SENTENCE_LEAD.exec(words);
    const leadNames = asLead ? sentenceNames(asLead[1] as string, /牵头/.test(asLead[2] as string) ? 'lead' : 'responsible') : undefined;
    if (leadNames) {
      lead = { start, end, assignments: leadNames };
      clauses.push({ ...lead, leaders: [] });
      continue;
    }
    // Supporting units only right after the lead: 区应急管理局配合 alone may be prose.
    const asSupport = lead && lead.end + 1 >= start ? SENTENCE_SUPPORT.exec(words) : null;
    const supportNames = asSupport ? sentenceNames(asSupport[1] as string, /分工负责|按职责负责/.test(asSupport[2] as string) ? 'responsible' : 'support') : undefined;
    if (supportNames) clauses.push({ start, end, assignments: supportNames, leaders: [] });
    lead = undefined;
  }
  // A clause closing its sentence takes the full stop: 区科创局牵头,区市场监管局配合。
  return clauses.map((c) => (text[c.end] === '。' ? { ...c, end: c.end + 1 } : c));
}

/** The names of a clause without a label, each a department's (区科委, 区科委(牵头)); undefined when one is not. */
function sentenceNames(words: string, role: Role): Assignment[] | undefined {
  const assignments = splitNames(words.replace(DUTY, '')).map((name) => named(name, role));
  const departments = assignments.length > 0 && assignments.every((a) => a.group || DEPARTMENT_NAME.test(a.name));
  return departments ? assignments : undefined;
}

/** Departments named inside one pair of parentheses; [] when it is not a department clause. */
export function parseClause(inner: string): Assignment[] {
  return parseLabelled(inner).assignments;
}

function parseLabelled(clause: string): { assignments: Assignment[]; leaders: string[] } {
  const other = OTHER_LABEL.exec(clause);
  const inner = other ? clause.slice(0, other.index) : clause;
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
      for (const name of splitNames(segment)) found.push(named(name, role));
    });
  } else {
    const segments = inner.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
    const suffixed = segments.map((s) => SUFFIXED.exec(s));
    if (!suffixed.some((m) => m !== null)) return none;
    segments.forEach((segment, i) => {
      const m = suffixed[i];
      const role = m ? (ROLE_WORDS[m[2] as string] ?? 'responsible') : 'responsible';
      for (const name of splitNames(m ? (m[1] as string).replace(DUTY, '') : segment)) found.push(assignment(name, role));
    });
  }
  if (found.some(({ name }) => name.length > MAX_NAME || /[。:]/.test(name))) return none;
  return { assignments: found, leaders };
}

/** The names of a list, parted by 、,;/ (and by spaces where `spaced`, as a table cell's lines are), not inside brackets. */
function splitNames(segment: string, spaced = false): string[] {
  return segment
    // Not inside brackets: 各县(市、区) is one name.
    .split(spaced ? /[\s、,;/]+(?![^()]*\))/ : /[、,;/]+(?![^()]*\))/)
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
  const assignments = splitNames(cell, true)
    .filter((name) => name.length <= MAX_NAME)
    .map((name) => named(name, role));
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
