import type { Command } from 'commander';
import { QueryError, queryStories, type StoryPage } from '../../shared/query';
import { cut, when } from '../../shared/query/format';
import { DEFAULT_DATA_DIR, withStore } from '../context';
import { CliError } from '../errors';

interface StoriesOptions {
  actor: string[];
  region: string[];
  since?: string;
  until?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
  dataDir: string;
}

const collect = (v: string, all: string[]) => [...all, v];

/** `news-monitor stories`: stories newest first by their latest article (DESIGN.md section 5). */
export function register(program: Command): void {
  program
    .command('stories')
    .description('stories (articles from any feed that report the same event), newest first')
    .option('--actor <name>', 'only stories about this actor (tag id, ISO code or name); repeat for several', collect, [])
    .option('--region <name>', 'only stories about this region; repeat for several', collect, [])
    .option('--since <time>', 'latest article from: ISO date/time or relative (30m, 24h, 7d)')
    .option('--until <time>', 'latest article up to (inclusive)')
    .option('--limit <n>', 'stories per page, 1–100', '20')
    .option('--cursor <cursor>', 'the next page: the cursor a previous page printed')
    .option('--json', 'print {"items":[…],"cursor":string|null} as the last line of stdout')
    .option('--data-dir <dir>', 'folder of the embedded store', DEFAULT_DATA_DIR)
    .action(async (opts: StoriesOptions) => {
      await withStore({ dataDir: opts.dataDir }, async ({ store }) => {
        let page: StoryPage;
        try {
          page = await queryStories(store, { actors: opts.actor, regions: opts.region, since: opts.since, until: opts.until, limit: opts.limit, cursor: opts.cursor });
        } catch (err) {
          if (err instanceof QueryError) throw new CliError(err.message, 1, { cause: err });
          throw err;
        }
        process.stdout.write(opts.json ? `${JSON.stringify(page)}\n` : table(page));
      });
    });
}

function table(page: StoryPage): string {
  if (!page.items.length) return page.cursor ? `No matches on this page; more may follow: --cursor ${page.cursor}\n` : 'No stories match.\n';
  const width = Math.max(80, process.stdout.columns ?? 120);
  const titleWidth = Math.max(30, width - 62);
  const head = `${'LATEST (UTC)'.padEnd(16)}  ${'ARTICLES'.padStart(8)}  ${'SOURCES'.padStart(7)}  ${'TITLE'.padEnd(titleWidth)}  ID`;
  const lines = page.items.map((s) => `${when(s.lastSeen).padEnd(16)}  ${String(s.articles).padStart(8)}  ${String(s.sources).padStart(7)}  ${cut(s.title, titleWidth).padEnd(titleWidth)}  ${s.id}`);
  const more = page.cursor ? `next page: --cursor ${page.cursor}` : 'end of results';
  return `${[head, ...lines].join('\n')}\n\n${page.items.length} stor${page.items.length > 1 ? 'ies' : 'y'}; ${more}\n`;
}
