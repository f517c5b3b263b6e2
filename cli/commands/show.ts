import type { Command } from 'commander';
import type { Tag, TaggedArticle } from '../../shared/model';
import { cut, when } from '../../shared/query/format';
import { storyDetail, type StoryItem } from '../../shared/query/stories';
import { DEFAULT_DATA_DIR, withStore } from '../context';
import { CliError } from '../errors';

/** `news-monitor show ID`: one stored article with all its tags, scores and evidence. */
export function register(program: Command): void {
  program
    .command('show')
    .description('one stored article with all its tags, scores and evidence')
    .argument('<id>', 'article id (from `news-monitor query`)')
    .option('--json', 'print the article as one JSON object')
    .option('--data-dir <dir>', 'folder of the embedded store', DEFAULT_DATA_DIR)
    .action(async (id: string, opts: { json?: boolean; dataDir: string }) => {
      if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) throw new CliError(`"${cut(id, 60)}" is not an article id (ids look like ${'"Zq3…"'}: letters, digits, - and _)`);
      await withStore({ dataDir: opts.dataDir }, async ({ store, where }) => {
        const article = await store.getArticle(id);
        if (!article) throw new CliError(`no article with id "${id}" in the ${where}`);
        const story = article.story ? await storyDetail(store, article.story, OTHERS_SHOWN + 1) : undefined;
        const others = (story?.items ?? []).filter((a) => a.id !== article.id).slice(0, OTHERS_SHOWN);
        process.stdout.write(opts.json ? `${JSON.stringify(article)}\n` : `${render(article)}${storyLines(story, others)}`);
      });
    });
}

/** Other articles of the story listed under the article. */
const OTHERS_SHOWN = 20;

function storyLines(story: StoryItem | undefined, others: TaggedArticle[]): string {
  if (!story) return '';
  const head = `STORY ${story.id}: ${story.articles} article${story.articles === 1 ? '' : 's'} from ${story.sources} source${story.sources === 1 ? '' : 's'}, ${when(story.firstSeen)} to ${when(story.lastSeen)} UTC`;
  const lines = others.map((o) => `  ${when(o.publishedAt)}  ${cut(o.feedName, 16).padEnd(16)}  ${cut(o.title, 70)}  ${o.id}`);
  const more = story.articles - 1 > others.length ? [`  …and ${story.articles - 1 - others.length} more`] : [];
  return `\n${[head, ...(lines.length ? lines : ['  (no other article yet)']), ...more].join('\n')}\n`;
}

function render(a: TaggedArticle): string {
  const lines = [
    a.title || '(no title)',
    a.url || '(no link)',
    `published ${when(a.publishedAt)} UTC${a.dateMissing ? ' (the feed gave no date: fetch time)' : ''} · ${a.feedName} · id ${a.id}`,
    `story: ${a.story ?? '(none: stored before stories)'}`,
    '',
    ...tagTable('ACTORS', a.actors),
    '',
    ...tagTable('REGIONS', a.regions),
    '',
    'SUMMARY',
    ...wrap(a.summary || '(none)', Math.max(60, (process.stdout.columns ?? 100) - 4)).map((l) => `  ${l}`),
  ];
  return `${lines.join('\n')}\n`;
}

function tagTable(title: string, tags: Tag[]): string[] {
  if (!tags.length) return [`${title}: none`];
  const rows = tags.map((t) => [t.score.toFixed(2), t.salient ? 'about' : 'passing', t.id, t.name, t.kind, evidence(t)]);
  const head = ['SCORE', 'SALIENT', 'ID', 'NAME', 'KIND', 'EVIDENCE'];
  const widths = head.map((h, i) => (i === 5 ? 0 : Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (r: string[]) => `  ${r.map((c, i) => (i === 5 ? c : c.padEnd(widths[i]!))).join('  ')}`;
  return [title, line(head), ...rows.map(line)];
}

function evidence(t: Tag): string {
  if (!t.mentions.length) return t.via?.length ? `rolled up from ${t.via.join(', ')}` : '';
  const shown = t.mentions.slice(0, 4).map((m) => `"${cut(m.text, 30)}" ${m.field ?? 'text'} ${m.start}–${m.end}`);
  return `${shown.join('; ')}${t.mentions.length > 4 ? `; +${t.mentions.length - 4} more` : ''}`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}
