// Puts each new article in the story it reports, or founds one (docs/STORE.md, "Stories").
// Candidates come from postings: a story is findable under a few of its heaviest words, each a
// posting keyed by the word and time, so a lookup is a few key queries, never a scan.
import type { TaggedArticle } from '../model';
import { KeyedLocks } from './locks';
import { articleMark, joinProfile, MAX_ABSORBED, mergeProfiles, newProfile, storyIdFor, type StoryProfile } from './profile';
import { JOIN_THRESHOLD, MERGE_OVERLAP, profileOverlap, similarity } from './similarity';
import { articleTerms, slugWords, stemTerm, topTerms, words, type Terms } from './terms';

/** A story stays open while articles keep joining: up to this long after its last article. */
export const STORY_WINDOW_MS = 72 * 3_600_000;
/** Postings are rewritten when the story's newest ones are this old, so a long story stays findable. */
export const REPOST_AFTER_MS = 24 * 3_600_000;
/** Words an article is looked up by. */
export const LOOKUP_TERMS = 6;
/** Words a new story is posted under (each a write unit). */
export const FOUNDING_POSTS = 2;
/** Most words a story is ever posted under (a growing story adds the words its articles share, one a join). */
export const MAX_POSTS = 12;
/** Weight of a shared salient tag, as a term (`@r:UA`): a strong word's worth is about 10. */
const TAG_WEIGHT = 3;
/** How long a reader waits for a story another process is founding (seen in a posting, not yet written). */
const PENDING_WAIT_MS = 2_000;

/** A posting: the story `storyId` can be found under a word from time `at`; `terms` are its founder's. */
export interface Posting {
  storyId: string;
  at: string;
  terms: Record<string, number>;
}

/** What the clusterer needs from the store (shared/store implements it on the table; tests in memory). */
export interface StoryIndex {
  /** Postings under any of `terms` with `at` in [from, to]. `consistent` reads see every earlier write. */
  findPostings(terms: string[], from: string, to: string, consistent: boolean): Promise<Posting[]>;
  /** The stories with these ids that exist. */
  getStories(ids: string[], consistent: boolean): Promise<Map<string, StoryProfile>>;
  /** Writes a profile if the stored one still has `expectedVersion` (undefined: only if none exists). */
  putStory(p: StoryProfile, expectedVersion: number | undefined): Promise<boolean>;
  /** Makes a story findable under `terms` from `at`. */
  post(storyId: string, terms: string[], at: string, founder: Record<string, number>): Promise<void>;
  /** Optional: reads ahead, together, what these lookups will ask (an index held in memory); answers must not depend on it. */
  prefetch?(lookups: { terms: string[]; from: string; to: string }[]): Promise<void>;
}

/** The story an article was put in, and whether the article founded it. */
export interface StoryAssignment {
  story: string;
  storyNew: boolean;
  /** True when the story's profile lists the article (no member item needed). */
  listed?: boolean;
}

/** The terms an article is clustered by: its words and its salient tags. */
export function clusterTerms(a: TaggedArticle): Terms {
  const terms = articleTerms(a);
  // A word that names a tag is counted by the tag term; as a word it weighs half.
  for (const t of [...(a.actors ?? []), ...(a.regions ?? [])]) {
    for (const m of t.mentions) {
      for (const w of words(m.text)) {
        const stem = stemTerm(w);
        const weight = terms.get(stem);
        if (weight !== undefined) terms.set(stem, weight / 2);
      }
    }
  }
  for (const t of a.actors ?? []) if (t.salient && t.mentions.length) terms.set(`@a:${t.id}`, TAG_WEIGHT);
  for (const t of a.regions ?? []) if (t.salient && t.mentions.length) terms.set(`@r:${t.id}`, TAG_WEIGHT);
  return terms;
}

/** Assigns stories through one StoryIndex; one instance per process (it holds the in-process locks). */
export class StoryAssigner {
  private readonly locks = new KeyedLocks();
  // The terms prefetch worked out, reused by the assign that follows (they cost a fraction of a millisecond each).
  private readonly prepared = new WeakMap<TaggedArticle, Terms>();

  /** `rivals: false` when one process alone writes the index: the in-process locks then suffice. */
  constructor(
    private readonly index: StoryIndex,
    private readonly opts: { rivals?: boolean } = {},
  ) {}

