// Splits a rule query into tokens. Operators are AND, OR, NOT in any case (quote a word to search
// for it: "not"), and a leading '-' is NOT as in web search (-sport); a field is one of the names in
// FIELDS followed by ':' and a bare or quoted value.
import { QuerySyntaxError } from './errors';

/** The fields a term may name before ':'. */
export const FIELDS = ['actor', 'region', 'tag', 'about', 'feed'] as const;
export type Field = (typeof FIELDS)[number];

export type Token =
  | { kind: 'lparen'; column: number }
  | { kind: 'rparen'; column: number }
  | { kind: 'op'; op: 'AND' | 'OR' | 'NOT'; column: number }
  /** A bare word: `invad*`, `Kyiv`, `pro-Russian`. */
  | { kind: 'word'; text: string; column: number }
  /** A quoted phrase, without its quotes. */
  | { kind: 'phrase'; text: string; column: number }
  | { kind: 'field'; field: Field; value: string; quoted: boolean; column: number };

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
// A bare run ends at whitespace, a parenthesis or a quote.
const BARE = /[^\s()"]+/y;

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
      tokens.push(c === '(' ? { kind: 'lparen', column } : { kind: 'rparen', column });
      i++;
    } else if (c === '-' && i + 1 < query.length && !/[\s)]/.test(query[i + 1]!) && (i === 0 || /[\s(]/.test(query[i - 1]!))) {
      // Without this, "-sport" would search for the word "sport": the opposite of what was meant.
      tokens.push({ kind: 'op', op: 'NOT', column });
      i++;
    } else if (c === '"') {
      const { text, next } = readQuoted(query, i);
      tokens.push({ kind: 'phrase', text, column });
      i = next;
    } else {
      BARE.lastIndex = i;
      const bare = BARE.exec(query)![0];
      i += bare.length;
      const colon = bare.indexOf(':');
      const name = colon > 0 ? bare.slice(0, colon).toLowerCase() : '';
      if (colon > 0 && (FIELDS as readonly string[]).includes(name)) {
        let value = bare.slice(colon + 1);
        let quoted = false;
        if (value === '' && query[i] === '"') {
          const q = readQuoted(query, i);
          value = q.text;
          quoted = true;
          i = q.next;
        }
        if (value.trim() === '') throw new QuerySyntaxError(`${name}: needs a value, such as ${example(name as Field)}`, column);
        tokens.push({ kind: 'field', field: name as Field, value: value.trim(), quoted, column });
      } else if (colon > 0 && /^[a-z]+$/.test(name)) {
        throw new QuerySyntaxError(`unknown field "${bare.slice(0, colon)}:" (fields are ${FIELDS.map((f) => `${f}:`).join(', ')}; quote the text to search for it as words)`, column);
      } else if (OPERATORS.has(bare.toUpperCase())) {
        tokens.push({ kind: 'op', op: bare.toUpperCase() as 'AND' | 'OR' | 'NOT', column });
      } else {
        tokens.push({ kind: 'word', text: bare, column });
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

function example(field: Field): string {
  return { actor: 'actor:RU', region: 'region:"Black Sea"', tag: 'tag:nato', about: 'about:UA', feed: 'feed:"Wire A"' }[field];
}
