import type ExcelJS from 'exceljs';
import { formatBox, parseBox, stretchBox, stretchRef } from '../xlsx/range.js';

/** Worksheet state exceljs keeps at runtime but leaves out of its type declarations. */
interface SheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}
const internals = (sheet: ExcelJS.Worksheet): SheetInternals => sheet as unknown as SheetInternals;

/** Turns the template row into `count` rows, moving everything below and copying styles, validations and formats. */
export function repeatTemplateRow(sheet: ExcelJS.Worksheet, row: number, count: number): void {
  if (count === 1) return;
  const merges = [...(sheet.model.merges ?? [])];
  for (const m of merges) sheet.unMergeCells(m);
  const { dataValidations, conditionalFormattings } = internals(sheet);
  const validations = { ...dataValidations.model };
  const formats = conditionalFormattings.map((cf) => ({ ...cf }));
  const heights = new Map<number, number>();
  sheet.eachRow({ includeEmpty: true }, (r, n) => {
    if (n >= row && r.height) heights.set(n, r.height);
  });

  sheet.spliceRows(row + 1, 0, ...Array.from({ length: count - 1 }, () => []));
  const template = sheet.getRow(row);
  for (let n = row + 1; n < row + count; n++) {
    const target = sheet.getRow(n);
    template.eachCell({ includeEmpty: true }, (cell, col) => {
      const copy = target.getCell(col);
      copy.style = structuredClone(cell.style);
      copy.value = moveFormula(cell.value, row, n);
    });
    if (template.height) target.height = template.height;
  }
  for (const [n, height] of heights) if (n > row) sheet.getRow(n + count - 1).height = height;

  for (const m of merges) {
    const box = parseBox(m);
    if (!box) continue;
    if (box.top === row && box.bottom === row) {
      for (let n = row; n < row + count; n++) sheet.mergeCells(formatBox({ ...box, top: n, bottom: n }));
    } else {
      sheet.mergeCells(formatBox(stretchBox(box, row, count)));
    }
  }
  const moved: Record<string, ExcelJS.DataValidation> = {};
  for (const [ref, dv] of Object.entries(validations)) moved[stretchRef(ref, row, count)] = dv;
  dataValidations.model = moved;
  conditionalFormattings.length = 0;
  for (const cf of formats) conditionalFormattings.push({ ...cf, ref: stretchRef(cf.ref, row, count) });
}

/** A template-row value for row `to`: constants as they are, formulas with references to the template row moved. */
function moveFormula(value: ExcelJS.CellValue, from: number, to: number): ExcelJS.CellValue {
  if (value === null || typeof value !== 'object' || !('formula' in value)) return value;
  const formula = value.formula.replace(/(\$?[A-Z]{1,3})(\d+)(?![\d(])/g, (ref, col: string, r: string) => (Number(r) === from ? `${col}${to}` : ref));
  return { formula, date1904: false };
}
