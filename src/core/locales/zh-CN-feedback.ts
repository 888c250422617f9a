import type { FeedbackWording } from './wording.js';

/** The annotated copy of a returned sheet and each department's 反馈单 (zh-CN). */
export const zhCNFeedback: FeedbackWording = {
  fileName: (base) => `${base}-退回修改.xlsx`,
  author: '计划台账',
  severity: { error: '须改正', warning: '请留意', info: '供参考' },
  how: '怎么改:',
  defaultFix: '请按问题说明核对修改。',
  sheetName: '问题',
  title: '退回修改:问题清单',
  intro: (file, c) =>
    `文件“${file}”共 ${c.error + c.warning + c.info} 处问题:须改正 ${c.error} 处、请留意 ${c.warning} 处。表中标红的须改正,标黄的请留意,单元格批注写明了改法;请在本表中逐条修改后重新报送。`,
  columns: ['序号', '单元格', '级别', '问题', '怎么改'],
  wholeSheet: '整张表',
  row: (row) => `第 ${row} 行`,
  sheetCell: (sheet, cell) => `${sheet} ${cell}`,
  form: {
    folder: '反馈单',
    fileName: (department) => `${department}.xlsx`,
    sheetName: '反馈单',
    title: (department) => `${department}推进情况反馈单`,
    subtitle: (plan, period, date) => `${plan ? `《${plan}》 · ` : ''}${period} · ${date}`,
    problems: '一、报送表格中的问题(请改正后重新报送)',
    problemColumns: ['序号', '单元格', '文件', '级别', '问题', '怎么改'],
    items: '二、进度滞后、未达标和未填报的事项',
    itemColumns: ['序号', '编号', '指标或任务', '目标', '完成值', '结论', '原因', '请你单位'],
    ask: {
      behind: '说明滞后原因和下一步安排,加快推进',
      missed: '说明未完成的原因、整改措施和预计完成时间',
      'no-data': '补报完成情况',
      disputed: '核实数据,改正后重新报送',
    },
    none: '无',
    closing: '请对照以上事项逐条改正、说明,在规定时间内报送牵头部门;有疑问请联系牵头部门。',
  },
};
