import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../../shared/feeds';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nm-file-feeds-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const doc = '<rss version="2.0"><channel><item><title>Local</title><link>https://local.example/1</link></item></channel></rss>';

describe('readFeed on file: URLs', () => {
  it('reads a file, then reports it not modified until it changes', async () => {
    const file = path.join(dir, 'feed.xml');
    fs.writeFileSync(file, doc);
    const feed = { url: pathToFileURL(file).href, name: 'local' };
    const first = await readFeed(feed, undefined, { allowPrivateNetworks: false });
    expect(first.status === 'ok' && first.articles[0]!.title).toBe('Local');
    expect((await readFeed(feed, first.state, { allowPrivateNetworks: false })).status).toBe('not-modified');
    fs.writeFileSync(file, doc.replace('Local', 'Changed, and longer'));
    const third = await readFeed(feed, first.state, { allowPrivateNetworks: false });
    expect(third.status === 'ok' && third.articles[0]!.title).toBe('Changed, and longer');
  });
  it('reads a gzipped file', async () => {
    const file = path.join(dir, 'feed.xml.gz');
    fs.writeFileSync(file, zlib.gzipSync(doc));
    const r = await readFeed({ url: pathToFileURL(file).href, name: 'gz' }, undefined, { allowPrivateNetworks: false });
    expect(r.status === 'ok' && r.articles).toHaveLength(1);
  });
  it('says which file is missing', async () => {
    const file = path.join(dir, 'missing.xml');
    const r = await readFeed({ url: pathToFileURL(file).href, name: 'missing' }, undefined, { allowPrivateNetworks: false });
    expect(r.status === 'failed' && r.error).toBe(`file not found: ${file}`);
  });
  it('refuses an unsupported scheme and an invalid URL in words', async () => {
    const ftp = await readFeed({ url: 'ftp://example.org/feed.xml', name: 'ftp' }, undefined, { allowPrivateNetworks: false });
    expect(ftp.status === 'failed' && ftp.error).toBe('unsupported URL scheme "ftp:" (use http, https or file)');
    const bad = await readFeed({ url: 'not a url', name: 'bad' }, undefined, { allowPrivateNetworks: false });
    expect(bad.status === 'failed' && bad.error).toBe('invalid feed URL "not a url"');
  });
});
