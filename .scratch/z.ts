import zlib from 'node:zlib';
const tags = JSON.stringify(Array.from({length: 12}, (_, i) => ({ id: `tag-${i}`, name: `Tag name ${i}`, kind: 'country', country: 'GE', wikidata: 'Q230', lat: 42.17, lon: 43.52, score: 12.9, salient: true, mentions: [{text:'Georgia', start: 10+i, end: 17+i, field:'title'},{text:'Georgian', start: 100+i*7, end: 108+i*7, field:'summary'}], parents: ['western-asia', 'south-caucasus'] })));
console.log('json', tags.length);
for (const [name, f] of [
  ['deflate6', () => zlib.deflateRawSync(tags)],
  ['deflate9', () => zlib.deflateRawSync(tags, { level: 9 })],
  ['brotli5', () => zlib.brotliCompressSync(tags, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: tags.length } })],
  ['brotli9', () => zlib.brotliCompressSync(tags, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })],
  ['brotli11', () => zlib.brotliCompressSync(tags)],
] as const) {
  let out: Buffer = f(); const t0 = performance.now(); for (let i = 0; i < 2000; i++) out = f(); const ms = (performance.now() - t0) / 2000;
  const d0 = performance.now(); for (let i = 0; i < 2000; i++) (name.startsWith('b') ? zlib.brotliDecompressSync(out) : zlib.inflateRawSync(out)); const dms = (performance.now() - d0) / 2000;
  console.log(name, out.length, ms.toFixed(3), 'ms', dms.toFixed(3), 'ms dec');
}
