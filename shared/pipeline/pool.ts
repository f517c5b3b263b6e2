/**
 * Runs `fn` over `items` with at most `limit` calls in flight. Items are pulled lazily from the
 * iterator, so memory stays bounded however long the list is. `fn` must not throw for expected failures.
 */
export async function forEachLimit<T>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const it = items[Symbol.iterator]();
  const worker = async (): Promise<void> => {
    for (let next = it.next(); !next.done; next = it.next()) await fn(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
