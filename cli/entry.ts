// What cli/bin.mjs loads: the CLI, and the tag command's worker entry (a worker thread imports
// this same module again to tag lines in parallel).
export { main } from './main';
export { runTagWorker } from './tag-pool';
