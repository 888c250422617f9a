import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PlanLedgerError } from '../core/error.js';
import { codeTable, describeError, DEFAULT_LOCALE, localeOf, LOCALES, wording, type Locale } from '../core/locales/index.js';
import { auditCommand } from './audit-command.js';
import { checkCommand } from './check-command.js';
import { consolidateCommand } from './consolidate-command.js';
import { demoCommand } from './demo-command.js';
import { demoFillCommand } from './demo-fill-command.js';
import { historyCommand } from './history-command.js';
import { processIo, type Context, type Io } from './io.js';
import { parseCommand } from './parse-command.js';
import { reissueCommand } from './reissue-command.js';
import { templateCommand } from './template-command.js';

/** Runs the CLI and returns its exit code. Never throws; never prints a stack trace. */
export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let locale: Locale = localeOf(env['PLAN_LEDGER_LANG']) ?? DEFAULT_LOCALE;
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
        groups: { type: 'string' },
        coordinator: { type: 'string' },
        feedback: { type: 'string' },
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
      const chosen = localeOf(values.lang);
      if (chosen === undefined) throw new PlanLedgerError('usage', { problem: 'option-one-of', option: '--lang', value: values.lang, choices: LOCALES });
      locale = chosen;
    }
    const plan = { ...(values.groups !== undefined ? { groups: values.groups } : {}), ...(values.coordinator !== undefined ? { coordinator: values.coordinator } : {}) };
    const context: Context = { io, w: wording(locale), plan };
    const [command, ...rest] = positionals;
    if (values.version) {
      io.out(`${version()}\n`);
      return 0;
    }
    if (values.help || command === undefined || command === 'help') {
      io.out(`${context.w.cli.help}\n`);
      return 0;
    }
    switch (command) {
      case 'parse':
        if (rest.length > 1) throw new PlanLedgerError('usage', { problem: 'one-file', command, count: rest.length });
        return await parseCommand({ file: rest[0], json: values.json ?? false, out: values.out }, context);
      case 'template':
        if (rest.length > 0) throw new PlanLedgerError('usage', { problem: 'no-file-taken', command });
        return await templateCommand({ plan: values.plan, template: values.template, department: values.department, all: values.all ?? false, period: values.period, out: values.out, previous }, context);
      case 'check':
        return await checkCommand({ files: rest, previous, plan: values.plan, format: values.format, out: values.out, feedback: values.feedback }, context);
      case 'consolidate':
      case 'audit': {
        const cmd = {
          inputs: rest,
          plan: values.plan,
          period: values.period,
          policy: values.policy,
          rules: values.rules,
          previous,
          out: values.out,
          feedback: values.feedback,
          json: values.json ?? false,
          tty: process.stderr.isTTY === true,
          workers: Number(env['PLAN_LEDGER_WORKERS'] ?? 0) || 0,
        };
        return command === 'consolidate' ? await consolidateCommand(cmd, context) : await auditCommand(cmd, context);
      }
      case 'reissue':
        return await reissueCommand({ plan: values.plan, inputs: rest, template: values.template, out: values.out }, context);
      case 'history':
        return await historyCommand({ inputs: rest, out: values.out }, context);
      case 'demo':
        if (rest.length > 0) throw new PlanLedgerError('usage', { problem: 'no-file-taken', command });
        return await demoCommand({ plan: values.plan, out: values.out }, context);
      case 'demo-fill':
        return await demoFillCommand({ plan: values.plan, period: values.period, out: values.out, mistakes: values.mistakes, seed: values.seed }, context);
      case 'codes':
        io.out(`${codeTable(context.w)}\n`);
        return 0;
      default:
        throw new PlanLedgerError('usage', { problem: 'unknown-command', command });
    }
  } catch (thrown) {
    const error = asPlanLedgerError(thrown);
    if (error === undefined) {
      io.err(`plan-ledger: [internal-error] ${wording(locale).cli.internalError((thrown as Error)?.message ?? String(thrown))}\n`);
      return 3;
    }
    io.err(`plan-ledger: ${describeError(error, wording(locale))}\n`);
    return 2;
  }
}

/** node:util parseArgs reports wrong options as a TypeError with an ERR_PARSE_ARGS_* code and the option in quotes. */
function asPlanLedgerError(error: unknown): PlanLedgerError | undefined {
  if (error instanceof PlanLedgerError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const text = (error as Error).message;
  const option = /--[\w-]+/.exec(text)?.[0] ?? /'(-\w)/.exec(text)?.[1] ?? '';
  const cause = { cause: error };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new PlanLedgerError('usage', { problem: 'unknown-option', option }, cause);
  if (/does not take an argument/.test(text)) return new PlanLedgerError('usage', { problem: 'option-takes-no-value', option }, cause);
  return new PlanLedgerError('usage', { problem: 'option-needs-value', option }, cause);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
