// Splits a rule query into tokens. Operators are AND, OR, NOT in any case (quote a word to search
// for it: "not"), NEAR/n, and a leading '-' is NOT as in web search (-sport); a field is one of the
// names in FIELDS followed by ':' and a bare or quoted value; SENT( and mentions( open a function.
import type { Comparison, TagSide } from './ast';
import { QuerySyntaxError } from './errors';

/** The fields a term may name before ':'. */
export const FIELDS = ['actor', 'region', 'tag', 'about', 'feed', 'title', 'salient'] as const;
export type Field = (typeof FIELDS)[number];

/** Functions written `NAME(…)`, recognised in any case. */
export const FUNCTIONS = ['SENT', 'MENTIONS'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** Every token knows its 1-based `column` and `end`, the 0-based index just after it. */
export type Token = (
  | { kind: 'lparen' }
  | { kind: 'rparen' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' }
  /** `NEAR/5`. */
  | { kind: 'near'; distance: number }
  /** `SENT` or `mentions` directly followed by "(". */
  | { kind: 'func'; name: FunctionName }
  /** `>= 3` after mentions(…). */
  | { kind: 'cmp'; op: Comparison; count: number }
  /** A bare word: `invad*`, `Kyiv`, `pro-Russian`. */
  | { kind: 'word'; text: string }
  /** A quoted phrase, without its quotes; `within` from a `~N` right after the closing quote. */
  | { kind: 'phrase'; text: string; within?: number }
  /** `side` is set for `salient:region:UA` (salient: alone looks in both lists). */
  | { kind: 'field'; field: Field; value: string; quoted: boolean; within?: number; side?: TagSide }
) & { column: number; end: number };

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
// A bare run ends at whitespace, a parenthesis or a quote.
const BARE = /[^\s()"]+/y;
const COMPARISON = /(>=|<=|>|<|=)\s*(\d+)?/y;
const WITHIN = /~(\d+)?/y;
/** The most words a proximity may span: beyond this it is no longer "near". */
export const MAX_DISTANCE = 50;

/** Reads the tokens of a query; throws QuerySyntaxError with the column of the first problem. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const column = i + 1;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push(c === '(' ? { kind: 'lparen', column, end: i + 1 } : { kind: 'rparen', column, end: i + 1 });
      i++;
    } else if (c === '-' && i + 1 < query.length && !/[\s)]/.test(query[i + 1]!) && (i === 0 || /[\s(]/.test(query[i - 1]!))) {
      // Without this, "-sport" would search for the word "sport": the opposite of what was meant.
      tokens.push({ kind: 'op', op: 'NOT', column, end: i + 1 });
      i++;
    } else if (c === '>' || c === '<' || c === '=') {
      COMPARISON.lastIndex = i;
      const m = COMPARISON.exec(query)!;
      if (m[2] === undefined) throw new QuerySyntaxError(`${m[1]} needs a whole number after it, such as mentions(region:UA) >= 3`, column);
      tokens.push({ kind: 'cmp', op: m[1] as Comparison, count: Number(m[2]), column, end: i + m[0].length });
      i += m[0].length;
    } else if (c === '"') {
      const { text, next } = readQuoted(query, i);
      const { within, next: after } = readWithin(query, next);
      tokens.push({ kind: 'phrase', text, ...(within === undefined ? {} : { within }), column, end: after });
      i = after;
    } else {
      BARE.lastIndex = i;
      const bare = BARE.exec(query)![0];
      i += bare.length;
      const colon = bare.indexOf(':');
      const name = colon > 0 ? bare.slice(0, colon).toLowerCase() : '';
      const upper = bare.toUpperCase();
      if (colon > 0 && (FIELDS as readonly string[]).includes(name)) {
        const field = name as Field;
        let value = bare.slice(colon + 1);
        let side: TagSide | undefined;
        if (field === 'salient') {
          const inner = /^(actor|region|tag):/i.exec(value);
          if (inner) {
            const s = inner[1]!.toLowerCase();
            side = s === 'tag' ? 'any' : (s as TagSide);
            value = value.slice(inner[0].length);
          }
        }
        let quoted = false;
        let within: number | undefined;
        if (value === '' && query[i] === '"') {
          const q = readQuoted(query, i);
          value = q.text;
          quoted = true;
          i = q.next;
          if (field === 'title') ({ within, next: i } = readWithin(query, i));
        }
        if (value.trim() === '') throw new QuerySyntaxError(`${name}: needs a value, such as ${example(field)}`, column);
        tokens.push({ kind: 'field', field, value: value.trim(), quoted, ...(within === undefined ? {} : { within }), ...(side ? { side } : {}), column, end: i });
      } else if (colon > 0 && /^[a-z]+$/.test(name)) {
        throw new QuerySyntaxError(`unknown field "${bare.slice(0, colon)}:" (fields are ${FIELDS.map((f) => `${f}:`).join(', ')}; quote the text to search for it as words)`, column);
      } else if (OPERATORS.has(upper)) {
        tokens.push({ kind: 'op', op: upper as 'AND' | 'OR' | 'NOT', column, end: i });
      } else if (/^NEAR\//.test(upper)) {
        const n = /^NEAR\/(\d+)$/.exec(upper);
        if (!n) throw new QuerySyntaxError('NEAR/ needs a number of words, such as NEAR/5', column);
        tokens.push({ kind: 'near', distance: distance(Number(n[1]), column), column, end: i });
      } else if ((FUNCTIONS as readonly string[]).includes(upper) && query[i] === '(') {
        tokens.push({ kind: 'func', name: upper as FunctionName, column, end: i });
      } else {
        tokens.push({ kind: 'word', text: bare, column, end: i });
      }
    }
  }
  return tokens;
}

function readQuoted(query: string, at: number): { text: string; next: number } {
  const close = query.indexOf('"', at + 1);
  if (close < 0) throw new QuerySyntaxError('missing closing quote', at + 1);
  return { text: query.slice(at + 1, close), next: close + 1 };
}

/** A `~N` right after a closing quote: the phrase's words within N words of each other. */
function readWithin(query: string, at: number): { within?: number; next: number } {
  if (query[at] !== '~') return { next: at };
  WITHIN.lastIndex = at;
  const m = WITHIN.exec(query)!;
  if (m[1] === undefined) throw new QuerySyntaxError('~ after a phrase needs a number of words, such as "peace talks"~5', at + 1);
  return { within: distance(Number(m[1]), at + 1), next: at + m[0].length };
}

function distance(n: number, column: number): number {
  if (n > MAX_DISTANCE) throw new QuerySyntaxError(`a distance of ${n} words is too far to mean "near" (at most ${MAX_DISTANCE})`, column);
  return n;
}

function example(field: Field): string {
  return {
    actor: 'actor:RU',
    region: 'region:"Black Sea"',
    tag: 'tag:nato',
    about: 'about:UA',
    feed: 'feed:"Wire A"',
    title: 'title:ceasefire',
    salient: 'salient:region:UA',
  }[field];
}
