import type { Code } from '../code.js';

/** Features of Excel the task pane uses that older versions lack, by the ExcelApi set that brings them. */
export type PaneFeature = 'insert-sheets' | 'live-check' | 'protection-watch';

/** Every word of the Excel task pane and the offline page, in one language. */
export interface PaneWording {
  readonly title: string;
  /** The button that switches to the other language, in that language. */
  readonly otherLanguage: string;
  readonly tabs: { readonly department: string; readonly coordinator: string; readonly auditor: string };
  readonly busy: string;
  /** Office.js did not load: no way to Microsoft's CDN, or the page opened outside Excel. */
  readonly officeMissing: string;
  /** Beside a file picker before a file is picked. */
  readonly noFile: string;
  /** Where Excel ignores downloads from the pane (Mac). */
  readonly noDownload: (file: string) => string;
  readonly failed: (detail: string) => string;
  readonly department: {
    readonly intro: string;
    readonly noSheets: string;
    readonly oldFormat: (sheet: string) => string;
    readonly sheetLine: (department: string, period: string, sheet: string) => string;
    readonly recheck: string;
    readonly submit: string;
    readonly allGood: string;
    readonly counts: (errors: number, warnings: number) => string;
    readonly row: (row: number, code: string, title: string) => string;
    readonly sheetWide: string;
    readonly fix: Partial<Readonly<Record<Code, string>>>;
    readonly marksUnavailable: string;
    /** The choice to colour entry cells with problems, and why one might not. */
    readonly marks: string;
    readonly marksNote: string;
    readonly protectionOff: (sheet: string) => string;
    readonly submitBlocked: (errors: number) => string;
    readonly submitted: (file: string) => string;
    readonly saveByHand: (file: string) => string;
    readonly summary: string;
    readonly lights: { readonly green: string; readonly yellow: string; readonly red: string; readonly grey: string };
  };
  readonly explain: {
    readonly heading: (row: number) => string;
    readonly pick: string;
    readonly sentence: string;
    readonly target: string;
    readonly comparator: string;
    readonly expected: (period: string) => string;
    readonly previous: string;
    readonly deadline: string;
    readonly departments: string;
    readonly task: string;
    readonly noTarget: string;
    readonly none: string;
  };
  readonly coordinator: {
    readonly intro: string;
    readonly introFiles: string;
    readonly planFile: string;
    readonly templateFile: string;
    readonly defaultTemplate: string;
    readonly planFromWorkbook: string;
    readonly planLoaded: (title: string, tasks: number, targets: number, departments: number) => string;
    readonly noPlan: string;
    readonly departments: string;
    readonly period: string;
    readonly all: string;
    readonly fillHere: string;
    readonly download: string;
    readonly downloadZip: string;
    readonly zipName: (period: string) => string;
    readonly auditDownload: string;
    readonly csvDownload: string;
    readonly filled: (count: number) => string;
    readonly downloaded: (count: number) => string;
    readonly sheetExists: (sheet: string) => string;
    readonly returned: string;
    readonly returnedFolder: string;
    readonly dropHint: string;
    readonly previous: string;
    readonly consolidate: string;
    readonly consolidated: (files: number, rows: number) => string;
    readonly ledgerDownload: string;
    readonly reportDownload: string;
    readonly findings: (count: number) => string;
    /** Below a list cut short on screen: the rest are in the downloads. */
    readonly moreFindings: (count: number) => string;
    readonly missing: (count: number) => string;
    readonly conflicts: (count: number) => string;
    readonly noFiles: string;
  };
  readonly auditor: {
    readonly intro: string;
    readonly ledgerFile: string;
    readonly fromWorkbook: string;
    readonly notALedger: string;
    readonly loaded: (title: string, period: string, rows: number) => string;
    readonly byDepartment: string;
    readonly bySection: string;
    readonly filter: string;
    readonly allLights: string;
    readonly reportDownload: string;
    readonly source: string;
    readonly columns: readonly [string, string, string, string];
  };
  readonly features: Readonly<Record<PaneFeature, string>>;
  /** The offline page's own words (its department tab reads a file instead of the open workbook). */
  readonly page: {
    readonly intro: string;
    readonly pick: string;
    readonly print: string;
    /** The printed list's line under each sheet's heading: the plan, the file, when it was checked. */
    readonly printHead: (plan: string, file: string, at: string) => string;
  };
}
