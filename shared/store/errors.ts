/** A store operation that failed; the message says what in words, `cause` keeps the SDK error. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A pagination cursor that this store did not issue for this query (forged, tampered, stale). */
export class InvalidCursorError extends StoreError {
  override name = 'InvalidCursorError';
}
