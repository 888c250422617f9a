import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../core/code.js';
import { PlanLedgerError } from '../core/error.js';
import { codesText, helpText } from './help.js';
import { checkCommand } from './check-command.js';
import { demoCommand, pipelineCommand } from './demo-command.js';
import { auditCommand, consolidateCommand } from './ledger-commands.js';
import { parseCommand } from './parse-command.js';
import { templateCommand } from './template-command.js';

/** What a command prints; tests capture it, the bin passes process streams. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Runs the CLI and returns its exit code. Never throws; never prints a stack trace. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let locale: Locale = localeFrom(process.env['PLAN_LEDGER_LANG']) ?? 'zh-CN';
  try {
    const { values, tokens } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      tokens: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        plan: { type: 'string' },
        template: { type: 'string' },
        department: { type: 'string' },
        all: { type: 'boolean' },
        period: { type: 'string' },
        format: { type: 'string' },
        previous: { type: 'boolean' },
        policy: { type: 'string' },
        rules: { type: 'string' },
        mistakes: { type: 'string' },
        seed: { type: 'string' },
      },
    });
    // `check A.xlsx --previous B.xlsx C.xlsx`: files after --previous are last period's.
    const positionals: string[] = [];
    const previous: string[] = [];
    let afterPrevious = false;
    for (const token of tokens) {
      if (token.kind === 'option') afterPrevious = token.name === 'previous';
      else if (token.kind === 'positional') (afterPrevious ? previous : positionals).push(token.value);
    }
    if (values.lang !== undefined) {
      const chosen = localeFrom(values.lang);
      if (chosen === undefined) throw new PlanLedgerError('usage', { detail: `--lang ${values.lang}: zh-CN | en` });
      locale = chosen;
    }
    const [command, ...rest] = positionals;
    if (values.version) {
      io.out(`${version()}\n`);
      return 0;
    }
    if (values.help || command === undefined || command === 'help') {
      io.out(`${helpText(locale)}\n`);
      return 0;
    }
    switch (command) {
      case 'parse':
        if (rest.length > 1) throw new PlanLedgerError('usage', { detail: `parse takes one file, got ${rest.length}` });
        return await parseCommand({ file: rest[0], json: values.json ?? false, out: values.out, locale }, io);
      case 'template':
        if (rest.length > 0) throw new PlanLedgerError('usage', { detail: `template takes no file; use --plan` });
        return await templateCommand(
          { plan: values.plan, template: values.template, department: values.department, all: values.all ?? false, period: values.period, out: values.out, locale },
          io,
        );
      case 'check':
        return await checkCommand({ files: rest, previous, plan: values.plan, format: values.format, out: values.out, locale }, io);
      case 'consolidate':
      case 'audit': {
        const cmd = { inputs: rest, plan: values.plan, period: values.period, policy: values.policy, rules: values.rules, out: values.out, json: values.json ?? false, locale, tty: process.stderr.isTTY === true };
        return command === 'consolidate' ? await consolidateCommand(cmd, io) : await auditCommand(cmd, io);
      }
      case 'demo':
        if (rest.length > 0) throw new PlanLedgerError('usage', { detail: 'demo takes no file; use --plan' });
        return await pipelineCommand({ plan: values.plan, out: values.out, locale }, io);
      case 'demo-fill':
        return await demoCommand({ plan: values.plan, period: values.period, out: values.out, mistakes: values.mistakes, seed: values.seed, locale }, io);
      case 'codes':
        io.out(`${codesText(locale)}\n`);
        return 0;
      default:
        throw new PlanLedgerError('usage', { detail: `unknown command ${command}` });
    }
  } catch (thrown) {
    const error = asPlanLedgerError(thrown);
    if (error === undefined) {
      io.err(`plan-ledger: [internal-error] ${(thrown as Error)?.message ?? String(thrown)}\n`);
      return 3;
    }
    io.err(`plan-ledger: ${error.describe(locale)}\n`);
    return 2;
  }
}

function asPlanLedgerError(error: unknown): PlanLedgerError | undefined {
  if (error instanceof PlanLedgerError) return error;
  // node:util parseArgs reports wrong options as a TypeError with an ERR_PARSE_ARGS_* code.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    return new PlanLedgerError('usage', { detail: (error as Error).message.split('\n')[0] ?? '' }, { cause: error });
  }
  return undefined;
}

function localeFrom(value: string | undefined): Locale | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^zh/i.test(value)) return 'zh-CN';
  return LOCALES.find((l) => l.toLowerCase() === value.toLowerCase());
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
