// The parsed form of a rule query. Positions are 1-based columns in the query text.

/** Which tag list of an article a tag term looks in: `tag:` looks in both. */
export type TagSide = 'actor' | 'region' | 'any';

export type RuleNode =
  | { type: 'and'; children: RuleNode[] }
  | { type: 'or'; children: RuleNode[] }
  | { type: 'not'; child: RuleNode }
  /**
   * `actor:RU`, `region:"Black Sea"`, `tag:nato`, `about:UA`: `value` as written; `id` filled in by
   * the resolver. `salient` (about:) asks that the article be about the tag, not mention it in passing.
   */
  | { type: 'tag'; side: TagSide; value: string; id?: string; salient?: boolean; column: number }
  /** `feed:"Wire A"`: the feed's configured name, compared case-insensitively. */
  | { type: 'feed'; name: string; column: number }
  /**
   * A bare word, a quoted phrase or a prefix wildcard, as normalised word tokens (`pro-Russian` is
   * the two tokens `pro russian`, matched next to each other). `prefix`: the last token may continue.
   */
  | { type: 'words'; tokens: string[]; prefix: boolean; text: string; column: number };

export type TermNode = Extract<RuleNode, { type: 'tag' | 'feed' | 'words' }>;