  /** Lets the index read ahead, in a few requests, the postings that assigning these articles (each at its listing instant) looks up. */
  async prefetch(articles: { a: TaggedArticle; at: string }[]): Promise<void> {
    if (!this.index.prefetch) return;
    const lookups = articles.map(({ a, at }) => {
      const terms = clusterTerms(a);
      this.prepared.set(a, terms);
      return { terms: topTerms(terms, LOOKUP_TERMS), ...lookupWindow(at) };
    });
    await this.index.prefetch(lookups);
  }

  /** Puts the article in a story (joining or founding it) and records it there. `at` is its listing instant. */
  async assign(a: TaggedArticle, at: string): Promise<StoryAssignment> {
    const terms = this.prepared.get(a) ?? clusterTerms(a);
    this.prepared.delete(a);
    const headline = headlineStems(a);
    const lookup = topTerms(terms, LOOKUP_TERMS);
    if (!lookup.length) return this.found(a, terms, at, []);
    return this.locks.withLocks(lookup, async () => {
      const { from, to } = lookupWindow(at);
      const postings = await this.index.findPostings(lookup, from, to, false);
      const stored = new Set<string>();
      const folds = new Map<string, StoryProfile[]>();
      const stories = await this.resolve([...new Set(postings.map((p) => p.storyId))], false, stored, folds);
      // Assigned before by a pass that died before storing the article: the same answer, nothing rewritten
      // (a second join would count the article twice and change what later articles join).
      const again = assignedBefore(a.id, stories);
      if (again) return again;
      const [best, second] = this.bestStories(terms, headline, at, stories);
      if (best && second && profileOverlap(best, second) >= MERGE_OVERLAP) return this.merge(best, second, a, terms, at, folds);
      if (best) return this.join(best, a, terms, at, folds.get(best.id));
      // Rivals are the stories founded meanwhile: any posting whose story was not read as a profile here
      // (one seen only as a posting is still being founded, and is a rival too).
      return this.found(a, terms, at, lookup, { from, to, seen: new Set(postings.map((p) => p.storyId).filter((id) => stored.has(id))) });
    });
  }

  /** The two open stories the article fits best, best first, if any fit (merged stories followed to where they went). */
  private bestStories(terms: Terms, headline: ReadonlySet<string>, at: string, stories: Map<string, StoryProfile>): [StoryProfile | undefined, StoryProfile | undefined] {
    const fits = [...stories.values()]
      .filter((s) => open(s, at))
      .map((s) => ({ s, score: similarity(terms, s, headline) }))
      .filter((x) => x.score >= JOIN_THRESHOLD)
      .sort((x, y) => y.score - x.score || (x.s.id < y.s.id ? -1 : 1));
    return [fits[0]?.s, fits[1]?.s];
  }

  /**
   * The article fits two stories that share their typical words: they are one. The smaller (on a
   * tie the younger id) becomes a stub into the bigger — conditional on the version read, so a story
   * that changed meanwhile is not folded — and the article joins the bigger with the other's words,
   * articles and sources added. Readers follow the stub (a folded story's articles resolve to the
   * survivor); alerts already sent for the folded story stay sent.
   */
  private async merge(x: StoryProfile, y: StoryProfile, a: TaggedArticle, terms: Terms, at: string, folds: Map<string, StoryProfile[]>): Promise<StoryAssignment> {
    const [keep, fold] = x.articles > y.articles || (x.articles === y.articles && x.id < y.id) ? [x, y] : [y, x];
    // The stub keeps the folded story's words and counts: if the pass dies before the survivor's
    // write, the next article that reaches the stub finishes the merge (see `resolve`).
    const folded: StoryProfile = { ...fold, mergedInto: keep.id, intoVersion: keep.version + 1, version: fold.version + 1 };
    if (!(await this.index.putStory(folded, fold.version))) return this.join(x, a, terms, at, folds.get(x.id));
    return this.join(keep, a, terms, at, [...(folds.get(keep.id) ?? []), fold, ...(folds.get(fold.id) ?? [])]);
  }

  /**
   * Stories by id, each merged one replaced by the story it went to. `folds`: for each story, the
   * stories merged into it whose words it has not absorbed yet (a pass died between the merge's two
   * writes); the next join of that story absorbs them.
   */
  private async resolve(ids: string[], consistent: boolean, stored?: Set<string>, folds?: Map<string, StoryProfile[]>): Promise<Map<string, StoryProfile>> {
    const out = new Map<string, StoryProfile>();
    const pending: StoryProfile[] = [];
    let todo = ids;
    for (let hop = 0; hop < 4 && todo.length; hop++) {
      const found = await this.index.getStories(todo, consistent);
      todo = [];
      for (const s of found.values()) {
        stored?.add(s.id);
        if (s.mergedInto) {
          todo.push(s.mergedInto);
          if (s.intoVersion !== undefined) pending.push(s);
        } else out.set(s.id, s);
      }
    }
    for (const f of pending) {
      const into = out.get(f.mergedInto!);
      if (folds && into && !absorbedAlready(into, f) && !folds.get(into.id)?.some((x) => x.id === f.id)) folds.set(into.id, [...(folds.get(into.id) ?? []), f]);
    }
    return out;
  }

