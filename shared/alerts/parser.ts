// Recursive descent over the tokens. Precedence, tightest first: NEAR/n, then NOT, then AND
// (written or implied between adjacent terms), then OR. Parentheses group. See docs/RULES.md.
//
//   query   := or
//   or      := and ( OR and )*
//   and     := unary ( [AND] unary )*
//   unary   := NOT unary | near
//   near    := primary ( NEAR/n primary )*
//   primary := '(' or ')' | SENT '(' or ')' | MENTIONS '(' term ')' cmp | term
import type { RuleNode, TagTerm, WordsTerm } from './ast';
import { QuerySyntaxError } from './errors';
import { tokenize, type Token } from './lexer';
import { foldWord, wordTokens } from './normalise';

/** Parses a query into its syntax tree; throws QuerySyntaxError with the column of the problem. */
export function parseQuery(query: string): RuleNode {
  const tokens = tokenize(query);
  if (tokens.length === 0) throw new QuerySyntaxError('the query is empty', 1);
  const p = new Parser(tokens, query);
  const node = p.or();
  const extra = p.peek();
  if (extra) throw new QuerySyntaxError(extra.kind === 'rparen' ? 'closing parenthesis without an opening one' : `unexpected ${describe(extra)}`, extra.column);
  return node;
}

class Parser {
  private i = 0;
  private readonly endColumn: number;
  constructor(
    private readonly tokens: Token[],
    private readonly query: string,
  ) {
    this.endColumn = query.length + 1;
  }

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
    return this.near(after);
  }

  near(after?: Token): RuleNode {
    const start = this.peek();
    let left = this.primary(after);
    while (this.peek()?.kind === 'near') {
      const op = this.next() as Extract<Token, { kind: 'near' }>;
      const operand = this.peek();
      const right = this.primary(op);
      spanOperand(left, start!, op);
      spanOperand(right, operand!, op);
      left = { type: 'near', left, right, distance: op.distance, text: this.textFrom(start!), column: start!.column };
    }
    return left;
  }

  primary(after?: Token): RuleNode {
    const t = this.peek();
    if (!t || t.kind === 'op' || t.kind === 'rparen' || t.kind === 'near' || t.kind === 'cmp') {
      const found = t ? describe(t) : 'the end of the query';
      const column = t ? t.column : this.endColumn;
      if (t?.kind === 'rparen' && after?.kind === 'lparen') throw new QuerySyntaxError('empty parentheses', after.column);
      throw new QuerySyntaxError(after ? `expected a term after ${describe(after)}, found ${found}` : `expected a term, found ${found}`, column);
    }
    this.i++;
    if (t.kind === 'lparen') return this.group(t);
    if (t.kind === 'func') {
      const open = this.next();
      if (t.name === 'SENT') {
        const child = this.group(open);
        wordsOnly(child, t);
        return { type: 'sent', child, text: this.textFrom(t), column: t.column };
      }
      return this.mentions(t, open);
    }
    return term(t);
  }

  /** The rest of a parenthesised group whose "(" was just read. */
  private group(open: Token): RuleNode {
    const inner = this.or(open);
    const close = this.peek();
    if (close?.kind !== 'rparen') throw new QuerySyntaxError('missing closing parenthesis for the "(" at this column', open.column);
    this.i++;
    return inner;
  }

  private mentions(fn: Token, open: Token): RuleNode {
    const arg = this.peek();
    if (!arg || arg.kind === 'rparen') throw new QuerySyntaxError('mentions( needs a tag or words to count, such as mentions(region:UA) >= 3', open.column);
    this.i++;
    const node = arg.kind === 'word' || arg.kind === 'phrase' || arg.kind === 'field' ? term(arg) : undefined;
    const countable = node && (node.type === 'words' ? node.within === undefined : node.type === 'tag' && !node.salient);
    if (!countable) throw new QuerySyntaxError('mentions( counts one tag (actor:, region:, tag:) or one word or phrase', arg.column);
    const close = this.peek();
    if (close?.kind !== 'rparen') throw new QuerySyntaxError('missing closing parenthesis for the "(" at this column (mentions counts one term)', open.column);
    this.i++;
    const cmp = this.peek();
    if (cmp?.kind !== 'cmp') throw new QuerySyntaxError('mentions(…) needs a comparison after it, such as >= 3', cmp ? cmp.column : this.endColumn);
    this.i++;
    return { type: 'mentions', term: node as TagTerm | WordsTerm, op: cmp.op, count: cmp.count, text: this.textFrom(fn), column: fn.column };
  }

  /** The query text from `start` to the last token read. */
  private textFrom(start: Token): string {
    return this.query.slice(start.column - 1, this.tokens[this.i - 1]!.end);
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
    return !!t && (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'field' || t.kind === 'lparen' || t.kind === 'func' || (t.kind === 'op' && t.op === 'NOT'));
  }
}

