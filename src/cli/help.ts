import { codeTable, type Locale } from '../core/code.js';

const USAGE: Readonly<Record<Locale, string>> = {
  'zh-CN': `plan-ledger:把政府工作计划整理成任务与指标台账

用法:
  plan-ledger parse [文件] [--json] [--out 目录]
      解析计划(默认使用内置的杨府〔2021〕13号)。
      文件可以是 .txt(UTF-8、UTF-16、GB18030/GBK 自动识别)、.docx,或 parse --json 输出的 .json。
      --json        以一个 JSON 文档输出全部记录到标准输出
      --out 目录    写出各表的 CSV(UTF-8 带 BOM,防公式注入)和一个 plan.xlsx
      不加选项时打印摘要。
  plan-ledger template --department 单位|--all --period 2021-Q2 [--plan 文件] [--template 模板] --out 目录
      为各单位生成推进情况表(期间:2021、2021-H1、2021-Q2、2021-06)。
  plan-ledger check 文件|目录… [--previous 上期文件…] [--format text|json|csv|xlsx] [--out 路径]
      回读并校验填好的推进情况表;有错误时退出码为 1。
  plan-ledger demo-fill --period 2021-Q2 --out 目录 [--mistakes 0.15] [--seed 1]
      生成带常见错误的示例填报表。
  plan-ledger consolidate 目录|文件… [--period …] [--policy 规则文件] --out 台账.xlsx [--json]
      汇总各单位推进情况表为一份台账。
  plan-ledger audit 台账.xlsx|目录… [--rules 规则文件] --out 目录
      逐项评判并亮灯,输出 XLSX、CSV 和一份 HTML 报告。
  plan-ledger demo [--plan 文件] [--out 目录]
      完整演示(npm start):计划记录、空白表、示例填报、台账、审计报告。
  plan-ledger codes       列出全部问题代码
  plan-ledger --help      显示本帮助
  plan-ledger --version   显示版本

通用选项:
  --lang zh-CN|en   界面语言(默认 zh-CN;也可设环境变量 PLAN_LEDGER_LANG)

退出码:0 成功;1 发现错误(check、consolidate);2 输入无法使用或用法错误(打印一行:[代码] 说明)。`,
  en: `plan-ledger: turn a government work plan into a ledger of tasks and targets

Usage:
  plan-ledger parse [file] [--json] [--out DIR]
      Parse a plan (the bundled 杨府〔2021〕13号 by default).
      The file may be .txt (UTF-8, UTF-16, GB18030/GBK detected), .docx, or .json written by parse --json.
      --json        print all records as one JSON document on stdout
      --out DIR     write a CSV per table (UTF-8 with BOM, formula-safe) and one plan.xlsx
      With neither, print a summary.
  plan-ledger template --department NAME|--all --period 2021-Q2 [--plan FILE] [--template FILE] --out DIR
      Progress sheets per department (periods: 2021, 2021-H1, 2021-Q2, 2021-06).
  plan-ledger check FILE|DIR… [--previous FILE…] [--format text|json|csv|xlsx] [--out PATH]
      Read filled sheets back and check them; exit 1 when there are errors.
  plan-ledger demo-fill --period 2021-Q2 --out DIR [--mistakes 0.15] [--seed 1]
      Plausible filled sheets with typical mistakes.
  plan-ledger consolidate DIR|FILE… [--period …] [--policy FILE] --out ledger.xlsx [--json]
      Merge every department's sheet into one ledger.
  plan-ledger audit LEDGER.xlsx|DIR… [--rules FILE] --out DIR
      Verdicts and traffic lights as XLSX, CSV and one HTML page.
  plan-ledger demo [--plan FILE] [--out DIR]
      The whole job (npm start): records, blank sheets, filled samples, ledger, audit report.
  plan-ledger codes       list every problem code
  plan-ledger --help      show this help
  plan-ledger --version   show the version

Common options:
  --lang zh-CN|en   language (default zh-CN; or set PLAN_LEDGER_LANG)

Exit codes: 0 success; 1 error findings (check, consolidate); 2 unusable input or wrong usage (one line: [code] message).`,
};

export function helpText(locale: Locale): string {
  return USAGE[locale];
}

export function codesText(locale: Locale): string {
  return codeTable(locale);
}
