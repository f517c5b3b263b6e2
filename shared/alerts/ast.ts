// The parsed form of a rule query. Positions are 1-based columns in the query text. Every node is
// plain JSON: rules are compiled at synth and bundled into the alert functions as text.

import type { TagKind } from '../model';

/** Which tag list of an article a tag term looks in: `tag:` looks in both. */
export type TagSide = 'actor' | 'region' | 'any';

/** The comparisons `mentions(…)` accepts. */
export type Comparison = '>=' | '>' | '=' | '<=' | '<';

export type RuleNode =
  | { type: 'and'; children: RuleNode[] }
  | { type: 'or'; children: RuleNode[] }
  | { type: 'not'; child: RuleNode }
  /**
   * `actor:RU`, `region:"Black Sea"`, `tag:nato`, `about:UA`, `salient:region:UA`: `value` as
   * written; `id` filled in by the resolver. `salient` asks that the article be about the tag, not
   * mention it in passing.
   */
  | { type: 'tag'; side: TagSide; value: string; id?: string; kind?: TagKind; salient?: boolean; column: number }
  /** `feed:"Wire A"`: the feed's configured name, compared case-insensitively. */
  | { type: 'feed'; name: string; column: number }
  /**
   * A bare word, a quoted phrase or a prefix wildcard, as normalised word tokens (`pro-Russian` is
   * the two tokens `pro russian`, matched next to each other). `prefix`: the last token may continue.
   * `within` (`"a b"~5`): the words in any order with at most that many other words among them.
   * `field` (`title:x`): only the title is searched.
   */
  | { type: 'words'; tokens: string[]; prefix: boolean; text: string; column: number; within?: number; field?: 'title' }
  /** `a NEAR/5 b`: a match of each side with at most `distance` words between them, in either order. */
  | { type: 'near'; left: RuleNode; right: RuleNode; distance: number; text: string; column: number }
  /** `SENT(…)`: the inner query (words only) matches within one sentence. */
  | { type: 'sent'; child: RuleNode; text: string; column: number }
  /** `mentions(region:UA) >= 3`: how often the tag (with the places inside it) or the words occur. */
  | { type: 'mentions'; term: TagTerm | WordsTerm; op: Comparison; count: number; text: string; column: number };

export type TermNode = Extract<RuleNode, { type: 'tag' | 'feed' | 'words' }>;
export type TagTerm = Extract<RuleNode, { type: 'tag' }>;
export type WordsTerm = Extract<RuleNode, { type: 'words' }>;