/** Whether a node matches stretches of words (so NEAR can measure the distance between them). */
export function isSpanNode(n: RuleNode): boolean {
  return n.type === 'words' || n.type === 'near' || (n.type === 'or' && n.children.every(isSpanNode));
}

function spanOperand(n: RuleNode, at: Token, op: Extract<Token, { kind: 'near' }>): void {
  if (!isSpanNode(n)) throw new QuerySyntaxError(`NEAR/${op.distance} joins words, phrases or (a OR b) groups of them, not ${describeNode(n)}`, at.column);
}

/** SENT(…) looks inside one sentence: only word terms have a place in a sentence. */
function wordsOnly(n: RuleNode, fn: Token): void {
  const visit = (x: RuleNode): void => {
    if (x.type === 'and' || x.type === 'or') x.children.forEach(visit);
    else if (x.type === 'not') visit(x.child);
    else if (x.type === 'tag' || x.type === 'feed' || x.type === 'mentions' || x.type === 'sent')
      throw new QuerySyntaxError(`SENT(…) holds words, phrases and NEAR only, not ${describeNode(x)}`, x.column);
  };
  visit(n);
  void fn;
}

function term(t: Extract<Token, { kind: 'word' | 'phrase' | 'field' }>): RuleNode {
  if (t.kind !== 'field') return words(t);
  switch (t.field) {
    case 'feed':
      return { type: 'feed', name: t.value, column: t.column };
    case 'about':
      return { type: 'tag', side: 'any', salient: true, value: t.value, column: t.column };
    case 'salient':
      return { type: 'tag', side: t.side ?? 'any', salient: true, value: t.value, column: t.column };
    case 'title': {
      const node = words(t.quoted ? { kind: 'phrase', text: t.value, within: t.within, column: t.column + 'title:'.length, end: t.end } : { kind: 'word', text: t.value, column: t.column + 'title:'.length, end: t.end });
      return { ...node, field: 'title', column: t.column, text: `title:${node.text}` };
    }
    default:
      return { type: 'tag', side: t.field === 'tag' ? 'any' : t.field, value: t.value, column: t.column };
  }
}

function words(t: Extract<Token, { kind: 'word' | 'phrase' }>): WordsTerm {
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
  const within = t.kind === 'phrase' ? t.within : undefined;
  if (within !== undefined && tokens.length < 2) throw new QuerySyntaxError(`~${within} needs a phrase of two or more words ("peace talks"~5)`, t.column);
  const shown = t.kind === 'phrase' ? `"${t.text}"${within === undefined ? '' : `~${within}`}` : t.text;
  return { type: 'words', tokens, prefix, text: shown, column: t.column, ...(within === undefined ? {} : { within }) };
}

function describeNode(n: RuleNode): string {
  switch (n.type) {
    case 'tag':
      return `${n.salient ? (n.side === 'any' ? 'about' : `salient:${n.side}`) : n.side === 'any' ? 'tag' : n.side}:${n.value}`;
    case 'feed':
      return `feed:${n.name}`;
    case 'words':
    case 'near':
    case 'sent':
    case 'mentions':
      return n.text;
    case 'not':
      return 'a NOT';
    case 'and':
      return 'an AND group';
    case 'or':
      return 'an OR group with other terms than words';
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'lparen':
      return '"("';
    case 'rparen':
      return '")"';
    case 'op':
      return t.op;
    case 'near':
      return `NEAR/${t.distance}`;
    case 'func':
      return `${t.name}(`;
    case 'cmp':
      return `${t.op} ${t.count}`;
    case 'word':
      return `"${t.text}"`;
    case 'phrase':
      return `"${t.text}"`;
    case 'field':
      return `${t.field}:${t.value}`;
  }
}
