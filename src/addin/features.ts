/// <reference types="office-js" />
import type { PaneFeature } from '../core/locales/pane.js';

/** The ExcelApi set each feature needs; the pane needs 1.7 (the manifest's minimum) for everything else. */
export const FEATURE_SETS: Readonly<Record<PaneFeature, string>> = {
  'live-check': '1.9',
  'insert-sheets': '1.13',
  'protection-watch': '1.14',
};

/** What this Excel can do, asked at run time. */
export type Features = ReadonlySet<PaneFeature>;

export function features(): Features {
  const supported = (version: string) => Office.context.requirements.isSetSupported('ExcelApi', version);
  return new Set((Object.keys(FEATURE_SETS) as PaneFeature[]).filter((f) => supported(FEATURE_SETS[f])));
}
