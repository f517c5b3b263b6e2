import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SubscribeCommand,
  UnsubscribeCommand,
  type Subscription,
} from '../../shared/clients/sdk/sns';
import type { Command } from 'commander';
import { filterPolicyFor, isE164, isEmail, SEVERITIES } from '../../shared/alerts';
import { snsClient } from '../../shared/clients/sns';
import type { Delivery, Severity, SubscriptionConfig } from '../../shared/model';
import { loadCliConfig } from '../config-path';
import { CliError } from '../errors';

interface SubscribeOptions {
  protocol: string;
  endpoint: string;
  rule?: string[];
  minSeverity?: string;
  delivery: string;
  topicArn?: string;
  config?: string;
  json?: boolean;
}

const TOPIC_HELP = 'SNS alerts topic (default: env NEWS_MONITOR_TOPIC_ARN; the stack output AlertsTopicArn)';
// arn:partition:sns:region:account:topic:subscription-id
const SUBSCRIPTION_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}:[0-9a-f-]{36}$/;
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

/** `news-monitor subscribe`, `unsubscribe` and `subscriptions`: manage who receives alerts on a deployed topic. */
export function register(program: Command): void {
  program
    .command('subscribe')
    .description('subscribe an email address or phone number to the alerts topic, with a filter policy')
    .requiredOption('--protocol <protocol>', 'email or sms')
    .requiredOption('--endpoint <address>', 'email address, or phone number in E.164 form (+14155550123)')
    .option('--rule <id>', 'only alerts of this rule (repeat for several; default: every rule)', collect)
    .option('--min-severity <severity>', 'only alerts at or above: info, warning or critical')
    .option('--delivery <delivery>', 'instant (each alert) or digest (one message per rule per period)', 'instant')
    .option('--topic-arn <arn>', TOPIC_HELP)
    .option('--config <file>', 'check the --rule ids against this config')
    .option('--json', 'print the result as one JSON object')
    .action(async (opts: SubscribeOptions) => {
      const sub = subscriptionFrom(opts);
      const topicArn = topicFrom(opts.topicArn);
      if (opts.config) checkRules(sub, opts.config);
      const filterPolicy = filterPolicyFor(sub);
      const out = await sns('subscribe', () =>
        snsClient().send(
          new SubscribeCommand({
            TopicArn: topicArn,
            Protocol: sub.protocol,
            Endpoint: sub.endpoint,
            Attributes: { FilterPolicy: JSON.stringify(filterPolicy), FilterPolicyScope: 'MessageAttributes' },
          }),
        ),
      );
      // Without ReturnSubscriptionArn, SNS answers "pending confirmation" until the address confirms.
      const arn = out.SubscriptionArn ?? 'pending confirmation';
      const pending = !SUBSCRIPTION_ARN.test(arn);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ subscriptionArn: arn, protocol: sub.protocol, endpoint: sub.endpoint, filterPolicy, pendingConfirmation: pending })}\n`);
        return;
      }
      process.stdout.write(`Subscribed ${sub.endpoint} (${sub.protocol}) to ${topicArn}\n  filter policy: ${JSON.stringify(filterPolicy)}\n  subscription:  ${arn}\n`);
      process.stdout.write(sub.protocol === 'email' ? emailNext(sub.endpoint, pending) : SMS_NEXT);
    });

  program
    .command('unsubscribe')
    .description('remove a subscription from the alerts topic')
    .argument('<subscription-arn>', 'as `news-monitor subscriptions` lists it')
    .action(async (arn: string) => {
      if (/^pending/i.test(arn)) throw new CliError('a subscription pending confirmation has no ARN yet: SNS deletes it by itself if it is not confirmed within 3 days');
      if (!SUBSCRIPTION_ARN.test(arn)) throw new CliError(`"${arn}" is not an SNS subscription ARN (arn:aws:sns:REGION:ACCOUNT:TOPIC:ID; see news-monitor subscriptions)`);
      await sns('unsubscribe', () => snsClient().send(new UnsubscribeCommand({ SubscriptionArn: arn })));
      process.stdout.write(`Unsubscribed ${arn}\n`);
    });

  program
    .command('subscriptions')
    .description('list the subscriptions of the alerts topic with their filter policies')
    .option('--topic-arn <arn>', TOPIC_HELP)
    .option('--json', 'print one JSON object')
    .action(async (opts: { topicArn?: string; json?: boolean }) => {
      const topicArn = topicFrom(opts.topicArn);
      const subs = await listSubscriptions(topicArn);
      const rows = await Promise.all(subs.map(async (s) => ({ ...s, filterPolicy: await filterPolicyOf(s) })));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ topicArn, items: rows })}\n`);
        return;
      }
      if (rows.length === 0) {
        process.stdout.write(`No subscriptions on ${topicArn}: add one with news-monitor subscribe --protocol email --endpoint you@example.org\n`);
        return;
      }
      process.stdout.write(`${rows.length} subscription${rows.length === 1 ? '' : 's'} on ${topicArn}\n`);
      for (const r of rows) {
        const pending = !SUBSCRIPTION_ARN.test(r.subscriptionArn);
        process.stdout.write(`\n${r.protocol.padEnd(5)} ${r.endpoint}${pending ? '  (pending confirmation)' : ''}\n  filter: ${r.filterPolicy ?? (pending ? '(not readable until confirmed)' : 'none: every message')}\n  ${r.subscriptionArn}\n`);
      }
    });
}

