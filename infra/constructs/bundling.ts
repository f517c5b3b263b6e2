// The esbuild settings of every function bundle, in one place: NewsFunction hands them to the CDK
// and bench/bundles.bench.ts hands them to esbuild directly, so what is measured is what is deployed.
import { compileRulesStrict } from '../../shared/alerts/compile';
import type { Config } from '../../shared/model';

/**
 * Gives ESM bundles a `require` (and `__filename`/`__dirname`): CommonJS dependencies such as
 * rss-parser call `require('http')`, which an ES module does not have by itself.
 */
export const ESM_REQUIRE_BANNER =
  "import{createRequire as __nmCreateRequire}from'node:module';import{fileURLToPath as __nmFileURLToPath}from'node:url';import{dirname as __nmDirname}from'node:path';const require=__nmCreateRequire(import.meta.url);const __filename=__nmFileURLToPath(import.meta.url);const __dirname=__nmDirname(__filename);";

/** esbuild settings shared by the CDK and the bundle benchmark. */
export const BUNDLE_SETTINGS = {
  format: 'esm',
  platform: 'node',
  /** The oldest runtime the bundles must run on (Lambda runs the latest; see NODE_RUNTIME). */
  target: 'node22',
  minify: true,
  /**
   * Non-ASCII text (the gazetteer's names and aliases) as its UTF-8 bytes instead of 6-byte `\uXXXX`
   * escapes. Safe: Lambda and Node read an .mjs file as UTF-8.
   */
  charset: 'utf8',
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  /** The Lambda Node.js runtime ships AWS SDK v3; bundling it would triple every bundle. */
  external: ['@aws-sdk/*'],
  /**
   * Packages replaced in the bundles, paths relative to the project root (esbuild's working
   * directory in the bench and in the CDK's bundling). xmlbuilder (67 KB) serves only xml2js's
   * Builder, which our feed parsing never calls: see shared/feeds/no-xml-builder.ts. rss-parser
   * `require`s the whole of entities (its encoders too, which nothing calls); every caller, ours
   * included, uses only its decoders (decodeHTML, decodeHTMLStrict), which entities/decode holds.
   */
  alias: { xmlbuilder: './shared/feeds/no-xml-builder.ts', entities: 'entities/decode' },
} as const;

/**
 * BUNDLE_SETTINGS as options of esbuild's own API (the benchmark and the bundle tests call esbuild
 * directly, from the project root as working directory, which the alias paths are relative to;
 * NewsFunction maps the same settings onto the CDK's props).
 */
export function esbuildOptions() {
  return {
    bundle: true,
    format: BUNDLE_SETTINGS.format,
    platform: BUNDLE_SETTINGS.platform,
    target: BUNDLE_SETTINGS.target,
    minify: BUNDLE_SETTINGS.minify,
    charset: BUNDLE_SETTINGS.charset,
    mainFields: [...BUNDLE_SETTINGS.mainFields],
    banner: { js: BUNDLE_SETTINGS.banner },
    external: [...BUNDLE_SETTINGS.external],
    alias: { ...BUNDLE_SETTINGS.alias },
  };
}

/**
 * The settings NodejsFunction has no working prop for, as esbuild command-line arguments (its
 * `esbuildArgs`): `alias` has none, and its `charset` prop is accepted but never passed on to
 * esbuild (aws-cdk-lib 2.276; aws/aws-cdk#32649), so the bundles would silently stay ASCII.
 */
export function esbuildCliArgs(): Record<string, string | string[]> {
  return {
    '--charset': BUNDLE_SETTINGS.charset,
    '--alias': Object.entries(BUNDLE_SETTINGS.alias).map(([from, to]) => `${from}=${to}`),
  };
}

/**
 * The esbuild `define` that compiles the config into the bundle, and its rules compiled here at synth
 * (tag names resolved to ids): functions/lib/config.ts bundledConfig and bundledRules read them.
 */
export function configDefine(configJson: string): Record<string, string> {
  const rules = compileRulesStrict((JSON.parse(configJson) as Config).rules);
  return {
    'process.env.NEWS_MONITOR_CONFIG': JSON.stringify(configJson),
    'process.env.NEWS_MONITOR_RULES': JSON.stringify(JSON.stringify(rules)),
  };
}

/**
 * The functions whose bundles include the tagger, and so read the gazetteer's data file at run time
 * (shared/tagging/gazetteer.ts): the file ships beside their index.mjs, not inside it (docs/DEPLOY.md).
 */
export const GAZETTEER_HANDLERS: readonly string[] = ['ingest', 'query'];

/** The gazetteer data file, relative to the project root. */
export const GAZETTEER_DATA = 'shared/tagging/data/gazetteer.generated.txt';

/** The story clusterer's word table (shared/stories/terms.ts), relative to the project root: read at run time by ingest only. */
export const WORD_WEIGHTS_DATA = 'shared/stories/data/word-weights.generated.json';

/** The data files each function reads at run time, beside its index.mjs. */
export function dataFiles(handler: string): string[] {
  return [...(GAZETTEER_HANDLERS.includes(handler) ? [GAZETTEER_DATA] : []), ...(handler === 'ingest' ? [WORD_WEIGHTS_DATA] : [])];
}

/** NodejsFunction command hooks that copy a function's data files beside its bundle (none for functions without). */
export function gazetteerHooks(handler: string) {
  const files = dataFiles(handler);
  if (!files.length) return undefined;
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => files.map((f) => `cp "${inputDir}/${f}" "${outputDir}/"`),
  };
}
