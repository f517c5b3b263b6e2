// A StoryIndex in memory: for unit tests and for replaying a labelled set quickly (scripts/eval.ts
// uses the real pipeline; this is for the clusterer's own tests).
import type { Posting, StoryIndex } from './assign';
import type { StoryProfile } from './profile';

/** Postings and profiles in maps, with the same conditional-write semantics as the table. */
export class MemoryStoryIndex implements StoryIndex {
  readonly stories = new Map<string, StoryProfile>();
  readonly postings = new Map<string, Posting[]>();
  writes = 0;

  /** Postings under any of the terms within [from, to]. */
  async findPostings(terms: string[], from: string, to: string): Promise<Posting[]> {
    return terms.flatMap((t) => (this.postings.get(t) ?? []).filter((p) => p.at >= from && p.at <= to));
  }

  /** Stored profiles by id. */
  async getStories(ids: string[]): Promise<Map<string, StoryProfile>> {
    return new Map(ids.flatMap((id) => (this.stories.has(id) ? [[id, structuredClone(this.stories.get(id)!)] as const] : [])));
  }

  /** Conditional write on the version (undefined: create only). */
  async putStory(p: StoryProfile, expectedVersion: number | undefined): Promise<boolean> {
    const cur = this.stories.get(p.id);
    if (expectedVersion === undefined ? cur : cur?.version !== expectedVersion) return false;
    this.stories.set(p.id, structuredClone(p));
    this.writes++;
    return true;
  }

  /** Adds postings. */
  async post(storyId: string, terms: string[], at: string, founder: Record<string, number>): Promise<void> {
    for (const t of terms) {
      const list = this.postings.get(t) ?? [];
      list.push({ storyId, at, terms: founder });
      this.postings.set(t, list);
      this.writes++;
    }
  }
}
