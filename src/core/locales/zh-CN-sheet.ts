import type { SheetWording } from './wording.js';

const CN_QUARTERS = ['一', '二', '三', '四'];
const STATUS = { 'not-started': '未启动', 'in-progress': '推进中', done: '已完成', behind: '滞后' } as const;

/** The words a progress sheet is written in (zh-CN): apart from the rest, so that a filler in a browser carries only these. */
export const zhCNSheet: SheetWording = {
  locale: 'zh-CN',
  status: STATUS,
  comparator: { '=': '', '>': '>', '>=': '≥', '<': '<', '<=': '≤', '~': '约' },
  periodName: (p) => {
    if (p.kind === 'year') return `${p.year}年`;
    if (p.kind === 'half') return `${p.year}年${p.firstMonth === 1 ? '上' : '下'}半年`;
    if (p.kind === 'quarter') return `${p.year}年第${CN_QUARTERS[p.lastMonth / 3 - 1]}季度`;
    return `${p.year}年${p.firstMonth}月`;
  },
  percent: (share) => `${Math.round(share * 1000) / 10}%`,
  sheet: {
    qualitativeMetric: '(定性任务,填报状态与进展)',
    figurePromptTitle: (item) => `完成值(第 ${item} 项)`,
    figureErrorTitle: '完成值可能有误',
    figure: {
      percent: { prompt: () => '填写 0–100 之间的数值(百分比)', error: () => '百分比应在 0–100 之间' },
      whole: { prompt: (unit) => `填写不小于 0 的整数,单位:${unit || '(无)'}`, error: (unit) => `应为不小于 0 的整数(单位:${unit || '(无)'})` },
      decimal: { prompt: (unit) => `填写不小于 0 的数值,单位:${unit || '(无)'}`, error: (unit) => `应为不小于 0 的数值(单位:${unit || '(无)'})` },
    },
    statusPromptTitle: (item) => `状态(第 ${item} 项)`,
    statusPrompt: `从下拉列表选择:${Object.values(STATUS).join('、')}`,
    statusErrorTitle: '状态无效',
    statusError: '请从下拉列表选择状态',
    unitsNote: (units) => (units.length === 0 ? '' : `按计划原文单位填报:${units.map((u) => `1${u.stated}=${u.factor.toLocaleString('en-US')}${u.unit}`).join(',')}`),
  },
};
