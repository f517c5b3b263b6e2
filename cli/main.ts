import { Command, CommanderError } from 'commander';
import { CliError } from './errors';
// Each command lives in cli/commands/<name>.ts and exports register(program). Only the module of
// the command being run is loaded (the tagger, the store client and the feed reader each take time
// and memory to load); `--help`, no command or an unknown one loads them all.
type CommandModule = { register(program: Command): void };
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  run: () => import('./commands/run'),
  query: () => import('./commands/query'),
  show: () => import('./commands/show'),
  stories: () => import('./commands/stories'),
  tag: () => import('./commands/tag'),
  rules: () => import('./commands/rules'),
  feeds: () => import('./commands/feeds'),
  digest: () => import('./commands/digest'),
  subscribe: () => import('./commands/subscribe'),
  unsubscribe: () => import('./commands/subscribe'),
  subscriptions: () => import('./commands/subscribe'),
  cost: () => import('./commands/cost'),
  trends: () => import('./commands/trends'),
  serve: () => import('./commands/serve'),
};

/** Builds the `news-monitor` program with the commands `argv` needs registered (all when unclear). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('news-monitor')
    .description('Watch news feeds for geopolitical developments: tag, store, alert.')
    .version('0.1.0')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const first = argv[0];
  const loaders = first && COMMANDS[first] ? [COMMANDS[first]] : [...new Set(Object.values(COMMANDS))];
  const modules = await Promise.all(loaders.map((load) => load()));
  for (const m of new Set(modules)) m.register(program);
  return program;
}

/** Runs the CLI; resolves to the exit code. Bad input prints one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
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
