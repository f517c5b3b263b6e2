/**
 * A rule that cannot be compiled. The message names the rule and the 1-based column in its query:
 * `rule "ru-ua", column 23: missing closing parenthesis`.
 */
export class RuleError extends Error {
  override name = 'RuleError';
  /** The problem alone, without the rule and column prefix. */
  readonly reason: string;
  constructor(
    reason: string,
    readonly ruleId?: string,
    readonly column?: number,
    options?: ErrorOptions,
  ) {
    super(`${ruleId === undefined ? 'query' : `rule "${ruleId}"`}${column === undefined ? '' : `, column ${column}`}: ${reason}`, options);
    this.reason = reason;
  }
}

/** A syntax problem found while reading one query, before the rule id is known to the parser. */
export class QuerySyntaxError extends Error {
  override name = 'QuerySyntaxError';
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

/** An alert that could not be handed to SNS; the message names the rule and the article. */
export class AlertPublishError extends Error {
  override name = 'AlertPublishError';
}
