import type { CorruptReason, DataProblem, FileReason, SheetFormat, UsageProblem } from '../code.js';
import { baseName, periodLabel, shortList } from './lists.js';
import type { Wording } from './wording.js';
import { zhCNHistory } from './zh-CN-history.js';
import { zhCNFeedback } from './zh-CN-feedback.js';
import { zhCNRevision } from './zh-CN-revision.js';
import { zhCNFix } from './zh-CN-fix.js';
import { zhCNSheet } from './zh-CN-sheet.js';

const { percent } = zhCNSheet;

const POLICY = { same: '同一数值', sum: '求和', lead: '以牵头单位为准' } as const;

const list = (items: readonly string[]): string => items.join('、');
const choices = (items: readonly string[]): string => items.join(' | ');

/** Each other spreadsheet format as a clerk knows it, and how to make an .xlsx of it. */
const FORMAT_ZH: Readonly<Record<SheetFormat, { readonly name: string; readonly fix: string }>> = {
  xls: { name: 'Excel 97-2003 工作簿(.xls)', fix: '用 Excel 或 WPS 打开,“另存为”选“Excel 工作簿(*.xlsx)”' },
  et: { name: 'WPS 表格文件(.et)', fix: '用 WPS 打开,“另存为”选“Excel 工作簿(*.xlsx)”' },
  ods: { name: 'OpenDocument 电子表格(.ods,LibreOffice 默认格式)', fix: '用 LibreOffice 打开,“另存为”选“Excel 2007-365 (.xlsx)”' },
  numbers: { name: 'Apple Numbers 文件(.numbers)', fix: '用 Numbers 打开,“文件 → 导出为 → Excel”' },
  csv: { name: 'CSV 文本文件', fix: '在下发的推进情况表(.xlsx)中填写,不要另存为 CSV' },
};

function usage(p: UsageProblem): string {
  switch (p.problem) {
    case 'unknown-command':
      return `没有 ${p.command} 这个命令`;
    case 'unknown-option':
      return `没有 ${p.option} 这个选项`;
    case 'option-needs-value':
      return `选项 ${p.option} 后面要写一个值`;
    case 'option-takes-no-value':
      return `选项 ${p.option} 后面不写值`;
    case 'option-one-of':
      return `${p.option} ${p.value}:应为 ${choices(p.choices)}`;
    case 'option-share':
      return `${p.option} ${p.value}:应为 0 到 1 之间的比例`;
    case 'option-integer':
      return `${p.option} ${p.value}:应为整数`;
    case 'option-required':
      return p.option === '--period' ? `${p.command} 需要 --period(如 2021、2021-H1、2021-Q2 或 2021-06)` : `${p.command} 需要 ${p.option} 目录`;
    case 'output-required':
      return `${p.command} 需要 --out 台账.xlsx(或 --json)`;
    case 'xlsx-needs-out':
      return '--format xlsx 需要 --out 文件.xlsx';
    case 'department-or-all':
      return '请给出 --department 单位 或 --all,二者选一';
    case 'files-required':
      return `${p.command} 需要推进情况表:文件或目录`;
    case 'one-file':
      return `${p.command} 只接受一个文件,收到 ${p.count} 个`;
    case 'no-file-taken':
      return `${p.command} 不接受文件;计划请用 --plan 指定`;
    case 'out-is-input':
      return `${p.command} 不会覆盖收回的表:--out 目录中的 ${p.file} 正是要读取的文件,请换一个输出目录`;
    case 'no-period-found':
      return '没有一份推进情况表注明期间;请用 --period 指定';
    case 'no-sheet-read':
      return `没有读到任何推进情况表:${p.files.length} 个文件都未能读取(${shortList(p.files.map((f) => `${baseName(f.file)}:${zhCN.codes[f.code].title}`), '、', (n) => `等 ${n} 个`)});请按各文件的问题处理后重试(plan-ledger check 逐一列出)`;
    case 'no-sheets-found':
      return `${p.paths.join('、')} 中没有表格文件(.xlsx、.xls、.et、.ods…),${p.command} 没有可读的推进情况表`;
  }
}

function fileReason(reason: FileReason, errno: string | undefined): string {
  switch (reason) {
    case 'not-a-file':
      return '不是普通文件';
    case 'is-a-directory':
      return '这是一个目录';
    case 'not-a-directory':
      return '路径中有一段不是目录';
    case 'permission-denied':
      return '没有权限';
    case 'read-only':
      return '只读的文件系统';
    case 'disk-full':
      return '磁盘已满';
    case 'busy':
      return '文件正被占用';
    case 'system':
      return `系统错误 ${errno ?? ''}`.trim();
  }
}

