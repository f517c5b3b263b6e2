// Recursive descent over the tokens. Precedence, tightest first: NOT, then AND (written or implied
// between adjacent terms), then OR. Parentheses group. See docs/RULES.md.
//
//   query   := or
//   or      := and ( OR and )*
//   and     := unary ( [AND] unary )*
//   unary   := NOT unary | primary
//   primary := '(' or ')' | term
import type { RuleNode } from './ast';
import { QuerySyntaxError } from './errors';
import { tokenize, type Token } from './lexer';
import { foldWord, wordTokens } from './normalise';

/** Parses a query into its syntax tree; throws QuerySyntaxError with the column of the problem. */
export function parseQuery(query: string): RuleNode {
  const tokens = tokenize(query);
  if (tokens.length === 0) throw new QuerySyntaxError('the query is empty', 1);
  const p = new Parser(tokens, query.length + 1);
  const node = p.or();
  const extra = p.peek();
  if (extra) throw new QuerySyntaxError(extra.kind === 'rparen' ? 'closing parenthesis without an opening one' : `unexpected ${describe(extra)}`, extra.column);
  return node;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly endColumn: number,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  or(after?: Token): RuleNode {
    const children = [this.and(after)];
    while (this.isOp('OR')) {
      const op = this.next();
      children.push(this.and(op));
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  and(after?: Token): RuleNode {
    const children = [this.unary(after)];
    for (;;) {
      if (this.isOp('AND')) {
        const op = this.next();
        children.push(this.unary(op));
      } else if (this.startsTerm()) {
        children.push(this.unary());
      } else break;
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  unary(after?: Token): RuleNode {
    if (this.isOp('NOT')) {
      const op = this.next();
      return { type: 'not', child: this.unary(op) };
    }
    return this.primary(after);
  }

  primary(after?: Token): RuleNode {
    const t = this.peek();
    if (!t || t.kind === 'op' || t.kind === 'rparen') {
      const found = t ? describe(t) : 'the end of the query';
      const column = t ? t.column : this.endColumn;
      if (t?.kind === 'rparen' && after?.kind === 'lparen') throw new QuerySyntaxError('empty parentheses', after.column);
      throw new QuerySyntaxError(after ? `expected a term after ${describe(after)}, found ${found}` : `expected a term, found ${found}`, column);
    }
    this.i++;
    if (t.kind === 'lparen') {
      const inner = this.or(t);
      const close = this.peek();
      if (close?.kind !== 'rparen') throw new QuerySyntaxError('missing closing parenthesis for the "(" at this column', t.column);
      this.i++;
      return inner;
    }
    if (t.kind === 'field') {
      if (t.field === 'feed') return { type: 'feed', name: t.value, column: t.column };
      if (t.field === 'about') return { type: 'tag', side: 'any', salient: true, value: t.value, column: t.column };
      return { type: 'tag', side: t.field === 'tag' ? 'any' : t.field, value: t.value, column: t.column };
    }
    return words(t);
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private isOp(op: 'AND' | 'OR' | 'NOT'): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.op === op;
  }

  /** A token that can begin a term: adjacent terms are joined by an implied AND. */
  private startsTerm(): boolean {
    const t = this.peek();
    return !!t && (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'field' || t.kind === 'lparen' || (t.kind === 'op' && t.op === 'NOT'));
  }
}

function words(t: Extract<Token, { kind: 'word' | 'phrase' }>): RuleNode {
  let text = t.text;
  let prefix = false;
  // A * ends a word: `invad*`, or the last word of a phrase, `"military build*"`.
  if (/[\p{L}\p{N}]\*\s*$/u.test(text)) {
    text = text.trimEnd();
    prefix = true;
    text = text.slice(0, -1);
  }
  const star = text.indexOf('*');
  if (star >= 0) throw new QuerySyntaxError('a wildcard * may only end a word (invad*)', t.column + star + (t.kind === 'phrase' ? 1 : 0));
  const tokens = wordTokens(text).map((w) => w.folded);
  if (tokens.length === 0) {
    throw new QuerySyntaxError(t.kind === 'phrase' ? 'the quoted phrase has no words' : `"${t.text}" has no letters or digits to match`, t.column);
  }
  if (prefix && foldWord(tokens[tokens.length - 1]!).length < 2) throw new QuerySyntaxError('a wildcard needs at least two letters before the * (invad*)', t.column);
  return { type: 'words', tokens, prefix, text: t.kind === 'phrase' ? `"${t.text}"` : t.text, column: t.column };
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'op':
      return t.op;
    case 'word':
      return `"${t.text}"`;
    case 'phrase':
      return `"${t.text}"`;
    case 'field':
      return `${t.field}:${t.value}`;
  }
}
