// The ingest function's bundle as deployed, plus the tagger's entry point, for the cold-start bench
// (bench/tagging-cold.bench.ts): esbuild deduplicates the tagger, so importing this costs what the
// ingest Lambda's cold start costs, and calling tagText once costs the first article's tagging
// (the gazetteer data file read beside the bundle, the matcher compiled).
export { handler } from '../functions/ingest';
export { tagText } from '../shared/tagging';
