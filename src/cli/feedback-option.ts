import { resolve } from 'node:path';
import type { Finding } from '../core/finding.js';
import { writeFeedback, type ReturnedSheet } from '../io/feedback-file.js';
import type { Context } from './io.js';

/** --feedback DIR of check and consolidate: the annotated copies written, and where they are said on `say`. */
export async function writeFeedbackOption(dir: string | undefined, sheets: readonly ReturnedSheet[], findings: readonly Finding[], { w }: Context, say: (text: string) => void): Promise<void> {
  if (dir === undefined) return;
  const { written, skipped } = await writeFeedback(sheets, findings, dir, w);
  say(`${w.cli.feedbackWritten(written.length, resolve(dir))}\n`);
  if (skipped.length > 0) say(`${w.cli.feedbackSkipped(skipped)}\n`);
}
