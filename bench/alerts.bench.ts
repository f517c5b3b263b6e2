// Alert rules: compile time, and matching cost per article with a realistic rule set (the alert
// function matches every rule against every new article). Offline: the demo feeds, tagged once.
import fs from 'node:fs';
import path from 'node:path';
import { compileRules, formatAlert, matchRule } from '../shared/alerts';
import type { RuleConfig, TaggedArticle } from '../shared/model';
import { tagText } from '../shared/tagging';
import { median, percentile, type BenchRow } from './harness';

const FEEDS = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../examples/feeds');

function corpus(): TaggedArticle[] {
  const out: TaggedArticle[] = [];
  for (const f of fs.readdirSync(FEEDS).filter((n) => /\.(xml|atom)$/.test(n))) {
    const xml = fs.readFileSync(path.join(FEEDS, f), 'utf8');
    for (const m of xml.matchAll(/<(item|entry)>([\s\S]*?)<\/\1>/g)) {
      const field = (n: string) => (new RegExp(`<${n}[^>]*>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${n}>`).exec(m[2]!)?.[1] ?? '').trim();
      const title = field('title');
      const summary = (field('description') || field('summary') || field('content')).replace(/&lt;[^&]*&gt;|<[^>]+>/g, '');
      const { actors, regions } = tagText({ title, text: summary });
      out.push({ id: `${f}-${out.length}`, url: field('link'), title, summary, publishedAt: '2026-11-27T12:00:00.000Z', fetchedAt: '2026-11-27T12:00:00.000Z', feedName: f, feedUrl: f, storyKey: title.toLowerCase(), actors, regions });
    }
  }
  return out;
}

/** 50 rules in the shapes users write: tag pairs with word alternatives, phrases, wildcards, NOT. */
function ruleSet(): RuleConfig[] {
  const actors = ['RU', 'UA', 'nato', 'CN', 'US', 'GE', 'TR', 'BY', 'un', 'eu'];
  const regions = ['UA', '"Black Sea"', 'GE', 'TW', 'donbas', 'caucasus', 'PL', 'RO', 'MD', 'eastern-europe'];
  const words = ['(invasion OR invad* OR attack*)', '("military buildup" OR troops OR mobiliz*)', '(sanction* OR embargo)', '(warship* OR naval OR navy)', '(ceasefire OR "peace talks" OR negotiat*)'];
  return Array.from({ length: 50 }, (_, i) => ({
    id: `r${i}`,
    name: `Rule ${i}`,
    query: `actor:${actors[i % actors.length]} AND region:${regions[(i * 3) % regions.length]} AND ${words[i % words.length]}${i % 4 === 0 ? ' AND NOT feed:"Nowhere"' : ''}`,
    severity: 'info',
  }));
}

/** Runs `fn` `runs` times after `warm` warm-up runs; returns the per-run times in ms. */
function time(fn: () => void, runs: number, warm = 20): number[] {
  for (let i = 0; i < warm; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return ts;
}

export async function bench(): Promise<BenchRow[]> {
  const configs = ruleSet();
  const compileMs = time(() => compileRules(configs), 30);
  const { rules, errors } = compileRules(configs);
  if (errors.length) throw new Error(`bench rules do not compile: ${errors[0]!.message}`);
  // The demo corpus is small: each article is repeated (as distinct objects) so that a run is long
  // enough to time well; matching cost does not depend on how often a text was seen.
  const base = corpus();
  const articles = Array.from({ length: 40 }, (_, k) => base.map((a) => ({ ...a, id: `${a.id}-${k}` }))).flat();
  // Fresh copies each run, so the per-article tokenisation (cached per object) is part of the cost.
  const perArticle = time(() => {
    for (const a of articles) {
      const copy = { ...a };
      for (const r of rules) matchRule(r, copy);
    }
  }, 30, 3).map((ms) => (ms / articles.length) * 1000);
  let matches = 0;
  for (const a of base) for (const r of rules) if (matchRule(r, a)) matches++;
  const [rule] = rules;
  const sample = articles.find((a) => matchRule(rule!, a)) ?? articles[0]!;
  const why = matchRule(rule!, sample) ?? { ruleId: rule!.id, words: [], tags: [], feeds: [], fired: [] };
  const formatUs = time(() => formatAlert(rule!, sample, why), 2000, 200).map((ms) => ms * 1000);
  const how = `${base.length} demo articles (examples/feeds, tagged once) ×40 = ${articles.length} per run × ${rules.length} rules; 30 runs after 3 warm-up`;
  return [
    { name: 'alerts: compile 50 rules', value: round(median(compileMs)), unit: 'ms p50', how: '50 generated rules (tags resolved through the gazetteer); 30 runs' },
    { name: 'alerts: match 50 rules, per article', value: round(median(perArticle)), unit: 'µs p50 of runs', how: `${how}; ${matches} matches in the ${base.length}; tokenising included` },
    { name: 'alerts: match 50 rules, per article (slowest runs)', value: round(percentile(perArticle, 95)), unit: 'µs p95 of runs', how },
    { name: 'alerts: format one alert (email + SMS)', value: round(median(formatUs)), unit: 'µs p50', how: '2000 runs' },
  ];
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
