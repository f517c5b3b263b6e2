import fs from 'node:fs';
import { loadConfig, ConfigError } from '../shared/config';
import type { Config } from '../shared/model';
import { CliError } from './errors';

/** Config file used when --config is not given: the user's own, else the bundled demo. */
export const DEFAULT_CONFIGS = ['news-monitor.config.json', 'examples/demo.config.json'];

/** Resolves --config (or the default) and loads it; problems become a CliError listing each one. */
export function loadCliConfig(file?: string): { config: Config; file: string } {
  const chosen = file ?? DEFAULT_CONFIGS.find((f) => fs.existsSync(f));
  if (!chosen) throw new CliError(`no config: pass --config FILE or create ${DEFAULT_CONFIGS[0]} (see examples/demo.config.json)`);
  try {
    return { config: loadConfig(chosen), file: chosen };
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 1, { cause: err });
    throw err;
  }
}
