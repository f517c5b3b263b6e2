import path from 'node:path';
import { ArticleStore } from '../shared/store';
import { OutboxPublisher, SnsPublisher, type Publisher } from '../shared/alerts';
import { dynamoClient, localDynamoClient } from '../shared/clients/dynamo';
import { snsClient } from '../shared/clients/sns';
import { localWebhookPublisher, WebhookSecretError, type WebhookPublisher } from '../shared/delivery';
import type { Config } from '../shared/model';
import { startLocalDynamo } from './local-dynamo';
import { CliError } from './errors';

/** Default folder of the embedded store and outbox. */
export const DEFAULT_DATA_DIR = '.news-monitor';
/** Table name used when NEWS_MONITOR_TABLE is not set. */
export const DEFAULT_TABLE = 'news-monitor';

export interface StoreHandle {
  store: ArticleStore;
  /** Where the data lives, for messages ("embedded store at .news-monitor/db"). */
  where: string;
  close(): Promise<void>;
}

/**
 * Opens the store the CLI works on:
 * - NEWS_MONITOR_DYNAMODB_ENDPOINT set: that DynamoDB-compatible endpoint (table NEWS_MONITOR_TABLE or the default);
 * - NEWS_MONITOR_TABLE set alone: that table in AWS (region and credentials from the usual AWS variables);
 * - neither: an embedded dynalite server persisted under DATA_DIR/db.
 * The table is created when missing, except in AWS (the CDK app owns it there).
 */
export async function openStore(opts: { dataDir?: string; retentionDays?: number; env?: NodeJS.ProcessEnv } = {}): Promise<StoreHandle> {
  const env = opts.env ?? process.env;
  const tableName = env.NEWS_MONITOR_TABLE || DEFAULT_TABLE;
  const endpoint = env.NEWS_MONITOR_DYNAMODB_ENDPOINT;
  if (env.NEWS_MONITOR_TABLE && !endpoint) {
    const store = new ArticleStore({ client: dynamoClient(), tableName, retentionDays: opts.retentionDays });
    return { store, where: `DynamoDB table ${tableName}`, close: async () => {} };
  }
  if (endpoint) {
    const client = localDynamoClient(endpoint);
    const store = new ArticleStore({ client, tableName, retentionDays: opts.retentionDays });
    await ensure(store, endpoint);
    return { store, where: `${endpoint} table ${tableName}`, close: async () => client.destroy() };
  }
  const dir = path.resolve(opts.dataDir ?? DEFAULT_DATA_DIR, 'db');
  let local;
  try {
    local = await startLocalDynamo(dir, { separateProcess: true });
  } catch (err) {
    throw new CliError(`cannot open the embedded store at ${dir}: ${(err as Error).message}`, 1, { cause: err });
  }
  const client = localDynamoClient(local.endpoint);
  // The embedded store serves one process at a time (README, Limits).
  const store = new ArticleStore({ client, tableName, retentionDays: opts.retentionDays, singleWriter: true });
  await ensure(store, dir);
  return {
    store,
    where: `embedded store at ${path.relative(process.cwd(), dir) || dir}`,
    close: async () => {
      client.destroy();
      await local.close();
    },
  };
}

async function ensure(store: ArticleStore, where: string): Promise<void> {
  try {
    await store.ensureTable();
  } catch (err) {
    throw new CliError(`store unreachable at ${where}: ${(err as Error).message}`, 1, { cause: err });
  }
}

/** Runs `fn` with an open store and always closes it. */
export async function withStore<T>(opts: { dataDir?: string; retentionDays?: number }, fn: (h: StoreHandle) => Promise<T>): Promise<T> {
  const h = await openStore(opts);
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

/** The publisher for local runs: SNS when NEWS_MONITOR_TOPIC_ARN is set, else the outbox file (and the terminal). */
export function publisherFor(opts: { outbox?: string; dataDir?: string; quiet?: boolean; env?: NodeJS.ProcessEnv }): Publisher {
  const env = opts.env ?? process.env;
  if (env.NEWS_MONITOR_TOPIC_ARN) return new SnsPublisher({ client: snsClient(), topicArn: env.NEWS_MONITOR_TOPIC_ARN });
  const file = opts.outbox ?? path.join(opts.dataDir ?? DEFAULT_DATA_DIR, 'outbox.jsonl');
  return new OutboxPublisher({ file, terminal: opts.quiet ? undefined : process.stderr });
}

/**
 * The webhook publisher of a local run or digest (undefined when the config has no webhook), its
 * pending deliveries under DATA_DIR; problems are printed as one line each on stderr.
 */
export function webhooksFor(config: Config, dataDir = DEFAULT_DATA_DIR, env: NodeJS.ProcessEnv = process.env): WebhookPublisher | undefined {
  try {
    return localWebhookPublisher(config, { dataDir, env, onProblem: (line) => process.stderr.write(`news-monitor: ${line}\n`) });
  } catch (err) {
    if (err instanceof WebhookSecretError) throw new CliError(err.message, 1, { cause: err });
    throw err;
  }
}
