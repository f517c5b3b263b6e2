import type { Command } from 'commander';
import type { TaggedArticle } from '../../shared/model';
import { QueryError, queryArticles, type ArticlePage } from '../../shared/query';
import { DEFAULT_DATA_DIR, withStore } from '../context';
import { CliError } from '../errors';
import { cut, tagList, when } from '../../shared/query/format';

interface QueryOptions {
  actor: string[];
  region: string[];
  salient?: boolean;
  text?: string;
  since?: string;
  until?: string;
  limit?: string;
  cursor?: string;
  json?: boolean;
  dataDir: string;
}

const collect = (v: string, all: string[]) => [...all, v];

/** `news-monitor query`: stored articles, newest first (DESIGN.md contract). */
export function register(program: Command): void {
  program
    .command('query')
    .description('stored articles, newest first; every --actor and --region given must be on the article')
    .option('--actor <name>', 'actor: tag id, ISO code or name ("NATO", "RU"); repeat for several', collect, [])
    .option('--region <name>', 'region: tag id, ISO code or name ("Black Sea", "UA"); repeat for several', collect, [])
    .option('--salient', 'only articles about the given actors/regions, not passing mentions')
    .option('--text <words>', 'words and "quoted phrases" that must all appear in the title or summary (word* for a prefix)')
    .option('--since <time>', 'from: ISO date/time (2026-11-27, 2026-11-27T08:00Z) or relative (30m, 24h, 7d, 2w)')
    .option('--until <time>', 'to (inclusive; a bare date includes that whole day)')
    .option('--limit <n>', 'articles per page, 1–100', '20')
    .option('--cursor <cursor>', 'the next page: the cursor a previous page printed')
    .option('--json', 'print {"items":[…],"cursor":string|null} as the last line of stdout')
    .option('--data-dir <dir>', 'folder of the embedded store', DEFAULT_DATA_DIR)
    .action(async (opts: QueryOptions) => {
      await withStore({ dataDir: opts.dataDir }, async ({ store }) => {
        let page: ArticlePage;
        try {
          page = await queryArticles(store, { actors: opts.actor, regions: opts.region, salient: opts.salient, text: opts.text, since: opts.since, until: opts.until, limit: opts.limit, cursor: opts.cursor });
        } catch (err) {
          if (err instanceof QueryError) throw new CliError(err.message, 1, { cause: err });
          throw err;
        }
        process.stdout.write(opts.json ? `${JSON.stringify(page)}\n` : table(page));
      });
    });
}

function table(page: ArticlePage): string {
  if (!page.items.length) return page.cursor ? `No matches on this page; more may follow: --cursor ${page.cursor}\n` : 'No articles match.\n';
  const width = Math.max(80, process.stdout.columns ?? 120);
  const titleWidth = Math.max(30, Math.floor((width - 36) * 0.6));
  const lines = page.items.map((a: TaggedArticle) => {
    const tags = `${tagList(a.actors)} | ${tagList(a.regions)}`;
    return `${when(a.publishedAt).padEnd(16)}  ${cut(a.feedName, 14).padEnd(14)}  ${cut(a.title, titleWidth).padEnd(titleWidth)}  ${cut(tags, Math.max(10, width - titleWidth - 36))}`;
  });
  const head = `${'PUBLISHED (UTC)'.padEnd(16)}  ${'FEED'.padEnd(14)}  ${'TITLE'.padEnd(titleWidth)}  ACTORS | REGIONS (* about, ^ rolled up)`;
  const ids = `ids: ${page.items.map((a) => a.id).join(' ')}`;
  const more = page.cursor ? `next page: --cursor ${page.cursor}` : 'end of results';
  return `${[head, ...lines].join('\n')}\n\n${page.items.length} article${page.items.length > 1 ? 's' : ''}; ${more}\nshow one: news-monitor show ID (${cut(ids, 200)})\n`;
}

