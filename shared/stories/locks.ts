// Within one process, articles that could land in the same story are assigned one after the other:
// each holds a lock on every term it looks up, so two feeds bringing the same story in the same pass
// (the local pool reads 32 at once) cannot both found it. Articles with no term in common proceed in
// parallel. Across processes the conditional writes of shared/stories/assign.ts take over.

/** Locks named by strings; `withLocks` takes them in sorted order, so two holders never deadlock. */
export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `fn` holding every named lock. */
  async withLocks<T>(names: string[], fn: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(names)].sort();
    const releases: (() => void)[] = [];
    try {
      for (const name of sorted) releases.push(await this.acquire(name));
      return await fn();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(name: string): Promise<() => void> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    };
  }
}