function corrupt(p: CorruptReason): string {
  switch (p.reason) {
    case 'zip-truncated':
      return '压缩包不完整(缺少目录)';
    case 'zip-directory':
      return '压缩包的目录已损坏';
    case 'no-sheets':
      return '工作簿中没有工作表';
    case 'zip-entry':
      return `压缩包中的 ${p.part} 已损坏`;
    case 'part-damaged':
      return `${p.part} 缺失或已损坏`;
    case 'zip-method':
      return `${p.part} 使用了不支持的压缩方式(${p.method})`;
    case 'inflate':
      return `${p.part} 无法解压`;
    case 'unreadable':
      return '内容无法读取';
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = { string: '文本', number: '数字', int: '整数', bigint: '整数', object: '对象', array: '列表', boolean: '是或否', null: '空值', date: '日期' };
const field = (name: string): string => (name === '' ? '(整体)' : name);

function data(p: DataProblem): string {
  switch (p.reason) {
    case 'syntax':
      return p.position === undefined ? 'JSON 语法错误' : `JSON 语法错误(第 ${p.position + 1} 个字符处)`;
    case 'not-an-object':
      return '应为一个 JSON 对象';
    case 'type':
      return `${field(p.field)}:应为${TYPE_NAMES[p.expected] ?? '规定的类型'}`;
    case 'one-of':
      return `${field(p.field)}:应为 ${choices(p.choices)} 之一`;
    case 'too-small':
      return `${field(p.field)}:不应小于 ${p.limit}`;
    case 'too-large':
      return `${field(p.field)}:不应大于 ${p.limit}`;
    case 'red-below-yellow':
      return `${field(p.field)}:红灯起点不应低于黄灯起点`;
    case 'invalid':
      return `${field(p.field)}:格式不对`;
  }
}

/** The columns a ledger row and an audit detail share. */
const targetRow = { id: '编号', path: '任务编号', taskTitle: '任务名称', metric: '指标', value: '目标值', unit: '单位' } as const;

const DOCX_PROBLEMS = { 'not-a-zip': '不是压缩包', truncated: '文件不完整', 'no-document': '缺少正文 word/document.xml', 'too-large': '解压后过大', unzip: '无法解压' } as const;

const byWhen = (deadline: string): string => (deadline === '' ? '' : `,完成时限 ${deadline}`);
const measured = (r: { figure: number; value: number; unit: string }) => ({ figure: `${r.figure}${r.unit}`, goal: `${r.value}${r.unit}` });

export const zhCN: Wording = {
  ...zhCNSheet,
  codes: {
    usage: { title: '用法错误', message: (p) => `${usage(p)}。运行 plan-ledger --help 查看用法` },
    'file-not-found': { title: '文件不存在', message: (p) => `找不到文件 ${p.file}` },
    'file-unreadable': { title: '文件无法读取', message: (p) => `无法读取 ${p.file}:${fileReason(p.reason, p.errno)}` },
    'file-empty': { title: '文件为空', message: (p) => `${p.file} 是空文件` },
    'file-too-large': { title: '文件过大', message: (p) => `${p.file} 超过 ${p.limitMB} MB,不予处理` },
    'file-binary': { title: '不是文本文件', message: (p) => `${p.file} 是二进制文件,不是文本、Word 或 JSON 计划` },
    'file-unsupported-type': { title: '不支持的文件类型', message: (p) => `${p.file} 的类型不受支持;请提供 .txt、.docx 或 parse --json 输出的 .json` },
    'text-encoding-unknown': { title: '无法识别文本编码', message: (p) => `${p.file} 不是 UTF-8、UTF-16 或 GB18030/GBK 编码的文本` },
    'docx-corrupt': {
      title: 'Word 文件已损坏',
      message: (p) => `${p.file} 不是有效的 .docx 文件:${DOCX_PROBLEMS[p.reason]}`,
    },
    'json-invalid': { title: 'JSON 不是计划记录', message: (p) => `${p.file} 不是 plan-ledger parse --json 输出的记录:${data(p)}` },
    'plan-no-tasks': { title: '未找到编号任务', message: (p) => `${p.file} 中没有找到编号任务(如“1.”“(一)”开头的段落),不像一份工作计划` },
    'output-unwritable': { title: '无法写出结果', message: (p) => `无法写入 ${p.file}:${fileReason(p.reason, p.errno)}` },
    'task-no-departments': { title: '任务未列责任单位', message: (p) => `任务 ${p.task} 没有找到(推进单位:…)等责任单位` },
    'target-unassigned': { title: '目标无人填报', message: (p) => `目标“${p.raw}”(${p.targetId})没有责任单位,不在任何单位的推进情况表上` },
    'department-group': { title: '统称单位未分解', message: (p) => `“${p.name}”是一类单位的统称(涉及 ${p.tasks} 项任务),不单独生成推进情况表;请在单位分组文件(--groups)中列出其成员单位,每个成员单位各得一张表` },
    'heading-number-repeated': { title: '编号重复', message: (p) => `编号 ${p.number} 在同一层级重复出现,已编为 ${p.id}` },
    'heading-number-skipped': { title: '编号不连续', message: (p) => `编号从 ${p.previous} 跳到 ${p.number}` },
    'target-metric-missing': { title: '指标名称无法识别', message: (p) => `“${p.raw}”的统计对象无法从上下文识别` },
    'period-invalid': { title: '期间格式错误', message: (p) => `期间 ${p.period} 无法识别;请写成 2021、2021-H1、2021-Q2 或 2021-06` },
    'department-unknown': {
      title: '计划中无此单位',
      message: (p) => `单位“${p.department}”在 ${p.period} 没有承担任务;可选:${p.known.length > 0 ? list(p.known) : '—'}`,
    },
    'template-missing-placeholder': { title: '模板缺少占位符', message: (p) => `模板 ${p.file} 缺少必需的占位符 ${p.placeholder}` },
    'template-invalid': {
      title: '模板无法使用',
      message: (p) => {
        const detail =
          p.reason === 'unreadable'
            ? '无法打开'
            : p.reason === 'too-large'
              ? `解压后超过 ${p.limitMB} MB,不像是一份表格模板`
              : p.reason === 'generated-sheet'
                ? '这是已生成的推进情况表,不是模板'
                : `行占位符分布在第 ${list(p.rows.map(String))} 行;请只用一行`;
        return `模板 ${p.file} 无法使用:${detail}`;
      },
    },
    'template-not-carried': {
      title: '模板内容未能原样保留',
      message: (p) => {
        const what =
          p.what === 'drawing-in-row'
            ? `行模板(第 ${p.row} 行)上的图片或图表不会逐行重复,只保留在第一行`
            : p.what === 'comment-in-row'
              ? `行模板上 ${p.cell} 的批注只保留在第一行`
              : p.what === 'validation-replaced'
                ? `${p.cell} 原有的数据验证已换成本表的填报校验`
                : p.what === 'series-across-row'
                  ? `图表的数据系列 ${p.range} 横跨行模板,填表后只含第一行`
                  : p.what === 'merge-across-row'
                    ? `合并单元格 ${p.range} 跨过行模板,已拆开:行模板所在的行不再合并`
                    : p.what === 'macros-removed'
                    ? `模板中的宏(${p.part})已去掉:推进情况表是 .xlsx 文件,不能带宏`
                    : `${p.part} 原样保留,其中指向下移各行的位置没有更新`;
        return `模板 ${p.file}:${what}`;
      },
    },
    'file-not-xlsx': { title: '不是 xlsx 文件', message: (p) => `${p.file} 不是 Excel 工作簿(.xlsx)` },
    'file-other-format': { title: '文件格式不对', message: (p) => `${p.file} 是 ${FORMAT_ZH[p.format].name},不是 Excel 工作簿(.xlsx),未能读取:请${FORMAT_ZH[p.format].fix},再重新报送` },
    'file-corrupt': { title: '文件已损坏', message: (p) => `${p.file} 已损坏,无法读取:${corrupt(p)}` },
    'template-not-a-progress-sheet': { title: '不是推进情况表', message: (p) => `${p.file} 不是 plan-ledger 生成的推进情况表` },
    'template-unknown-plan': {
      title: '计划不符',
      message: (p) => `${p.file} 依据另一份计划或另一版本生成(《${p.planTitle}》,编号 ${p.planId}),与本次核对的计划(编号 ${p.expected})不同,未汇入:请用 --plan 指定它所依据的计划文件,或按现行计划重新下发`,
    },
    'template-plan-cell-changed': { title: '计划内容被改动', message: (p) => `${p.cell} 的计划内容被改为“${p.value}”,原为“${p.expected}”` },
    'template-row-deleted': { title: '行被删除', message: (p) => `指标行 ${p.id}(${p.metric})已被删除` },
    'template-row-added': { title: '新增了行', message: (p) => `第 ${p.row} 行不是生成的指标行,其中的内容未计入` },
    'entry-not-a-number': { title: '完成值不是数字', message: (p) => `${p.cell} 的完成值“${p.value}”不是数字` },
    'entry-negative': { title: '完成值为负数', message: (p) => `${p.cell} 的完成值 ${p.value} 为负数` },
    'entry-not-integer': { title: '完成值应为整数', message: (p) => `${p.cell} 的完成值 ${p.value} 应为整数(单位:${p.unit})` },
    'entry-percent-out-of-range': { title: '百分比超出范围', message: (p) => `${p.cell} 的百分比 ${p.value} 不在 0–100 之间` },
    'entry-unit-converted': { title: '已换算单位', message: (p) => `${p.cell} 的“${p.text}”按 ${p.value} ${p.unit} 读取` },
    'entry-status-inconsistent': {
      title: '状态与数值不符',
      message: (p) =>
        p.value === null
          ? `${p.cell} 状态为“${zhCN.status[p.status]}”,但没有填写完成值(目标 ${p.target})`
          : `${p.cell} 状态为“${zhCN.status[p.status]}”,但完成值 ${p.value} ${p.met ? '≥' : '<'} 目标 ${p.target}`,
    },
    'entry-evidence-missing': { title: '缺少佐证材料', message: (p) => `${p.cell} 标为“${zhCN.status.done}”,但未填写佐证材料` },
    'entry-outlier': { title: '数值异常偏大', message: (p) => `${p.cell} 的完成值 ${p.value} 超过目标 ${p.target} 的 ${p.factor} 倍,请核对单位(万/个)` },
    'entry-decreased': { title: '累计数减少', message: (p) => `${p.cell} 的累计完成值 ${p.value} 低于上期的 ${p.previous}` },
    'entry-behind-schedule': { title: '落后于序时进度', message: (p) => `${p.cell} 的完成值 ${p.value} 低于序时进度要求的 ${p.expected}` },
    'entry-below-target': { title: '未达目标值', message: (p) => `${p.cell} 的完成值 ${p.value}${p.unit} 低于目标 ${p.target}${p.unit}(按目标值考核,不按序时进度折算)` },
    'entry-figure-in-task-row': { title: '任务行填了完成值', message: (p) => `${p.cell} 所在任务没有量化目标,填入的“${p.value}”不计入完成值,已转入进展说明` },
    'entry-overdue': { title: '已过完成时限', message: (p) => `${p.cell} 的任务完成时限为 ${p.deadline},本期已到期,填报状态为“${zhCN.status[p.status]}”` },
    'consolidate-conflict': {
      title: '多单位数据不一致',
      message: (p) => `${p.metric}:${p.a} 填 ${p.aValue}(${p.aFile} ${p.aCell}),${p.b} 填 ${p.bValue}(${p.bFile} ${p.bCell})`,
    },
    'consolidate-missing': { title: '未报送', message: (p) => `${p.department} 未报送 ${p.period} 推进情况表` },
    'sheets-plan-versions': {
      title: '推进情况表来自多个计划版本',
      message: (p) =>
        `${p.files} 份表(如 ${p.examples.join('、')})依据计划的另一版本《${p.title}》(编号 ${p.planId},${p.generatedAt.slice(0, 10)} 生成),本次按多数表所依据的《${p.usedTitle}》(编号 ${p.usedPlanId},${p.usedFiles} 份)核对,这些表未汇入;需要时请用 --plan 指定其计划文件`,
    },
    'consolidate-duplicate': { title: '重复报送', message: (p) => `${p.department} 的 ${p.period} 推进情况表重复:采用 ${p.kept},未采用 ${p.dropped}` },
    'consolidate-wrong-period': { title: '期间不符', message: (p) => `${p.file} 是 ${p.found} 的推进情况表,本次汇总 ${p.expected},未计入` },
    'previous-not-read': { title: '上期报表未读取', message: (p) => `上期报表 ${p.file} 未能读取(${zhCN.codes[p.because].title}),累计数是否比上期少没有按它检查` },
    'history-figure-fell': {
      title: '累计数比前期少',
      message: (p) => `${p.metric}${p.department === null ? '' : `(${p.department})`}:${periodLabel(p.to, zhCNSheet)} 的累计完成值 ${p.toValue}${p.unit} 低于 ${periodLabel(p.from, zhCNSheet)} 的 ${p.fromValue}${p.unit}`,
    },
    'consolidate-other-plan': { title: '其他计划的表', message: (p) => `${p.file} 依据另一份计划或另一版本(《${p.planTitle}》)生成,未计入:请用 --plan 指定它所依据的计划文件,或按现行计划重新下发` },
    'reissue-no-plan': { title: '表中未附计划', message: (p) => `${p.file} 是早期生成的表,没有附带所依据的计划,无法按新计划转填:请按新计划另发空白表,由该单位重新填报` },
    'policy-invalid': {
      title: '汇总规则文件无效',
      message: (p) => {
        const detail =
          p.reason === 'csv-columns'
            ? 'CSV 需要“指标编号”和“汇总方式”两列(或 targetId、policy)'
            : p.reason === 'unknown-target'
              ? `计划中没有指标 ${p.target || '(空)'}`
              : p.reason === 'unknown-policy'
                ? `${p.target}:汇总方式“${p.policy || '(空)'}”应为 ${list(Object.values(POLICY))}(或 same、sum、lead)`
                : data(p);
        return `汇总规则文件 ${p.file} 无效:${detail}`;
      },
    },
    'rules-invalid': { title: '评判规则文件无效', message: (p) => `评判规则文件 ${p.file} 无效:${data(p)}` },
    'groups-invalid': { title: '单位分组文件无效', message: (p) => `单位分组文件 ${p.file} 无效(应列出每个统称及其成员单位,如 {"各街道": ["殷行街道", …]}):${data(p)}` },
    'ledger-invalid': {
      title: '台账文件无效',
      message: (p) =>
        p.reason === 'no-period'
          ? `台账的期间“${p.period}”无法识别`
          : p.reason === 'not-a-ledger'
            ? `${p.file} 不是 plan-ledger consolidate 写出的台账`
            : `${p.file} 中的台账已损坏或由更新的版本生成,请重新运行 plan-ledger consolidate`,
    },
  },
  codeKind: { fatal: '终止运行', finding: '问题' },
  severity: { error: '错误', warning: '警告', info: '提示' },
  role: { lead: '牵头', responsible: '责任', support: '配合' },
  policy: POLICY,
  verdict: { met: '达标', 'on-track': '进度正常', behind: '进度滞后', missed: '未达标', 'no-data': '未填报', disputed: '数据存疑' },
  light: { green: '绿', yellow: '黄', red: '红', grey: '灰' },
  partKind: { plan: '计划', progress: '进展' },
  targetKind: { target: '目标', actual: '实绩' },
  basis: { new: '新增', cumulative: '累计', plain: '未注明' },
  measure: { quantity: '按序时进度', level: '按目标值', ceiling: '不超过上限', growth: '按增幅目标', milestone: '按完成时限' },
  never: '从未报送',
  yes: '是',
  reason: (r) => {
    switch (r.kind) {
      case 'disputed':
        return '各单位数据不一致或填报有误,需核实';
      case 'no-figure':
        return '未填报完成值';
      case 'no-status':
        return '未填报状态';
      case 'done-without-evidence':
        return '标为已完成,但无佐证材料';
      case 'done':
        return `已完成,佐证:${r.evidence}`;
      case 'in-progress':
        return `推进中${byWhen(r.deadline)}`;
      case 'in-progress-due':
        return `期限 ${r.deadline} 已到,仍在推进`;
      case 'reported-behind':
        return `填报为滞后${byWhen(r.deadline)}`;
      case 'behind-due':
        return `期限 ${r.deadline} 已到,进度滞后`;
      case 'not-started':
        return `尚未启动${byWhen(r.deadline)}`;
      case 'not-started-due':
        return `期限 ${r.deadline} 已到,尚未启动`;
      case 'within-ceiling':
        return `${measured(r).figure},控制在 ${measured(r).goal} 以内`;
      case 'above-ceiling':
        return `${measured(r).figure},超过上限 ${measured(r).goal}`;
      case 'met':
        return `完成 ${measured(r).figure},目标 ${measured(r).goal}`;
      case 'missed':
        return `期限 ${r.deadline} 已到,完成 ${measured(r).figure},未达目标 ${measured(r).goal}`;
      case 'on-track':
        return `完成 ${measured(r).figure}/${measured(r).goal}(${percent(r.completion)}),序时进度 ${percent(r.share)}`;
      case 'behind':
        return `完成 ${measured(r).figure}/${measured(r).goal}(${percent(r.completion)}),序时进度 ${percent(r.share)},落后 ${r.gap} 个百分点`;
      case 'below-target':
        return `${measured(r).figure},未达到目标 ${measured(r).goal}(按目标值考核,不按序时进度折算),差目标的 ${r.gap}%`;
      case 'above-ceiling-early':
        return `${measured(r).figure},超过上限 ${measured(r).goal} 的 ${r.gap}%,期限前须降至上限以内`;
    }
  },
  list,
  accounting: (a) => `读取 ${a.rowsRead} 行 = 汇入 ${a.rowsMerged} 行 + 因问题未汇入 ${a.rowsRejected} 行`,
  documentField: {
    id: '计划编号',
    title: '标题',
    docNumber: '文号',
    issuer: '发文单位',
    signedOn: '成文日期',
    publishedOn: '发布日期',
    adoptedOn: '通过日期',
    kind: '类型',
    year: '年度',
    contentHash: '内容摘要',
    sourceFile: '来源文件',
    sourceEncoding: '来源编码',
  },
  accountingItem: {
    files: '文件数',
    sheetsAccepted: '采用的推进情况表',
    filesSkipped: '跳过的文件',
    rowsRead: '读取行数',
    rowsMerged: '汇入台账行数',
    rowsRejected: '因问题未汇入行数',
  },
  tables: {
    document: { title: '文件信息', columns: { field: '字段', value: '内容' } },
    sections: { title: '章节', columns: { id: '编号', path: '层级序号', parentId: '上级编号', title: '标题', kind: '类型', year: '年度', spanStart: '起始位置', spanEnd: '结束位置' } },
    tasks: {
      title: '任务',
      columns: {
        id: '编号',
        path: '层级序号',
        sectionId: '所属章节',
        title: '任务名称',
        kind: '类型',
        year: '年度',
        departments: '推进单位',
        measure: '考核方式',
        deadline: '完成时限',
        text: '任务内容',
        spanStart: '起始位置',
        spanEnd: '结束位置',
      },
    },
    taskDepartments: { title: '任务责任单位', columns: { taskId: '任务编号', path: '层级序号', order: '顺序', department: '单位', role: '角色' } },
    targets: {
      title: '指标',
      columns: {
        id: '编号',
        taskId: '任务编号',
        sectionId: '章节编号',
        metric: '指标',
        value: '数值',
        unit: '单位',
        comparator: '比较',
        basis: '口径',
        measure: '考核方式',
        kind: '性质',
        year: '年度',
        deadline: '期限',
        raw: '原文',
        sentence: '出处语句',
        spanStart: '起始位置',
        spanEnd: '结束位置',
      },
    },
    departments: { title: '责任单位', columns: { id: '编号', name: '单位', taskCount: '任务数', taskIds: '任务编号' } },
    planFindings: { title: '问题', columns: { code: '代码', severity: '级别', message: '说明', line: '行号', taskId: '任务编号', targetId: '指标编号' } },
    entries: {
      title: '填报数据',
      columns: { department: '单位', period: '期间', taskId: '任务编号', targetId: '指标编号', actual: '完成值', status: '状态', note: '进展说明', evidence: '佐证材料', file: '文件', sheet: '工作表', cell: '单元格' },
    },
    findings: {
      title: '问题清单',
      columns: {
        severity: '级别',
        title: '问题',
        message: '说明',
        fileName: '文件',
        file: '文件路径',
        sheet: '工作表',
        cell: '单元格',
        row: '行号',
        taskId: '任务编号',
        targetId: '指标编号',
        value: '数值',
        code: '问题代码',
      },
    },
    ledger: {
      title: '台账',
      columns: {
        ...targetRow,
        measure: '考核方式',
        deadline: '完成时限',
        policy: '汇总方式',
        figure: '完成值',
        status: '状态',
        reported: '已报单位',
        departments: '责任单位',
        disputed: '存疑',
        evidence: '佐证材料',
      },
    },
    reports: {
      title: '填报明细',
      columns: {
        id: '编号',
        metric: '指标',
        department: '单位',
        role: '角色',
        actual: '完成值',
        status: '状态',
        note: '进展说明',
        evidence: '佐证材料',
        fileName: '来源文件',
        file: '来源文件路径',
        cell: '单元格',
      },
    },
    accounting: { title: '核算', columns: { item: '项目', count: '数量' } },
    submissions: {
      title: '报送记录',
      columns: { period: '期间', department: '单位', reporter: '填报人', phone: '联系电话', date: '填报日期', fileName: '来源文件', sha256: '文件校验码', generatedAt: '表格生成时间', file: '来源文件路径' },
    },
    chase: { title: '催报', columns: { department: '未报单位', period: '本期', lastPeriod: '上次报送', reporter: '上次填报人', phone: '联系电话' } },
    byDepartment: { title: '汇总(按单位)', columns: { name: '单位', total: '牵头或负责事项', green: '绿', yellow: '黄', red: '红', grey: '灰', greenShare: '绿灯占比', supportTotal: '配合事项', supportRed: '配合事项中红灯' } },
    bySection: { title: '汇总(按章节)', columns: { name: '章节', total: '指标与任务', green: '绿', yellow: '黄', red: '红', grey: '灰', greenShare: '绿灯占比' } },
    details: {
      title: '明细',
      columns: {
        ...targetRow,
        measure: '考核方式',
        deadline: '完成时限',
        figure: '完成值',
        completion: '完成率',
        expected: '序时进度',
        verdict: '结论',
        light: '亮灯',
        reason: '依据',
        departments: '责任单位',
        evidence: '佐证材料',
        sources: '来源',
        sourcePaths: '来源(含路径)',
      },
    },
  },
  template: {
    sheetName: '推进情况',
    subtitle: '推进情况表({{period.label}})',
    departmentLine: '填报单位:{{department.name}}',
    shareLine: '序时进度:{{period.share}}',
    documentLine: '文号:{{plan.docNumber}}  生成时间:{{generatedAt}}  {{units.note}}',
    headers: {
      'row.id': '编号',
      'row.number': '序号',
      'task.code': '任务编号',
      'task.title': '任务名称',
      'target.metric': '指标',
      'target.value': '目标值',
      'target.unit': '单位',
      'target.deadline': '完成时限',
      baseline: '上年基数',
      expected: '序时目标',
      'entry.actual': '完成值',
      completion: '完成率',
      'entry.status': '状态',
      'entry.note': '进展说明',
      'entry.evidence': '佐证材料',
    },
    reporter: '填报人:',
    phone: '联系电话:',
    date: '填报日期:',
    note: '说明:浅黄色单元格为填报区;状态请从下拉列表选择;完成值按“单位”列的单位填写,填数字即可。',
  },
  placeholders: {
    'plan.title': '计划名称',
    'plan.docNumber': '文号',
    'plan.id': '计划编号',
    'department.name': '填报单位',
    'period.label': '填报期间(如 2021年第二季度)',
    'period.code': '期间代码(如 2021-Q2)',
    'period.share': '序时进度(如 50%)',
    generatedAt: '生成时间',
    'units.note': '单位换算说明(计划以亿元、万户等书写的指标,如 1亿元=100,000,000元)',
    'row.id': '指标或任务编号(可隐藏;用于回读时识别行)',
    'row.number': '序号',
    'task.code': '任务层级序号(如 2.5.12)',
    'task.title': '任务名称',
    'target.metric': '指标',
    'target.value': '目标值',
    'target.unit': '单位',
    'target.comparator': '比较方式(≥、≤、约)',
    'target.deadline': '完成时限',
    baseline: '上年基数',
    expected: '序时目标(目标值 × 序时进度)',
    completion: '完成率(公式)',
    'entry.actual': '完成值(填报)',
    'entry.status': `状态:${Object.values(zhCNSheet.status).join('/')}(填报)`,
    'entry.note': '进展说明(填报)',
    'entry.evidence': '佐证材料(填报)',
    'reporter.name': '填报人(填报)',
    'reporter.phone': '联系电话(填报)',
    'reporter.date': '填报日期(填报)',
  },
  placeholderScope: { header: '表头', row: '行模板', entry: '行模板(填报格)', sign: '表尾签字栏(填报格)' },
  placeholderTableHead: ['占位符', '位置', '必需', '含义'],
  codeTableHead: ['代码', '类别', '级别', '含义'],
  printout: {
    line: (p) => [p.sheet, p.docNumber && `文号:${p.docNumber}`, `期间:${p.period}`, `生成时间:${p.generatedAt}`].filter(Boolean).join('    '),
    footer: '第 &P 页,共 &N 页',
  },
  report: {
    title: '推进情况审计报告',
    generated: '生成时间',
    overview: '总体亮灯',
    byDepartment: '按单位',
    bySection: '按章节',
    redItems: '红灯事项',
    redColumns: ['任务编号', '任务名称或指标', '牵头(责任)单位', '配合单位', '依据'],
    details: '明细',
    findings: '问题清单',
    filter: '筛选(任务、指标、单位、依据)',
    all: '全部',
    rows: '项',
    none: '无',
    columns: ['任务编号', '任务名称', '指标', '目标值', '完成值', '完成率', '序时进度', '结论', '亮灯', '依据', '责任单位'],
    findingColumns: ['级别', '问题', '说明', '文件', '单元格'],
    legend: '图例',
    behindBy: { yellow: '进度滞后(落后较少)', red: '进度滞后(落后较多)' },
    thresholds: (r) => {
      const pair = (t: { yellowFrom: number; redFrom: number }, unit: string) => `${t.yellowFrom}${unit}起为黄、${t.redFrom}${unit}起为红`;
      return [
        `亮灯标准:数量指标落后序时进度 ${pair(r.behind, ' 个百分点')}`,
        `比率或指数低于目标 ${pair(r.measures.level ?? r.behind, ' 个百分点')}`,
        `增幅低于目标 ${pair(r.measures.growth ?? r.behind, ' 个百分点')}`,
        `上限指标超出上限 ${pair(r.measures.ceiling ?? r.behind, '%')}`,
        `节点任务在序时进度 ${percent(r.notStartedRedFrom)} 起仍未启动为红。`,
      ].join(';');
    },
    footer: '由 plan-ledger 生成。数据来源:各单位推进情况表;每项数值可在“明细”中追溯到来源文件与单元格。',
  },
  fix: zhCNFix,
  feedback: zhCNFeedback,
  revision: zhCNRevision,
  history: zhCNHistory,
  cli: {
    help: `plan-ledger:把政府工作计划整理成任务与指标台账

用法:
  plan-ledger parse [文件] [--json] [--out 目录]
      解析计划(默认使用内置的杨府〔2021〕13号)。
      文件可以是 .txt(UTF-8、UTF-16、GB18030/GBK 自动识别)、.docx,或 parse --json 输出的 .json。
      --json        以一个 JSON 文档输出全部记录到标准输出
      --out 目录    写出各表的 CSV(UTF-8 带 BOM,防公式注入)和一个 plan.xlsx
      不加选项时打印摘要。
  plan-ledger template --department 单位|--all --period 2021-Q2 [--plan 文件] [--template 模板] [--previous 上期表格或台账…] --out 目录
      为各单位生成推进情况表(期间:2021、2021-H1、2021-Q2、2021-06)。
      --previous    上期填好的推进情况表或台账:各单位上期的完成值随表下发,Excel 插件中可见,回读时检查累计数是否减少
  plan-ledger check 文件|目录… [--previous 上期文件…] [--format text|json|csv|xlsx] [--out 路径] [--feedback 目录]
      回读并校验填好的推进情况表;有错误时退出码为 1。
      --feedback 目录  为每份有问题的表写一份退回修改表(问题单元格标色并加批注,另附“问题”工作表),原表不动
  plan-ledger demo-fill --period 2021-Q2 --out 目录 [--mistakes 0.15] [--seed 1]
      生成带常见错误的示例填报表。
  plan-ledger consolidate 目录|文件… [--period …] [--policy 规则文件] [--previous 上期文件…] --out 台账.xlsx [--json] [--feedback 目录]
      汇总各单位推进情况表为一份台账;给出上期的表格或台账时,检查累计数是否比上期少。
  plan-ledger reissue --plan 调整后的计划 表格|目录… [--template 模板] --out 目录
      计划调整后重发推进情况表:按调整后的计划为各单位重新生成表,原已填的内容按任务序号和指标(序号变了按原文)转填;
      另写变更报告(变更报告.xlsx、.csv、.html),列出新增、删除、调整的指标和每一项已转填、未能转填的内容。
  plan-ledger audit 台账.xlsx|目录… [--rules 规则文件] [--previous 上期文件…] --out 目录
      逐项评判并亮灯,输出 XLSX、CSV 和一份 HTML 报告,并为各单位写一份反馈单(反馈单/)。
  plan-ledger demo [--plan 文件] [--out 目录]
      完整演示(npm start):计划记录、空白表、示例填报、台账、审计报告。
  plan-ledger codes       列出全部问题代码
  plan-ledger --help      显示本帮助
  plan-ledger --version   显示版本

通用选项:
  --lang zh-CN|en   界面语言(默认 zh-CN;也可设环境变量 PLAN_LEDGER_LANG)
  --groups 文件     单位分组文件(JSON:{"各街道": ["殷行街道", "五角场街道", …]}):计划中的统称单位由其成员单位分别填报
  --coordinator 单位  主要目标未写明责任单位时由谁填报(默认按发文机关:区政府办公室、市政府办公厅等)

退出码:0 成功;1 发现错误(check、consolidate);2 输入无法使用或用法错误(打印一行:[代码] 说明)。`,
    planSummary: (s) => `${s.title}:${s.sections} 个章节、${s.tasks} 项任务、${s.targets} 个指标、${s.departments} 个责任单位、${s.findings} 条提示`,
    writtenTo: (dir) => `已写出到 ${dir}:`,
    sheetsWritten: (count, period, dir) => `已为 ${period} 生成 ${count} 份推进情况表,位于 ${dir}:`,
    templateNote: (severity, message) => `${severity}:${message}`,
    checkSummary: (s) => `检查 ${s.files} 个文件,读取 ${s.rows} 行:${s.entries} 条填报,${s.errors} 个错误,${s.warnings} 个警告`,
    planUsed: (p) => {
      const plan = `《${p.title}》${p.docNumber ? `(${p.docNumber})` : ''}`;
      if (p.from === 'option') return `核对依据:--plan 指定的计划${plan}`;
      if (p.from === 'seed') return `核对依据:内置的示例计划${plan}(推进情况表未附计划,可用 --plan 指定)`;
      return `核对依据:推进情况表所附的计划${plan}${p.partial ? ';这些表生成较早,只附各自单位的任务,未报送单位的任务不在结果中,可用 --plan 指定完整计划' : ''}`;
    },
    checkResult: (valid) => (valid ? '结论:未发现错误。' : '结论:存在错误(退出码 1)。'),
    reading: '读取',
    internalError: (detail) => `plan-ledger 内部出错(请把这一行发给维护人员):${detail}`,
    consolidated: (a, findings) => `${a.files} 个文件,采用 ${a.sheetsAccepted} 份推进情况表,跳过 ${a.filesSkipped} 个;${zhCN.accounting(a)};${findings} 条问题`,
    ledgerWritten: (path) => `台账已写出到 ${path}`,
    chase: (list) =>
      `待催报 ${list.length} 个单位:` +
      list.map((c) => (c.lastPeriod === null ? `${c.department}（从未报送）` : `${c.department}（${c.lastPeriod} 填报人 ${c.reporter || '未填'}，电话 ${c.phone || '未填'}）`)).join('、'),
    feedbackWritten: (count, dir) => `已为 ${count} 个有问题的文件写出退回修改表(原表不动,问题单元格已标色并加批注),位于 ${dir}`,
    feedbackSkipped: (files) => `以下文件无法打开,未写退回修改表:${shortList(files.map(baseName), '、', (n) => `等 ${n} 个`)}`,
    formsWritten: (count, dir) => `各单位反馈单 ${count} 份:${dir}`,
    audited: (rows, c) => `${rows} 项指标与任务:绿 ${c.green}、黄 ${c.yellow}、红 ${c.red}、灰 ${c.grey}`,
    reportWritten: (path) => `审计报告:${path}`,
    samplesWritten: (count, dir) => `已生成 ${count} 份示例填报表,位于 ${dir}`,
    demo: {
      records: (dir, files) => `1. 计划记录:${dir}(${files} 个文件,含 plan.xlsx)`,
      blank: (period, dir, count) => `2. ${period} 空白推进情况表:${dir}(${count} 份)`,
      filled: (period, dir, count) => `3. ${period} 示例填报表(含常见错误):${dir}(${count} 份)`,
      ledger: (path, a, findings) => `4. 台账:${path}(${zhCN.accounting(a)};${findings} 条问题)`,
      audit: (path, forms) => `5. 审计报告:${path}${forms.count > 0 ? `(各单位反馈单 ${forms.count} 份:${forms.dir})` : ''}`,
      page: (path) => `6. 离线网页(不用安装,可直接发给各单位,WPS、LibreOffice 用户也能自查):${path}`,
      pageMissing: '6. 离线网页:尚未构建,运行 npm run build:page 后再试',
    },
  },
  demo: {
    done: '已按计划完成',
    behind: '受前期审批影响,进度偏慢',
    inProgress: '按计划推进中',
    evidence: (department, row) => `${department}-${row}-验收材料.pdf`,
    reporter: (department) => `${department}联络员`,
  },
};