  /**
   * Joins a story: a write conditional on the version read, retried from a fresh read when another
   * writer came first. `absorb`: a story just folded into this one, added to it on every attempt.
   */
  private async join(story: StoryProfile, a: TaggedArticle, terms: Terms, at: string, absorb: StoryProfile[] = []): Promise<StoryAssignment> {
    let current: StoryProfile | undefined = story;
    for (let attempt = 0; attempt < 8 && current; attempt++) {
      if (current.mergedInto) {
        current = (await this.resolve([current.mergedInto], true)).values().next().value;
        continue;
      }
      let base: StoryProfile = current;
      for (const f of absorb) if (!absorbedAlready(base, f)) base = mergeProfiles(base, f);
      const next = joinProfile(base, a, terms, at);
      const toPost = newPostings(next, terms, at);
      if (toPost.length) Object.assign(next, { posted: [...new Set([...next.posted, ...toPost])], postedAt: at > next.postedAt ? at : next.postedAt });
      if (await this.index.putStory(next, current.version)) {
        if (toPost.length) await this.index.post(next.id, toPost, at, founderTerms(terms));
        return { story: next.id, storyNew: false, listed: next.members.includes(a.id) };
      }
      current = (await this.index.getStories([current.id], true)).get(current.id);
    }
    // The story vanished or stayed contended: the article founds its own rather than being lost.
    return this.found(a, terms, at, topTerms(terms, LOOKUP_TERMS));
  }

  /**
   * Founds a story. Its postings go first, then a consistent re-read of the same words shows any
   * story another process founded meanwhile; the lower id wins (a pending one with a higher id is
   * folded into ours by a create-if-absent of its item), and only then is our story's item created,
   * itself create-if-absent (if another process folded ours first, we follow it).
   */
  private async found(a: TaggedArticle, terms: Terms, at: string, lookup: string[], seen?: { from: string; to: string; seen: Set<string> }): Promise<StoryAssignment> {
    const id = storyIdFor(a.id);
    const posted = topTerms(terms, FOUNDING_POSTS);
    const founder = founderTerms(terms);
    if (posted.length) await this.index.post(id, posted, at, founder);
    if (seen && lookup.length && this.opts.rivals !== false) {
      const rivals = (await this.index.findPostings(lookup, seen.from, seen.to, true)).filter((p) => p.storyId !== id && !seen.seen.has(p.storyId));
      const winner = await this.settleRivals(id, a, terms, at, rivals);
      if (winner) return winner;
    }
    const profile = newProfile(id, a, terms, at, posted);
    if (await this.index.putStory(profile, undefined)) return { story: id, storyNew: true, listed: true };
    const existing = (await this.index.getStories([id], true)).get(id);
    if (existing?.mergedInto) {
      const target = (await this.resolve([existing.mergedInto], true)).values().next().value;
      if (target) return this.join(target, a, terms, at);
    }
    // Our own earlier attempt (a crashed run) founded it already: this article is its founder.
    return { story: id, storyNew: existing ? existing.articles <= 1 : true, listed: existing ? existing.members.includes(a.id) : false };
  }

  /** Resolves stories founded at the same time as ours by other processes; the assignment when we join one. */
  private async settleRivals(id: string, a: TaggedArticle, terms: Terms, at: string, rivals: Posting[]): Promise<StoryAssignment | undefined> {
    const similar = rivals.filter((p) => similarity(terms, { terms: p.terms, articles: 1 }, headlineStems(a)) >= JOIN_THRESHOLD);
    for (const rival of [...new Map(similar.map((p) => [p.storyId, p])).values()].sort((x, y) => (x.storyId < y.storyId ? -1 : 1))) {
      const stored = (await this.resolve([rival.storyId], true)).values().next().value as StoryProfile | undefined;
      if (stored && open(stored, at)) return this.joinInstead(id, stored, a, terms, at);
      if (stored) continue;
      if (rival.storyId > id) {
        // Pending with a higher id: fold it into ours. If its founder created it first, join it instead.
        if (await this.index.putStory(stub(rival.storyId, id, at), undefined)) continue;
        const now = (await this.resolve([rival.storyId], true)).values().next().value;
        if (now) return this.joinInstead(id, now, a, terms, at);
        continue;
      }
      // Pending with a lower id: ours is folded into it; wait for its founder to write it.
      const target = await this.waitFor(rival.storyId);
      if (target) return this.joinInstead(id, target, a, terms, at);
    }
    return undefined;
  }

