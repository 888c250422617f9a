/** What a department does for a task: 牵头 lead, 推进/责任 responsible, 配合 support. */
export type Role = 'lead' | 'responsible' | 'support';
export const ROLES: readonly Role[] = ['lead', 'responsible', 'support'];

export interface Assignment {
  readonly name: string;
  readonly role: Role;
}

/** A (推进单位:…) clause: where it stands and whom it names, in order. */
export interface DepartmentClause {
  readonly start: number;
  readonly end: number;
  readonly assignments: readonly Assignment[];
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
// (推进单位:区科委、区规划资源局) · (牵头单位:区科委;责任单位:区建设管理委)
const LABEL = new RegExp(`(${ROLE_WORD})(?:单位|部门)\\s*:`, 'g');
// (区科委牵头,区建设管理委配合)
const SUFFIXED = new RegExp(`^(.+?)(${ROLE_WORD})$`);
const PAREN = /\(([^()\n]{1,400})\)/g;
const MAX_NAME = 30;

/** Every department clause in text[from, to). */
export function findDepartmentClauses(text: string, from: number, to: number): DepartmentClause[] {
  const clauses: DepartmentClause[] = [];
  const paren = new RegExp(PAREN.source, 'g');
  paren.lastIndex = from;
  for (let m = paren.exec(text); m !== null && m.index < to; m = paren.exec(text)) {
    const assignments = parseClause(m[1] as string);
    if (assignments.length > 0) clauses.push({ start: m.index, end: m.index + m[0].length, assignments });
  }
  return clauses;
}

/** Departments named inside one pair of parentheses; [] when it is not a department clause. */
export function parseClause(inner: string): Assignment[] {
  const labels = [...inner.matchAll(new RegExp(LABEL.source, 'g'))];
  const found: Assignment[] = [];
  if (labels.length > 0) {
    if ((labels[0]?.index ?? 0) !== 0 && inner.slice(0, labels[0]?.index).trim() !== '') return [];
    labels.forEach((label, i) => {
      const role = ROLE_WORDS[label[1] as string] ?? 'responsible';
      const segment = inner.slice((label.index ?? 0) + label[0].length, labels[i + 1]?.index ?? inner.length);
      for (const name of splitNames(segment)) found.push({ name, role });
    });
  } else {
    const segments = inner.split(/[;,]/).map((s) => s.trim()).filter(Boolean);
    const suffixed = segments.map((s) => SUFFIXED.exec(s));
    if (!suffixed.some((m) => m !== null)) return [];
    segments.forEach((segment, i) => {
      const m = suffixed[i];
      const role = m ? (ROLE_WORDS[m[2] as string] ?? 'responsible') : 'responsible';
      for (const name of splitNames(m ? (m[1] as string) : segment)) found.push({ name, role });
    });
  }
  if (found.some(({ name }) => name.length > MAX_NAME || /[。:]/.test(name))) return [];
  return found;
}

function splitNames(segment: string): string[] {
  return segment
    .split(/[、,;/]+/)
    .map((s) => s.replace(/\s+/g, '').replace(/等$/, ''))
    .filter((s) => s.length > 0);
}

/** Adds assignments in order, keeping each department once (its first role, or lead if named lead later). */
export function mergeAssignments(into: Assignment[], more: readonly Assignment[]): void {
  for (const a of more) {
    const at = into.findIndex((b) => b.name === a.name);
    if (at < 0) into.push(a);
    else if (a.role === 'lead' && into[at]?.role !== 'lead') into[at] = a;
  }
}
