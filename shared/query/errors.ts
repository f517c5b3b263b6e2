/** A query the user got wrong (a bad name, date, limit or cursor): the message is one line for them; the CLI exits 1, the API answers 400. */
export class QueryError extends Error {
  override name = 'QueryError';
  /** The parameter at fault ("actor", "since", "cursor"…), when there is one. */
  readonly field?: string;
  constructor(message: string, options?: ErrorOptions & { field?: string }) {
    super(message, options);
    this.field = options?.field;
  }
}
