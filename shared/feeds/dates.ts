// Feed dates → ISO 8601. RFC 822 (RSS), RFC 3339 (Atom) and the usual deviations: local month names,
// time-zone abbreviations, missing weekday. A date that cannot be read, or lies in the future, is
// "missing": the article keeps its fetch time and a flag instead of an invented date.
import names from './month-names.json';

const MONTHS = names.months as Record<string, string>;
const ZONES = names.zones as Record<string, string>;
/** Clocks differ; a date this far ahead of the fetch is a feed error, not news from tomorrow. */
const FUTURE_SLACK_MS = 26 * 3_600_000;
const EARLIEST = Date.UTC(1990, 0, 1);

/** ISO 8601 for a feed date string, or undefined when it is missing, unreadable or implausible. */
export function parseFeedDate(raw: string | undefined, now: Date): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  // Date.parse reads strings such as "1" or "May" as some year; a real feed date has a 4-digit year.
  if (!/\d{4}/.test(s)) return undefined;
  const t = readable(s);
  if (t === undefined || t < EARLIEST || t > now.getTime() + FUTURE_SLACK_MS) return undefined;
  return new Date(t).toISOString();
}

function readable(raw: string): number | undefined {
  const s = assumeUtc(raw);
  const direct = Date.parse(s);
  if (!Number.isNaN(direct)) return direct;
  const cleaned = s
    .replace(/^[^\d,]{1,20},\s*/, '') // weekday in any language
    .replace(/\p{L}+\.?/gu, (w) => {
      const key = w.replace(/\.$/, '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      return MONTHS[key] ?? ZONES[w.replace(/\.$/, '').toUpperCase()] ?? w;
    })
    .replace(/\s+/g, ' ');
  const t = Date.parse(assumeUtc(cleaned));
  return Number.isNaN(t) ? undefined : t;
}

/**
 * A date without a zone is read as UTC: Date.parse would use the machine's zone, so the same feed
 * would give different times on a laptop and in Lambda.
 */
function assumeUtc(s: string): string {
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) return `${s.replace(' ', 'T')}Z`;
  if (/\d{1,2}:\d{2}(:\d{2})?$/.test(s) && /[A-Za-z]{3}/.test(s)) return `${s} +0000`;
  return s;
}
