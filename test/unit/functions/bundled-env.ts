import { vi } from 'vitest';
import { configDefine } from '../../../infra/constructs/bundling';

/** Sets the variables a bundle gets compiled in at synth (the config and its compiled rules), as configDefine makes them. */
export function stubBundledConfig(config: unknown): void {
  const define = configDefine(JSON.stringify(config));
  for (const [expr, literal] of Object.entries(define)) vi.stubEnv(expr.replace('process.env.', ''), JSON.parse(literal) as string);
}

/** What the stack sets for the alert and digest functions, with logs and metrics quiet; then fresh modules. */
export function stubAlertingEnv(config: unknown, topicArn: string): void {
  stubBundledConfig(config);
  vi.stubEnv('TABLE_NAME', 'news-monitor-test');
  vi.stubEnv('TOPIC_ARN', topicArn);
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
  vi.resetModules();
}
