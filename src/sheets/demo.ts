import type { Status } from '../core/entry.js';
import { wording, type Wording } from '../core/locales/index.js';
import { isPaced } from '../core/measure.js';
import { expectedShare, type Period } from '../core/period.js';
import { targetsById } from '../core/lookup.js';
import type { PlanRecords, Target } from '../core/record.js';
import { hash64 } from '../core/text.js';
import { fromStated, inStated, isCountUnit, statedUnitOf } from '../core/unit.js';
import { departmentsFor } from '../core/worklist.js';
import { progressSheet } from '../core/progress-sheet.js';
import { generateProgressSheet, TemplateCache, type EntryValues, type FillOptions } from './template/fill.js';

export interface DemoOptions extends Pick<FillOptions, 'inflate' | 'deflate' | 'crc32'> {
  readonly template: Uint8Array;
  /** Share of rows that get a typical mistake (0–1). */
  readonly mistakes: number;
  /** Same seed, same sheets. */
  readonly seed: number;
  readonly generatedAt: string;
  /** The words of the sheets and of what the samples say; zh-CN by default. */
  readonly wording?: Wording;
}

/** Mistakes people make in progress sheets, each one a finding check reports. */
const MISTAKES = ['wan-slip', 'text', 'no-evidence', 'decimal', 'blank', 'conflict'] as const;
type Mistake = (typeof MISTAKES)[number];

/** A deterministic generator (mulberry32), so demo sheets are the same for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Plausible filled sheets for every department of the period, with a share of typical mistakes. */
export async function demoSheets(records: PlanRecords, period: Period, options: DemoOptions): Promise<{ department: string; bytes: Uint8Array }[]> {
  const out: { department: string; bytes: Uint8Array }[] = [];
  const targets = targetsById(records);
  const w = options.wording ?? wording();
  const cache = new TemplateCache();
  for (const department of departmentsFor(records, period)) {
    const rand = random(options.seed ^ parseInt(hash64(department.name).slice(0, 8), 16));
    const entries = new Map<string, EntryValues>();
    for (const row of progressSheet(records, department.name, period, options.generatedAt, w).rows) {
      const target = row.targetId ? targets.get(row.targetId) : undefined;
      // The district-wide figure is the same for every department reporting it (policy `same`).
      const shared = random(options.seed ^ parseInt(hash64(row.id).slice(0, 8), 16));
      const mistake: Mistake | undefined = rand() < options.mistakes ? MISTAKES[Math.floor(rand() * MISTAKES.length)] : undefined;
      const { value, status } = target ? plausibleFigure(target, period, shared) : { value: undefined, status: qualitativeStatus(shared) };
      if (mistake === 'blank') continue;
      // Typed as the sheet shows the target: in the plan's unit (1.2 亿元).
      const stated = target ? statedUnitOf(target) : undefined;
      const typed = value === undefined || !stated ? undefined : inStated(value, stated);
      const actual =
        !target || typed === undefined
          ? undefined
          : mistake === 'wan-slip'
            ? typed * 10_000
            : mistake === 'text'
              ? `约${typed}`
              : mistake === 'decimal' && isCountUnit(target.unit) && stated?.factor === 1
                ? typed + 0.5
                : mistake === 'conflict'
                  ? typed + 1 + Math.floor(rand() * 9)
                  : typed;
      entries.set(row.id, {
        ...(actual === undefined ? {} : { actual }),
        ...(status ? { status: w.status[status] } : {}),
        note: status === 'done' ? w.demo.done : status === 'behind' ? w.demo.behind : w.demo.inProgress,
        ...(status === 'done' && mistake !== 'no-evidence' ? { evidence: w.demo.evidence(department.name, row.id) } : {}),
      });
    }
    const { bytes } = await generateProgressSheet(options.template, {
      records,
      department: department.name,
      period,
      generatedAt: options.generatedAt,
      templateVersion: 'demo',
      templateName: 'template',
      wording: w,
      entries,
      reporter: { name: w.demo.reporter(department.name), phone: `021-6${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`, date: period.end },
      cache,
      ...(options.inflate ? { inflate: options.inflate } : {}),
      ...(options.deflate ? { deflate: options.deflate } : {}),
      ...(options.crc32 ? { crc32: options.crc32 } : {}),
    });
    out.push({ department: department.name, bytes });
  }
  return out;
}

function plausibleFigure(target: Target, period: Period, rand: () => number): { value: number; status: Status } {
  // A rate or an index stands near its target whenever it is reported; a count grows with the year.
  const share = isPaced(target.measure) ? expectedShare(period, target.year, target.deadline) : 1;
  const pace = isPaced(target.measure) ? 0.4 + rand() * 1.0 : 0.85 + rand() * 0.2; // 40%–140% of the time-elapsed pace; 85%–105% of a level
  const raw = Math.min(target.unit === '%' ? 100 : Infinity, target.value * Math.min(1.15, share * pace));
  const stated = statedUnitOf(target);
  // What a clerk would type: a whole count, a tenth of other units, two decimals of the plan's 亿元 or 万户.
  const value =
    stated.factor !== 1 ? fromStated(Math.round(inStated(raw, stated) * 100) / 100, stated) : isCountUnit(target.unit) ? Math.round(raw) : Math.round(raw * 10) / 10;
  const status: Status = value >= target.value ? 'done' : pace < 0.6 ? 'behind' : 'in-progress';
  return { value, status };
}

function qualitativeStatus(rand: () => number): Status | undefined {
  const r = rand();
  return r < 0.55 ? 'in-progress' : r < 0.8 ? 'done' : r < 0.9 ? 'not-started' : r < 0.95 ? 'behind' : undefined;
}
