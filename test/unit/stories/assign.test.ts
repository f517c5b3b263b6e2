import { describe, expect, it } from 'vitest';
import type { TaggedArticle } from '../../../shared/model';
import { clusterTerms, StoryAssigner } from '../../../shared/stories/assign';
import { MemoryStoryIndex } from '../../../shared/stories/memory-index';
import { joinProfile, newProfile, type StoryProfile } from '../../../shared/stories/profile';
import { topTerms } from '../../../shared/stories/terms';

let n = 0;
const art = (title: string, host = 'a.example', extra: Partial<TaggedArticle> = {}): TaggedArticle => ({
  id: `id-${++n}`,
  url: `http://${host}/${n}`,
  title,
  summary: '',
  publishedAt: '2026-11-27T10:00:00.000Z',
  fetchedAt: '2026-11-27T10:00:00.000Z',
  feedName: host,
  feedUrl: `http://${host}/rss`,
  storyKey: '',
  actors: [],
  regions: [],
  ...extra,
});

const HOUR = 3_600_000;
const at = (base: string, hours: number) => new Date(Date.parse(base) + hours * HOUR).toISOString();

describe('StoryAssigner', () => {
  it('puts a rewritten headline of the same event an hour later in the same story', async () => {
    const s = new StoryAssigner(new MemoryStoryIndex());
    const first = await s.assign(art('Chiquita Brands to merge with Fyffes to create banana giant'), '2026-11-27T10:00:00.000Z');
    const later = await s.assign(art('Fyffes and Chiquita agree $1bn merger', 'b.example'), at('2026-11-27T10:00:00.000Z', 1));
    expect(first.storyNew).toBe(true);
    expect(later).toMatchObject({ story: first.story, storyNew: false });
  });

  it('starts a new story for the same headline a week later', async () => {
    const s = new StoryAssigner(new MemoryStoryIndex());
    const headline = 'U.S. sugar imports down in latest week';
    const week1 = await s.assign(art(headline), '2026-11-02T10:00:00.000Z');
    const week2 = await s.assign(art(headline, 'b.example'), at('2026-11-02T10:00:00.000Z', 7 * 24));
    expect(week2.storyNew).toBe(true);
    expect(week2.story).not.toBe(week1.story);
  });

  it('keeps a story open while articles keep joining it', async () => {
    const s = new StoryAssigner(new MemoryStoryIndex());
    const base = '2026-11-01T00:00:00.000Z';
    const first = await s.assign(art('Mt. Gox bitcoin exchange files for bankruptcy'), base);
    // A new article every two days: each within 72 h of the last, the last five days after the first.
    for (const h of [48, 96, 120]) expect((await s.assign(art('Mt. Gox bankruptcy: bitcoin exchange in court', `h${h}.example`), at(base, h))).story).toBe(first.story);
  });

  it('keeps unrelated headlines apart', async () => {
    const s = new StoryAssigner(new MemoryStoryIndex());
    const a = await s.assign(art('Chiquita Brands to merge with Fyffes'), '2026-11-27T10:00:00.000Z');
    const b = await s.assign(art('Twitter outage leaves users unable to tweet'), '2026-11-27T10:00:00.000Z');
    expect(b.story).not.toBe(a.story);
    expect(b.storyNew).toBe(true);
  });

  it('does not tie headlines together by a year or a count they share', async () => {
    const s = new StoryAssigner(new MemoryStoryIndex());
    const base = '2026-11-27T10:00:00.000Z';
    const bachelor = await s.assign(art('Bachelor 2014 finale: Juan Pablo picks Nikki'), base);
    await s.assign(art('Juan Pablo and Nikki after the Bachelor 2014 finale', 'b.example'), at(base, 1));
    const festival = await s.assign(art('The 20 bands to see at the festival in 2014', 'c.example'), at(base, 2));
    expect(festival.story).not.toBe(bachelor.story);
  });

  it('counts articles and distinct sources and unites the salient tags', async () => {
    const index = new MemoryStoryIndex();
    const s = new StoryAssigner(index);
    const tag = (id: string) => ({ id, name: id, kind: 'country' as const, score: 2, salient: true, mentions: [{ text: id, start: 0, end: 2 }] });
    const r = await s.assign(art('Malaysia Airlines plane missing over South China Sea', 'a.example', { regions: [tag('MY')] }), '2026-11-27T10:00:00.000Z');
    await s.assign(art('Search for missing Malaysia Airlines plane widens', 'b.example', { regions: [tag('VN')] }), '2026-11-27T11:00:00.000Z');
    await s.assign(art('Missing Malaysia Airlines plane: search continues', 'b.example'), '2026-11-27T12:00:00.000Z');
    const story = index.stories.get(r.story)!;
    expect(story).toMatchObject({ articles: 3, firstSeen: '2026-11-27T10:00:00.000Z', lastSeen: '2026-11-27T12:00:00.000Z' });
    expect(story.sources).toHaveLength(2);
    expect(story.tags.sort()).toEqual(['r:MY', 'r:VN']);
  });

  it('founds one story when parallel feeds bring the same story at once', async () => {
    const s = new StoryAssigner(new MemoryStoryIndex());
    const titles = ['Twitter goes down for millions of users', 'Twitter outage: users cannot tweet', 'Twitter down in global outage', 'Global Twitter outage hits users'];
    const results = await Promise.all(titles.map((t, i) => s.assign(art(t, `w${i}.example`), '2026-11-27T10:00:00.000Z')));
    expect(new Set(results.map((r) => r.story)).size).toBe(1);
    expect(results.filter((r) => r.storyNew)).toHaveLength(1);
  });

  it('converges when two processes found the same story at the same moment', async () => {
    const index = new MemoryStoryIndex();
    // Two assigners over one index: two Lambdas, each with its own in-process locks.
    const [p1, p2] = [new StoryAssigner(index), new StoryAssigner(index)];
    const results = await Promise.all([
      p1.assign(art('Twitter goes down for millions of users', 'a.example'), '2026-11-27T10:00:00.000Z'),
      p2.assign(art('Twitter outage: millions of users cannot tweet', 'b.example'), '2026-11-27T10:00:00.000Z'),
    ]);
    expect(results[0]!.story).toBe(results[1]!.story);
    const live = [...index.stories.values()].filter((st) => !st.mergedInto);
    expect(live).toHaveLength(1);
    expect(live[0]!.articles).toBe(2);
  });

  it("joins a story through one ordinary word that most of the story's articles carry", async () => {
    const s = new StoryAssigner(new MemoryStoryIndex());
    const base = '2026-11-27T10:00:00.000Z';
    const first = await s.assign(art('Colorado collects $2 million in pot taxes'), base);
    await s.assign(art('Pot taxes bring Colorado $2 million in first month', 'b.example'), at(base, 1));
    await s.assign(art('Colorado pot shops pay $2 million in taxes', 'c.example'), at(base, 2));
    // "pot" is ordinary English (not a strong word alone), but it is this story's word.
    expect((await s.assign(art('Pot ads silenced', 'd.example'), at(base, 3))).story).toBe(first.story);
    // A word that only one of its articles carries is not enough.
    expect((await s.assign(art('Shops close early', 'e.example'), at(base, 3))).storyNew).toBe(true);
  });
});

