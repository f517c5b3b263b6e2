// Golden output: a fixed corpus (hand-written edge cases and generated 3 KB articles) must tag to
// exactly the committed output, byte for byte, through the --jsonl path. It guards speed work on the
// matcher, scorer and JSON writer against any change of behaviour. When tagging is changed on
// purpose, regenerate with `UPDATE_GOLDEN=1 npx vitest run test/unit/tagging/golden.test.ts` and
// review the diff of fixtures/golden-tags.jsonl.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tagStream } from './helpers';
import { tagLineInto } from '../../../cli/tag-lines';
import { JsonBytes } from '../../../shared/tagging/json';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const input = fs.readFileSync(path.join(dir, 'golden-input.jsonl'), 'utf8');
const goldenFile = path.join(dir, 'golden-tags.jsonl');

describe('golden output', () => {
  if (process.env.UPDATE_GOLDEN === '1') {
    it('rewrites the golden output', async () => {
      fs.writeFileSync(goldenFile, (await tagStream(input, 1 << 16)).text);
    });
  }
  const golden = fs.readFileSync(goldenFile, 'utf8');
  it('tags the fixed corpus to exactly the committed output, line by line', () => {
    const want = golden.split('\n').filter(Boolean);
    const out = new JsonBytes(1 << 16);
    const got = input.split('\n').filter(Boolean).map((l) => tagLineInto(l, out) ?? out.takeString().trimEnd());
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) expect(got[i], `line ${i + 1}`).toBe(want[i]);
  });
  it('streams the same bytes whatever the chunk size', async () => {
    expect((await tagStream(input, 4093)).text).toBe(golden);
    expect((await tagStream(input, 1 << 20)).text).toBe(golden);
  });
});
