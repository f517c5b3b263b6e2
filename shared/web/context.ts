// What every page of the web interface gets: the store (read methods only), the config, and seams
// for tests (gazetteer, clock, error log). Also the one error class pages throw for a bad parameter.
import type { Config } from '../model';
import type { TagResolver } from '../query';
import type { ArticleStore } from '../store';
import type { TrendStore } from '../store/counters';

/**
 * The store as the web interface sees it: reads only. `serve` may point at a deployed table with
 * the user's own credentials, and nothing on a page can write to it.
 */
export type ReadStore = Pick<ArticleStore, 'listArticles' | 'getArticle' | 'getArticles' | 'listAlerts' | 'listFeedStates' | 'listStories' | 'getStory' | 'storyArticles'>;

/** Dependencies of the web app. */
export interface WebDeps {
  store: ReadStore;
  /** The trend counters of the same table (shared/store/counters.ts): the trends chart reads them. */
  trends?: TrendStore;
  config: Config;
  /** Where the data lives, shown in the footer ("embedded store at .news-monitor/db"). */
  where?: string;
  resolver?: TagResolver;
  now?: () => Date;
  /** Where the detail of an unexpected error goes (never to the page). */
  logError?: (message: string, err: unknown) => void;
}

/** A bad query parameter or path: the page answers 400 with this one line. */
export class BadRequest extends Error {
  override name = 'BadRequest';
  /** The parameter at fault, when there is one. */
  readonly field?: string;
  constructor(message: string, options?: ErrorOptions & { field?: string }) {
    super(message, options);
    this.field = options?.field;
  }
}

/** Nothing at this address (an unknown article id): the page answers 404 with this one line. */
export class NotFound extends Error {
  override name = 'NotFound';
}

const MAX_PARAM = 500;

/** One query parameter, trimmed ('' when absent); longer than 500 characters is a BadRequest. */
export function param(url: URL, name: string): string {
  const all = url.searchParams.getAll(name);
  if (all.length > 1) throw new BadRequest(`${name} is given ${all.length} times; give it once`, { field: name });
  return check(name, all[0] ?? '');
}

/** A repeatable query parameter (actor=NATO&actor=RU), empty values dropped. */
export function params(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .map((v) => check(name, v))
    .filter(Boolean);
}

function check(name: string, v: string): string {
  if (v.length > MAX_PARAM) throw new BadRequest(`${name} is too long (${v.length} characters, at most ${MAX_PARAM})`, { field: name });
  return v.trim();
}

/** An article or story id as the store makes them (letters, digits, - and _). */
export const ARTICLE_ID = /^[A-Za-z0-9_-]{1,200}$/;
