/** Version of templates/progress-report.xlsx; recorded in every sheet generated from it. Apart from default.ts, which needs exceljs. */
export const DEFAULT_TEMPLATE_VERSION = 'progress-report/4';