/** The subscription the flags describe, validated; a bad flag is a one-line error. */
export function subscriptionFrom(opts: Pick<SubscribeOptions, 'protocol' | 'endpoint' | 'rule' | 'minSeverity' | 'delivery'>): SubscriptionConfig {
  const protocol = opts.protocol.toLowerCase();
  // A webhook needs the webhook function's alias and its secret parameter, which only a deploy makes.
  if (protocol === 'webhook') throw new CliError('--protocol webhook: add the webhook to the config\'s subscriptions and deploy (the webhook function delivers it; see docs/DEPLOY.md, Webhooks)');
  if (protocol !== 'email' && protocol !== 'sms') throw new CliError(`--protocol must be email or sms, got "${opts.protocol}"`);
  const endpoint = opts.endpoint.trim();
  if (protocol === 'email' && !isEmail(endpoint)) throw new CliError(`--endpoint "${endpoint}" is not an email address`);
  if (protocol === 'sms' && !isE164(endpoint)) throw new CliError(`--endpoint "${endpoint}" is not a phone number in E.164 form: + then country code and number, no spaces (+14155550123)`);
  if (opts.minSeverity !== undefined && !SEVERITIES.includes(opts.minSeverity as Severity)) throw new CliError(`--min-severity must be one of ${SEVERITIES.join(', ')}, got "${opts.minSeverity}"`);
  if (opts.delivery !== 'instant' && opts.delivery !== 'digest') throw new CliError(`--delivery must be instant or digest, got "${opts.delivery}"`);
  const rules = opts.rule ?? [];
  for (const id of rules) if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id)) throw new CliError(`--rule "${id}" is not a rule id`);
  return { protocol, endpoint, rules, minSeverity: opts.minSeverity as Severity | undefined, delivery: opts.delivery as Delivery };
}

function checkRules(sub: SubscriptionConfig, file: string): void {
  const { config } = loadCliConfig(file);
  const ids = new Set(config.rules.map((r) => r.id));
  const unknown = (sub.rules ?? []).filter((id) => !ids.has(id));
  if (unknown.length) throw new CliError(`no rule ${unknown.map((u) => `"${u}"`).join(', ')} in ${file} (rules: ${[...ids].join(', ') || 'none'})`);
}

function topicFrom(flag: string | undefined): string {
  const arn = flag ?? process.env.NEWS_MONITOR_TOPIC_ARN;
  if (!arn) throw new CliError('no topic: pass --topic-arn ARN or set NEWS_MONITOR_TOPIC_ARN (the stack output AlertsTopicArn)');
  if (!TOPIC_ARN.test(arn)) throw new CliError(`"${arn}" is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)`);
  return arn;
}

async function listSubscriptions(topicArn: string): Promise<{ subscriptionArn: string; protocol: string; endpoint: string }[]> {
  const out: Subscription[] = [];
  let token: string | undefined;
  do {
    const page = await sns('list subscriptions', () => snsClient().send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, NextToken: token })));
    out.push(...(page.Subscriptions ?? []));
    token = page.NextToken;
  } while (token);
  return out.map((s) => ({ subscriptionArn: s.SubscriptionArn ?? '', protocol: s.Protocol ?? '', endpoint: s.Endpoint ?? '' }));
}

async function filterPolicyOf(s: { subscriptionArn: string }): Promise<string | undefined> {
  if (!SUBSCRIPTION_ARN.test(s.subscriptionArn)) return undefined;
  const a = await sns('read a subscription', () => snsClient().send(new GetSubscriptionAttributesCommand({ SubscriptionArn: s.subscriptionArn })));
  return a.Attributes?.FilterPolicy;
}

/** Runs an SNS call; its failure becomes one line naming what was attempted. */
async function sns<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const e = err as Error;
    throw new CliError(`cannot ${what}: ${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message}`, 1, { cause: err });
  }
}

function emailNext(endpoint: string, pending: boolean): string {
  if (!pending) return '  The address had already confirmed a subscription to this topic: alerts start now.\n';
  return (
    `\nNext step: AWS has sent a confirmation email to ${endpoint} ("AWS Notification - Subscription Confirmation").\n` +
    'Alerts are delivered only after its "Confirm subscription" link is clicked; the link expires after 3 days.\n' +
    'Until then `news-monitor subscriptions` lists it as pending confirmation.\n'
  );
}

const SMS_NEXT =
  '\nSMS subscriptions need no confirmation. A new AWS account sends SMS only to verified numbers (the SMS sandbox):\n' +
  'verify this number in the SNS console (Text messaging > Sandbox destination phone numbers), and check the monthly SMS spend limit.\n';

function collect(v: string, list: string[] | undefined): string[] {
  return [...(list ?? []), v];
}
