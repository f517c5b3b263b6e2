// Where the stories of a set of articles happen: distinct stories per country (ISO code of each
// region tag: a country itself, or the country a province, city or sea lies in) and per place that
// carries coordinates (DESIGN.md: tags may carry lat/lon). For the map page.
import type { TaggedArticle } from '../model';
import { storyOf } from './sample';

/** Stories in one country. */
export interface CountryCount {
  code: string;
  stories: number;
}

/** Stories at one place with coordinates. */
export interface PlaceCount {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  stories: number;
}

const ISO2 = /^[A-Z]{2}$/;

/** Counts distinct stories per country and per located place, most first. */
export function storiesByPlace(articles: readonly TaggedArticle[]): { countries: CountryCount[]; places: PlaceCount[] } {
  const countries = new Map<string, Set<string>>();
  const places = new Map<string, { tag: Omit<PlaceCount, 'stories'>; stories: Set<string> }>();
  for (const a of articles) {
    const story = storyOf(a);
    for (const t of a.regions ?? []) {
      const code = t.kind === 'country' ? t.id : t.country;
      if (code && ISO2.test(code)) (countries.get(code) ?? countries.set(code, new Set()).get(code)!).add(story);
      const { lat, lon } = t as typeof t & { lat?: unknown; lon?: unknown };
      if (t.kind !== 'country' && typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
        const p = places.get(t.id) ?? places.set(t.id, { tag: { id: t.id, name: t.name, kind: t.kind, lat, lon }, stories: new Set() }).get(t.id)!;
        p.stories.add(story);
      }
    }
  }
  return {
    countries: [...countries].map(([code, s]) => ({ code, stories: s.size })).sort((x, y) => y.stories - x.stories || x.code.localeCompare(y.code)),
    places: [...places.values()].map((p) => ({ ...p.tag, stories: p.stories.size })).sort((x, y) => y.stories - x.stories || x.name.localeCompare(y.name)),
  };
}
