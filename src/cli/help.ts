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
  plan-ledger codes       列出全部问题代码
  plan-ledger --help      显示本帮助
  plan-ledger --version   显示版本

通用选项:
  --lang zh-CN|en   界面语言(默认 zh-CN;也可设环境变量 PLAN_LEDGER_LANG)

退出码:0 成功;2 输入无法使用或用法错误(打印一行:[代码] 说明)。`,
  en: `plan-ledger: turn a government work plan into a ledger of tasks and targets

Usage:
  plan-ledger parse [file] [--json] [--out DIR]
      Parse a plan (the bundled 杨府〔2021〕13号 by default).
      The file may be .txt (UTF-8, UTF-16, GB18030/GBK detected), .docx, or .json written by parse --json.
      --json        print all records as one JSON document on stdout
      --out DIR     write a CSV per table (UTF-8 with BOM, formula-safe) and one plan.xlsx
      With neither, print a summary.
  plan-ledger codes       list every problem code
  plan-ledger --help      show this help
  plan-ledger --version   show the version

Common options:
  --lang zh-CN|en   language (default zh-CN; or set PLAN_LEDGER_LANG)

Exit codes: 0 success; 2 unusable input or wrong usage (one line: [code] message).`,
};

export function helpText(locale: Locale): string {
  return USAGE[locale];
}

export function codesText(locale: Locale): string {
  return codeTable(locale);
}
