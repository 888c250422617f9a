import { extname } from 'node:path';
import { DEFAULT_RULES, type Rules } from '../core/audit.js';
import type { Policy } from '../core/ledger.js';
import type { PlanRecords } from '../core/record.js';
import { decodeText } from './decode.js';
import { readFileBytes } from './file.js';
import { parsePolicies, parseRules } from './ledger.js';

/** A per-target policy file, JSON or CSV by its extension. */
export function readPolicies(file: string, records: PlanRecords): Map<string, Policy> {
  return parsePolicies(decodeText(readFileBytes(file), file).text, file, extname(file).toLowerCase() === '.csv' ? 'csv' : 'json', records);
}

/** Audit rules from a JSON file, or the default rules when none is named. */
export function readRules(file: string | undefined): Rules {
  return file === undefined ? DEFAULT_RULES : parseRules(decodeText(readFileBytes(file), file).text, file);
}
