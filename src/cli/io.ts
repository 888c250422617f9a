import type { PlanSettings } from '../io/plan-file.js';
import type { Wording } from '../core/locales/wording.js';

/** What a command prints; tests capture it, the bin passes the process's streams. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** What every command is run with: where to print, and in which language. */
export interface Context {
  readonly io: Io;
  readonly w: Wording;
  /** How every command reads its plan: --groups, --coordinator. */
  readonly plan?: PlanSettings;
}
