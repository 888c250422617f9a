import ExcelJS from 'exceljs';

/** Version of templates/progress-report.xlsx; recorded in every sheet generated from it. */
export const DEFAULT_TEMPLATE_VERSION = 'progress-report/1';

const THIN = { style: 'thin' as const, color: { argb: 'FF7F7F7F' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDDEBF7' } };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } };

// [header, placeholder, width, input?]
const COLUMNS: ReadonlyArray<readonly [string, string, number, boolean?]> = [
  ['编号', 'row.id', 12],
  ['序号', 'row.number', 6],
  ['任务编号', 'task.code', 9],
  ['任务名称', 'task.title', 28],
  ['指标', 'target.metric', 24],
  ['目标值', 'target.value', 11],
  ['单位', 'target.unit', 6],
  ['完成时限', 'target.deadline', 11],
  ['上年基数', 'baseline', 10],
  ['序时目标', 'expected', 10],
  ['完成值', 'entry.actual', 11, true],
  ['完成率', 'completion', 9],
  ['状态', 'entry.status', 9, true],
  ['进展说明', 'entry.note', 36, true],
  ['佐证材料', 'entry.evidence', 28, true],
];

/**
 * The default progress-sheet template (templates/progress-report.xlsx): a title block, a header row,
 * one row template of placeholders, and a 填报人/联系电话 block below it. Coordinators may restyle it.
 */
export function buildDefaultTemplate(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plan-ledger';
  const sheet = workbook.addWorksheet('推进情况', { views: [{ state: 'frozen', ySplit: 4, xSplit: 0 }] });
  sheet.columns = COLUMNS.map(([, , width]) => ({ width }));
  sheet.getColumn(1).hidden = true;
  const last = COLUMNS.length;
  const lastLetter = sheet.getColumn(last).letter;

  const title = sheet.getCell('B1');
  title.value = '{{plan.title}}';
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(`B1:${lastLetter}1`);
  sheet.getRow(1).height = 28;

  const subtitle = sheet.getCell('B2');
  subtitle.value = '推进情况表({{period.label}})';
  subtitle.font = { size: 13, bold: true };
  subtitle.alignment = { horizontal: 'center' };
  sheet.mergeCells(`B2:${lastLetter}2`);

  sheet.getCell('B3').value = '填报单位:{{department.name}}';
  sheet.mergeCells('B3:G3');
  sheet.getCell('H3').value = '序时进度:{{period.share}}';
  sheet.mergeCells('H3:J3');
  sheet.getCell('K3').value = '文号:{{plan.docNumber}}  生成时间:{{generatedAt}}';
  sheet.mergeCells(`K3:${lastLetter}3`);

  const header = sheet.getRow(4);
  const template = sheet.getRow(5);
  COLUMNS.forEach(([text, placeholder, , input], i) => {
    const h = header.getCell(i + 1);
    h.value = text;
    h.font = { bold: true };
    h.fill = HEADER_FILL;
    h.border = BORDER;
    h.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const c = template.getCell(i + 1);
    c.value = `{{${placeholder}}}`;
    c.border = BORDER;
    c.alignment = { vertical: 'top', wrapText: true };
    if (input) c.fill = INPUT_FILL;
  });
  header.height = 30;
  template.getCell(6).numFmt = '#,##0.##';
  template.getCell(9).numFmt = '#,##0.##';
  template.getCell(10).numFmt = '#,##0.##';
  template.getCell(11).numFmt = '#,##0.##';
  template.getCell(12).numFmt = '0.0%';

  sheet.getCell('B7').value = '填报人:';
  sheet.mergeCells('B7:E7');
  sheet.getCell('F7').value = '联系电话:';
  sheet.mergeCells('F7:J7');
  sheet.getCell('K7').value = '填报日期:';
  sheet.mergeCells(`K7:${lastLetter}7`);
  const note = sheet.getCell('B8');
  note.value = '说明:浅黄色单元格为填报区;状态请从下拉列表选择;完成值按“单位”列的单位填写,填数字即可。';
  note.font = { color: { argb: 'FF595959' }, size: 9 };
  sheet.mergeCells(`B8:${lastLetter}8`);
  return workbook;
}
