/**
 * Where a placeholder may stand: once anywhere (header), in the one row that is repeated per row (row; entry for the
 * cells a department fills), or once outside that row as a cell the department fills (sign: who reported, and when).
 */
export type PlaceholderScope = 'header' | 'row' | 'entry' | 'sign';

const header = { scope: 'header', required: false } as const;
const row = { scope: 'row', required: false } as const;
const entry = { scope: 'entry', required: false } as const;
const required = { scope: 'entry', required: true } as const;
const sign = { scope: 'sign', required: false } as const;

/** Every placeholder a progress-sheet template may use, in README's order; what each means is in locales/. */
export const PLACEHOLDERS = {
  'plan.title': header,
  'plan.docNumber': header,
  'plan.id': header,
  'department.name': header,
  'period.label': header,
  'period.code': header,
  'period.share': header,
  generatedAt: header,
  'units.note': header,
  'row.id': row,
  'row.number': row,
  'task.code': row,
  'task.title': row,
  'target.metric': row,
  'target.value': row,
  'target.unit': row,
  'target.comparator': row,
  'target.deadline': row,
  baseline: row,
  expected: row,
  completion: row,
  'entry.actual': required,
  'entry.status': required,
  'entry.note': entry,
  'entry.evidence': required,
  'reporter.name': sign,
  'reporter.phone': sign,
  'reporter.date': sign,
} as const satisfies Record<string, { readonly scope: PlaceholderScope; readonly required: boolean }>;

export type Placeholder = keyof typeof PLACEHOLDERS;
export type HeaderPlaceholder = { [P in Placeholder]: (typeof PLACEHOLDERS)[P]['scope'] extends 'header' ? P : never }[Placeholder];
/** Placeholders whose cells show the plan in each row: locked, and checked on read-back. */
export type PlanCellPlaceholder = Exclude<{ [P in Placeholder]: (typeof PLACEHOLDERS)[P]['scope'] extends 'row' ? P : never }[Placeholder], 'completion'>;

/** The cells of the signature block: who filled the sheet in, their telephone, and the date. */
export type SignPlaceholder = { [P in Placeholder]: (typeof PLACEHOLDERS)[P]['scope'] extends 'sign' ? P : never }[Placeholder];

export const PLACEHOLDER_LIST = Object.keys(PLACEHOLDERS) as Placeholder[];
export const REQUIRED_PLACEHOLDERS = PLACEHOLDER_LIST.filter((name) => PLACEHOLDERS[name].required);
export const PLAN_CELL_PLACEHOLDERS = PLACEHOLDER_LIST.filter((name): name is PlanCellPlaceholder => PLACEHOLDERS[name].scope === 'row' && name !== 'completion');

export function isPlaceholder(name: string): name is Placeholder {
  // Not Object.hasOwn: the offline page runs in browsers older than it (PAGE_BROWSERS in webpack.config.js).
  return Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
}

export const SIGN_PLACEHOLDERS = PLACEHOLDER_LIST.filter((name): name is SignPlaceholder => PLACEHOLDERS[name].scope === 'sign');