describe('StoryAssigner assigning an article again (a pass that died before storing it)', () => {
  it('gives the same story and counts the article once, for a founder and for a joiner', async () => {
    const index = new MemoryStoryIndex();
    const s = new StoryAssigner(index);
    const base = '2026-11-27T10:00:00.000Z';
    const founder = art('Mt. Gox bitcoin exchange files for bankruptcy');
    const joiner = art('Mt. Gox files for bankruptcy in Tokyo', 'b.example');
    const first = await s.assign(founder, base);
    const joined = await s.assign(joiner, at(base, 1));
    expect(joined.story).toBe(first.story);
    const before = structuredClone(index.stories.get(first.story)!);
    expect(await s.assign(founder, base)).toMatchObject({ story: first.story, storyNew: true });
    expect(await s.assign(joiner, at(base, 1))).toMatchObject({ story: first.story, storyNew: false });
    expect(index.stories.get(first.story)).toEqual(before);
  });
});

describe('StoryAssigner merging two stories', () => {
  const base = '2026-11-27T10:00:00.000Z';
  // A story as if its articles had joined one by one (the state two twin stories reach).
  const seed = async (index: MemoryStoryIndex, titles: string[], host: string): Promise<StoryProfile> => {
    const articles = titles.map((t, i) => art(t, `${host}${i}.example`));
    const terms = articles.map(clusterTerms);
    let p = newProfile(`story-${host}`, articles[0]!, terms[0]!, base, topTerms(terms[0]!, 2));
    for (let i = 1; i < articles.length; i++) p = joinProfile(p, articles[i]!, terms[i]!, at(base, i));
    await index.putStory(p, undefined);
    await index.post(p.id, Object.keys(p.terms), base, {});
    return p;
  };

  it('folds the smaller of two stories an article fits into the bigger when they share their typical words', async () => {
    const index = new MemoryStoryIndex();
    const big = await seed(index, ['Chiquita to merge with Fyffes', 'Chiquita and Fyffes agree merger', 'Fyffes, Chiquita merger creates banana giant'], 'big');
    const small = await seed(index, ['Banana giant born as Chiquita buys Fyffes', 'Chiquita Fyffes deal makes banana giant'], 'small');
    const s = new StoryAssigner(index);
    const r = await s.assign(art('Chiquita Fyffes merger: banana giant agreed', 'x.example'), at(base, 5));
    expect(r).toMatchObject({ story: big.id, storyNew: false });
    expect(index.stories.get(small.id)!.mergedInto).toBe(big.id);
    expect(index.stories.get(big.id)).toMatchObject({ articles: 6, absorbed: [small.id] });
    expect(index.stories.get(big.id)!.sources.length).toBe(6);
  });

  it("keeps the folded story's articles and words in its stub, so the survivor's page can list them", async () => {
    const index = new MemoryStoryIndex();
    await seed(index, ['Chiquita to merge with Fyffes', 'Chiquita and Fyffes agree merger', 'Fyffes, Chiquita merger creates banana giant'], 'big');
    const small = await seed(index, ['Banana giant born as Chiquita buys Fyffes', 'Chiquita Fyffes deal makes banana giant'], 'small');
    await new StoryAssigner(index).assign(art('Chiquita Fyffes merger: banana giant agreed', 'x.example'), at(base, 5));
    expect(index.stories.get(small.id)).toMatchObject({ members: small.members, articles: 2, terms: small.terms });
  });

  it('finishes a merge that a pass died in the middle of, as the whole merge would have', async () => {
    const big = ['Chiquita to merge with Fyffes', 'Chiquita and Fyffes agree merger', 'Fyffes, Chiquita merger creates banana giant'];
    const small = ['Banana giant born as Chiquita buys Fyffes', 'Chiquita Fyffes deal makes banana giant'];
    const clean = new MemoryStoryIndex();
    const survivor = await seed(clean, big, 'big');
    await seed(clean, small, 'small');
    const crashed = new MemoryStoryIndex();
    for (const [id, p] of clean.stories) crashed.stories.set(id, structuredClone(p));
    for (const [t, ps] of clean.postings) crashed.postings.set(t, structuredClone(ps));
    const joiner = art('Chiquita Fyffes merger: banana giant agreed', 'x.example');
    const whole = await new StoryAssigner(clean).assign(joiner, at(base, 5));
    // The pass dies after the stub is written, before the survivor's write.
    const put = crashed.putStory.bind(crashed);
    crashed.putStory = async (p, v) => {
      if (p.id === survivor.id) throw new Error('killed');
      return put(p, v);
    };
    await expect(new StoryAssigner(crashed).assign(joiner, at(base, 5))).rejects.toThrow('killed');
    crashed.putStory = put;
    // The next pass assigns the same article again (it was never stored).
    expect(await new StoryAssigner(crashed).assign(joiner, at(base, 5))).toEqual(whole);
    expect(crashed.stories).toEqual(clean.stories);
  });

  it('does not merge two stories that only share a word or two', async () => {
    const index = new MemoryStoryIndex();
    const banana = await seed(index, ['Chiquita to merge with Fyffes', 'Chiquita and Fyffes agree merger', 'Fyffes Chiquita merger approved'], 'banana');
    const cars = await seed(index, ['GM recall widens to more cars', 'GM adds cars to ignition recall', 'GM recall: ignition switch cars'], 'cars');
    const s = new StoryAssigner(index);
    await s.assign(art('Merger and recall news: Chiquita, Fyffes, GM cars', 'x.example'), at(base, 5));
    expect(index.stories.get(banana.id)!.mergedInto).toBeUndefined();
    expect(index.stories.get(cars.id)!.mergedInto).toBeUndefined();
  });
});

