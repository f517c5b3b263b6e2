import { tagText } from '../../../shared/tagging';
import type { Tag } from '../../../shared/model';

/** Ids of the actors and regions found in a text. */
export function ids(text: string, opts: { title?: string; date?: string } = {}): { actors: string[]; regions: string[] } {
  const r = tagText({ text, ...opts });
  return { actors: r.actors.map((t) => t.id), regions: r.regions.map((t) => t.id) };
}

/** The tag with this id in either list. */
export function find(text: string, id: string, opts: { title?: string; date?: string } = {}): Tag | undefined {
  const r = tagText({ text, ...opts });
  return [...r.actors, ...r.regions].find((t) => t.id === id);
}
