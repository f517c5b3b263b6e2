import { vi } from 'vitest';
import { configDefine } from '../../../infra/constructs/bundling';

/** Sets the variables a bundle gets compiled in at synth (the config and its compiled rules), as configDefine makes them. */
export function stubBundledConfig(config: unknown): void {
  const define = configDefine(JSON.stringify(config));
  for (const [expr, literal] of Object.entries(define)) vi.stubEnv(expr.replace('process.env.', ''), JSON.parse(literal) as string);
}
