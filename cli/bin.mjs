#!/usr/bin/env node
// Entry point of the `news-monitor` command. The CLI is written in TypeScript; tsx loads it
// directly so that a fresh clone needs no build step after `npm ci`.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
