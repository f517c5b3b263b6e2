import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilePendingStore, type PendingDelivery } from '../../../shared/delivery';
import { alertMessage } from './fixtures';

const item = (id: string, runs = 0): PendingDelivery => ({ id, hook: 'abc123abc123', message: alertMessage(), since: '2026-12-01T10:00:00.000Z', runs });
const fresh = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nm-pending-')), 'webhooks-pending.jsonl');

describe('FilePendingStore', () => {
  it('replays the journal: the last change of each delivery wins, done ones are gone', async () => {
    const store = new FilePendingStore(fresh());
    await store.append([{ put: item('a') }, { put: item('b') }]);
    await store.append([{ done: 'a' }, { put: item('b', 1) }]);
    expect(await store.load()).toEqual([item('b', 1)]);
  });

  it('ignores a last line cut short by a crash, and names the file and line of damage elsewhere', async () => {
    const file = fresh();
    const store = new FilePendingStore(file);
    await store.append([{ put: item('a') }]);
    fs.appendFileSync(file, '{"put":{"id":"b","ho');
    expect(await store.load()).toEqual([item('a')]);
    fs.writeFileSync(file, `garbage\n${JSON.stringify({ put: item('a') })}\n`);
    await expect(store.load()).rejects.toThrow(`${file}, line 1: not a pending webhook delivery`);
  });

  it('compacts to the current set, and removes the file when nothing is pending', async () => {
    const file = fresh();
    const store = new FilePendingStore(file);
    await store.append([{ put: item('a') }, { put: item('b') }, { done: 'a' }]);
    await store.compact([item('b')]);
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    await store.compact([]);
    expect(fs.existsSync(file)).toBe(false);
    expect(await store.load()).toEqual([]);
  });
});
