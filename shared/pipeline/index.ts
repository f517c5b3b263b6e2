export { ingestFeed, tagArticle, type IngestOutcome, type IngestDeps } from './ingest';
export { runPass, type RunDeps } from './run';
export { forEachLimit } from './pool';
export { storiesFor } from './stories';
