import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finding, type Finding } from '../core/finding.js';
import type { SheetSource } from '../sheets/read.js';
import { plansOfSheets, type PlanVersion } from '../sheets/sheets-plan.js';
import { nativeInflate } from './zlib.js';
import { PlanLedgerError } from '../core/error.js';
import type { PlanRecords } from '../core/record.js';
import { readFileBytes, regularFile } from './file.js';
import { applyGroups, GroupsSchema, type Groups } from '../core/groups.js';
import { decodeText } from './decode.js';
import { checkedJson, parseJson } from './json.js';
import { MAX_PLAN_BYTES, planFromBytes } from './plan-source.js';

/** The plan every command uses when none is named: 杨府〔2021〕13号. */
export const SEED_PLAN = fileURLToPath(new URL('../../seeds/yangpu-2021-13.txt', import.meta.url));

/** How a plan is read beyond its text: who stands for a group the plan names, who reports on headline goals. */
export interface PlanSettings {
  /** A groups file (JSON: {"各街道": ["殷行街道", …]}). */
  readonly groups?: string;
  /** The department that reports on headline goals naming none. */
  readonly coordinator?: string;
}

/** A groups file is a few KB; anything above this is refused unread. */
const MAX_GROUPS_BYTES = 1024 * 1024;

/**
 * Reads a plan from .txt (UTF-8, UTF-16, GB18030/GBK), .docx, or .json written by parse --json, with a groups file's
 * members standing for the groups it lists. Throws PlanLedgerError for anything unusable, including a text with no
 * numbered tasks.
 */
export async function loadPlan(file: string = SEED_PLAN, settings: PlanSettings = {}): Promise<PlanRecords> {
  // Checked before reading, so that a huge file is never read; planFromBytes checks the bytes again.
  if (regularFile(file).size > MAX_PLAN_BYTES) throw new PlanLedgerError('file-too-large', { file, limitMB: MAX_PLAN_BYTES / 1024 / 1024 });
  const groups = settings.groups === undefined ? undefined : readGroups(settings.groups);
  const records = planFromBytes(readFileBytes(file), file, settings.coordinator === undefined ? {} : { coordinator: settings.coordinator });
  return groups ? applyGroups(records, groups) : records;
}

/** The plan sheets are judged against, where it came from, and what the choice found. */
export interface ResolvedPlan {
  readonly records: PlanRecords;
  /** --plan; the plan the sheets carry (the version most of them were made from); or the bundled seed, when neither. */
  readonly from: 'option' | 'sheets' | 'seed';
  /** The plan the sheets carry is only what their departments' slices hold: their workbooks predate the plan sheet. */
  readonly partial: boolean;
  readonly findings: readonly Finding[];
}

/**
 * The plan to judge sheets against: the one named with --plan; else the plan the sheets themselves carry, the version
 * most of them were made from, with a finding when they come from several; else the bundled seed.
 */
export async function planFor(plan: string | undefined, sources: readonly SheetSource[], settings: PlanSettings = {}): Promise<ResolvedPlan> {
  if (plan !== undefined) return { records: await loadPlan(plan, settings), from: 'option', partial: false, findings: [] };
  const [chosen, ...others] = await plansOfSheets(sources, { inflate: nativeInflate });
  if (!chosen) return { records: await loadPlan(SEED_PLAN, settings), from: 'seed', partial: false, findings: [] };
  const groups = settings.groups === undefined ? undefined : readGroups(settings.groups);
  const used = { usedTitle: chosen.title, usedPlanId: chosen.planId, usedFiles: chosen.files.length };
  const findings = others.map((o: PlanVersion) =>
    finding('sheets-plan-versions', { title: o.title, planId: o.planId, generatedAt: o.generatedAt, files: o.files.length, examples: o.files.slice(0, 3).map((f) => basename(f)), ...used }),
  );
  return { records: groups ? applyGroups(chosen.records, groups) : chosen.records, from: 'sheets', partial: chosen.partial, findings };
}

function readGroups(file: string): Groups {
  if (regularFile(file).size > MAX_GROUPS_BYTES) throw new PlanLedgerError('file-too-large', { file, limitMB: MAX_GROUPS_BYTES / 1024 / 1024 });
  return checkedJson(GroupsSchema, parseJson(decodeText(readFileBytes(file), file).text, file, 'groups-invalid'), file, 'groups-invalid');
}
