import type { Command } from 'commander';
import { loadCliConfig } from '../config-path';
import { DEFAULT_DATA_DIR, openStore } from '../context';
import { CliError } from '../errors';

interface ServeOptions {
  port: string;
  host: string;
  dataDir: string;
  config?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** `news-monitor serve`: the web interface on the embedded store or, with the usual variables, a real table (DESIGN.md contract). */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web interface (articles, stories, trends, map, rules, alerts, feeds, RSS); read-only, no login')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <host>', 'address to bind; anything but loopback exposes the data to the network without a login', '127.0.0.1')
    .option('--data-dir <dir>', 'folder of the embedded store', DEFAULT_DATA_DIR)
    .option('--config <file>', 'config whose rules and feeds the pages show (default: news-monitor.config.json, else examples/demo.config.json)')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!/^\d{1,5}$/.test(opts.port) || port > 65535) throw new CliError(`--port must be a whole number from 0 to 65535, got "${opts.port}"`);
      const host = opts.host.trim();
      if (!host || /[\s/]/.test(host)) throw new CliError(`--host must be an address or host name, got "${opts.host}"`);
      const { config } = loadCliConfig(opts.config);
      // Loaded here, not at the top: other commands never load the web framework.
      const [{ serve }, { createWebApp }, { trendStoreOf }] = await Promise.all([import('@hono/node-server'), import('../../shared/web/app'), import('../../shared/store/counters')]);
      const handle = await openStore({ dataDir: opts.dataDir, retentionDays: config.retentionDays });
      if (!LOOPBACK.has(host)) process.stderr.write(`news-monitor: warning: serving on ${host}, not loopback: the interface has no login, anyone who can reach this address can read the stored articles and alerts\n`);
      const app = createWebApp({ store: handle.store, trends: trendStoreOf(handle.store), config, where: handle.where });
      await new Promise<void>((resolve, reject) => {
        const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
          const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
          process.stdout.write(`news-monitor: serving http://${shown}:${info.port}/\n`);
        });
        server.once('error', (err: NodeJS.ErrnoException) => {
          void handle.close();
          reject(new CliError(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is in use: choose another with --port` : `cannot serve on ${host}:${port}: ${err.message}`, 1, { cause: err }));
        });
        const stop = () => {
          server.close();
          void handle.close().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