  private async joinInstead(ownId: string, target: StoryProfile, a: TaggedArticle, terms: Terms, at: string): Promise<StoryAssignment> {
    // Readers that find our postings follow the stub to the story we joined.
    await this.index.putStory(stub(ownId, target.id, at), undefined);
    return this.join(target, a, terms, at);
  }

  private async waitFor(id: string): Promise<StoryProfile | undefined> {
    for (let waited = 0; waited < PENDING_WAIT_MS; waited += 100) {
      const s = (await this.resolve([id], true)).values().next().value;
      if (s) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    return undefined;
  }
}

/** The postings a lookup at `at` reads: stories open at `at`, posted up to a repost interval before their last article. */
function lookupWindow(at: string): { from: string; to: string } {
  const t = Date.parse(at);
  return { from: new Date(t - STORY_WINDOW_MS - REPOST_AFTER_MS).toISOString(), to: new Date(t + STORY_WINDOW_MS).toISOString() };
}

/**
 * Whether `survivor` holds `fold`'s words already: it lists it, or (its list being full) it was
 * written at or past the version the merge gave it. A survivor below that version never got them.
 */
function absorbedAlready(survivor: StoryProfile, fold: StoryProfile): boolean {
  if (survivor.absorbed?.includes(fold.id)) return true;
  if ((survivor.absorbed?.length ?? 0) < MAX_ABSORBED) return false;
  return fold.intoVersion === undefined || survivor.version >= fold.intoVersion;
}

/** The story an article was already put in, when one of the candidates founded by it or lists it among its latest joiners. */
function assignedBefore(articleId: string, stories: Map<string, StoryProfile>): StoryAssignment | undefined {
  const own = stories.get(storyIdFor(articleId));
  if (own) return { story: own.id, storyNew: true, listed: own.members.includes(articleId) };
  const mark = articleMark(articleId);
  for (const s of stories.values()) if (s.recent?.includes(mark)) return { story: s.id, storyNew: false, listed: s.members.includes(articleId) };
  return undefined;
}

/** The stems of an article's headline and link slug (usually the headline too): the words that count as evidence of a shared story. */
function headlineStems(a: Pick<TaggedArticle, 'title' | 'url'>): Set<string> {
  return new Set([...words(a.title), ...slugWords(a.url ?? '')].map(stemTerm).filter(Boolean));
}

/** Whether an article at `at` may still join the story. */
function open(s: StoryProfile, at: string): boolean {
  const t = Date.parse(at);
  return Date.parse(s.lastSeen) + STORY_WINDOW_MS >= t && Date.parse(s.firstSeen) - STORY_WINDOW_MS <= t;
}

/** Words to post for a story an article just joined: shared words not posted yet, and a refresh of old postings. */
function newPostings(p: StoryProfile, terms: Terms, at: string): string[] {
  const ranked = Object.entries(p.terms)
    .filter(([t, df]) => df >= 2 && terms.has(t))
    .sort((x, y) => y[1] - x[1] || (p.weights[y[0]] ?? 0) - (p.weights[x[0]] ?? 0))
    .map(([t]) => t);
  const fresh = ranked.filter((t) => !p.posted.includes(t)).slice(0, Math.max(0, MAX_POSTS - p.posted.length)).slice(0, 1);
  const stale = Date.parse(at) - Date.parse(p.postedAt) > REPOST_AFTER_MS ? ranked.filter((t) => p.posted.includes(t)).slice(0, FOUNDING_POSTS) : [];
  return [...new Set([...fresh, ...stale])];
}

function founderTerms(terms: Terms): Record<string, number> {
  return Object.fromEntries(topTerms(terms, 8).map((t) => [t, Math.round(terms.get(t)! * 100) / 100]));
}

/** The item of a story folded into another. */
function stub(id: string, into: string, at: string): StoryProfile {
  return { id, title: '', firstSeen: at, lastSeen: at, lastArticle: '', articles: 0, sources: [], tags: [], terms: {}, weights: {}, members: [], posted: [], postedAt: at, version: 1, mergedInto: into };
}
