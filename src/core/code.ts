/** Languages users can read plan-ledger in; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export type Severity = 'error' | 'warning' | 'info';

interface Text {
  readonly 'zh-CN': string;
  readonly en: string;
}

interface CodeInfo {
  /** fatal: the run stops with exit code 2; finding: reported with the results. */
  readonly kind: 'fatal' | 'finding';
  readonly severity: Severity;
  readonly title: Text;
  /** With {placeholders} filled from the problem's parameters. */
  readonly message: Text;
}

const fatal = (zh: string, en: string, messageZh: string, messageEn: string): CodeInfo => ({
  kind: 'fatal',
  severity: 'error',
  title: { 'zh-CN': zh, en },
  message: { 'zh-CN': messageZh, en: messageEn },
});
const finding = (severity: Severity, zh: string, en: string, messageZh: string, messageEn: string): CodeInfo => ({
  kind: 'finding',
  severity,
  title: { 'zh-CN': zh, en },
  message: { 'zh-CN': messageZh, en: messageEn },
});

/** Every problem plan-ledger reports, each documented once; README and help are generated from it. */
export const CODES = {
  usage: fatal('用法错误', 'Wrong usage', '{detail}。运行 plan-ledger --help 查看用法', '{detail}. Run plan-ledger --help for usage'),
  'file-not-found': fatal('文件不存在', 'File not found', '找不到文件 {file}', 'cannot find file {file}'),
  'file-unreadable': fatal('文件无法读取', 'File unreadable', '无法读取 {file}:{detail}', 'cannot read {file}: {detail}'),
  'file-empty': fatal('文件为空', 'Empty file', '{file} 是空文件', '{file} is empty'),
  'file-too-large': fatal('文件过大', 'File too large', '{file} 超过 {limit},不予处理', '{file} is larger than {limit}'),
  'file-binary': fatal('不是文本文件', 'Binary file', '{file} 是二进制文件,不是文本、Word 或 JSON 计划', '{file} is binary, not a text, Word or JSON plan'),
  'file-unsupported-type': fatal(
    '不支持的文件类型',
    'Unsupported file type',
    '{file} 的类型不受支持;请提供 .txt、.docx 或 parse --json 输出的 .json',
    '{file} has an unsupported type; give a .txt, .docx, or a .json written by parse --json',
  ),
  'text-encoding-unknown': fatal(
    '无法识别文本编码',
    'Unknown text encoding',
    '{file} 不是 UTF-8、UTF-16 或 GB18030/GBK 编码的文本',
    '{file} is not text in UTF-8, UTF-16 or GB18030/GBK',
  ),
  'docx-corrupt': fatal('Word 文件已损坏', 'Corrupt Word file', '{file} 不是有效的 .docx 文件:{detail}', '{file} is not a valid .docx file: {detail}'),
  'json-invalid': fatal(
    'JSON 不是计划记录',
    'JSON is not plan records',
    '{file} 不是 plan-ledger parse --json 输出的记录:{detail}',
    '{file} is not records written by plan-ledger parse --json: {detail}',
  ),
  'plan-no-tasks': fatal(
    '未找到编号任务',
    'No numbered tasks',
    '{file} 中没有找到编号任务(如“1.”“(一)”开头的段落),不像一份工作计划',
    'found no numbered tasks (paragraphs starting with 1. or (一)) in {file}; it does not look like a work plan',
  ),
  'output-unwritable': fatal('无法写出结果', 'Cannot write output', '无法写入 {file}:{detail}', 'cannot write {file}: {detail}'),
  'task-no-departments': finding(
    'warning',
    '任务未列责任单位',
    'Task names no department',
    '任务 {task} 没有找到(推进单位:…)等责任单位',
    'task {task} names no department such as (推进单位:…)',
  ),
  'heading-number-repeated': finding(
    'warning',
    '编号重复',
    'Repeated number',
    '编号 {number} 在同一层级重复出现,已编为 {id}',
    'number {number} repeats at its level; identified as {id}',
  ),
  'heading-number-skipped': finding(
    'info',
    '编号不连续',
    'Skipped number',
    '编号从 {previous} 跳到 {number}',
    'numbering jumps from {previous} to {number}',
  ),
  'target-metric-missing': finding(
    'warning',
    '指标名称无法识别',
    'Metric not recognized',
    '“{raw}”的统计对象无法从上下文识别',
    'cannot tell from the context what “{raw}” counts',
  ),
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
export const CODE_LIST = Object.keys(CODES) as Code[];

export type Params = Readonly<Record<string, string | number>>;

/** The user-facing sentence for a code, in the given language. */
export function render(code: Code, params: Params, locale: Locale = 'zh-CN'): string {
  return CODES[code].message[locale].replace(/\{(\w+)\}/g, (whole, key: string) =>
    params[key] === undefined ? whole : String(params[key]),
  );
}

/** A Markdown table of every code, for README and --help. */
export function codeTable(locale: Locale = 'zh-CN'): string {
  const head = locale === 'zh-CN' ? '| 代码 | 类别 | 级别 | 含义 |' : '| code | kind | severity | meaning |';
  const rows = CODE_LIST.map((code) => {
    const info: CodeInfo = CODES[code];
    return `| \`${code}\` | ${info.kind} | ${info.severity} | ${info.title[locale]} |`;
  });
  return [head, '| --- | --- | --- | --- |', ...rows].join('\n');
}
