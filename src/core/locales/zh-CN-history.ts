import type { HistoryWording } from './wording.js';

/** The ledger across periods in Chinese. */
export const zhCNHistory: HistoryWording = {
  targets: { title: '历史', columns: { id: '编号', ids: '曾用编号', path: '任务编号', taskTitle: '任务名称', metric: '指标', value: '目标值', unit: '单位', basis: '口径' } },
  departments: { title: '历史(分单位)', columns: { id: '编号', metric: '指标', unit: '单位', department: '填报单位' } },
  figure: (period) => period,
  change: (period) => `${period}环比`,
  changeShare: (period) => `${period}环比(%)`,
  book: '历史台账.xlsx',
  page: '各期趋势.html',
  heading: '各期趋势',
  span: (first, last, count) => `${first}至${last},共 ${count} 期;每个指标一张折线图,环比为较上一期的增减`,
  legend: { figure: '完成值', target: '目标值', fell: '累计数比前期少' },
  written: (p) => `${p.targets} 个指标、${p.periods} 期;${p.findings} 个累计数比前期少`,
  files: (dir) => `历史台账、CSV 和各期趋势图已写出到 ${dir}`,
};
