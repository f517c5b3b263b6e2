// Trends and surges (docs/RULES.md "Spike rules", docs/STORE.md "Trend counters"): counts of
// distinct stories and articles per tag and per rule per hour, spike and watch rules judged on
// them, novelty of actor–region pairs, and the trend series `news-monitor trends` and /trends read.
export { parseDuration, formatDuration } from './duration';
export { tagScope, ruleScope, storyOf, tagScopes, parseTagScope } from './scopes';
export { countArticles, type CountResult, type TouchedScope } from './count';
export { evaluateSpikes, readSpike, spikeSpan, formatSpike, humanDuration, type SpikeReading } from './spikes';
export { evaluateNovelty, formatNovel, pairsOf, type NovelPair } from './novelty';
export { trendPass, judgeTrends, addCount, emptyCount, type TrendPassDeps, type TrendPassResult } from './pass';
export { replaySpikes, type ReplayedSpike } from './replay';
