import { Command, CommanderError } from 'commander';
import { CliError } from './errors';
// Each command lives in cli/commands/<name>.ts and exports register(program).
// --- commands (one import + one register call per command module) ---
import { register as registerRun } from './commands/run';
import { register as registerCost } from './commands/cost';
import { register as registerFeeds } from './commands/feeds';
import { register as registerQuery } from './commands/query';
import { register as registerShow } from './commands/show';
import { register as registerTag } from './commands/tag';
import { register as registerRules } from './commands/rules';
import { register as registerSubscribe } from './commands/subscribe';
import { register as registerDigest } from './commands/digest';
// --- end commands ---

/** Builds the `news-monitor` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('news-monitor')
    .description('Watch news feeds for geopolitical developments: tag, store, alert.')
    .version('0.1.0')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // --- register ---
  registerRun(program);
  registerCost(program);
  registerFeeds(program);
  registerQuery(program);
  registerShow(program);
  registerTag(program);
  registerRules(program);
  registerSubscribe(program);
  registerDigest(program);
  // --- end register ---
  return program;
}

/** Runs the CLI; resolves to the exit code. Bad input prints one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : err.exitCode || 1;
    if (err instanceof CliError) {
      process.stderr.write(`news-monitor: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    process.stderr.write(`news-monitor: ${e?.message ?? String(err)}\n`);
    if (process.env.NEWS_MONITOR_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
    return 2;
  }
}
