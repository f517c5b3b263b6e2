import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** DynamoDB's size of an attribute value in bytes (the rules of the developer guide, closely enough for costs). */
function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return Buffer.byteLength(v.S);
  if (v.N !== undefined) return Math.ceil(v.N.replace(/^-|\.|e.*$/gi, '').length / 2) + 1;
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((s, x) => s + Buffer.byteLength(x), 0);
  if (v.NS) return v.NS.reduce((s, x) => s + Math.ceil(x.length / 2) + 1, 0);
  if (v.L) return 3 + v.L.reduce((s, x) => s + 1 + valueSize(x), 0);
  if (v.M) return 3 + Object.entries(v.M).reduce((s, [k, x]) => s + Buffer.byteLength(k) + 1 + valueSize(x), 0);
  return 0;
}

/** Size of one item in bytes: attribute names plus values. */
export function itemSizeBytes(item: Record<string, AttributeValue>): number {
  return Object.entries(item).reduce((s, [k, v]) => s + Buffer.byteLength(k) + valueSize(v), 0);
}

/** What a set of items costs to write once: items, write units (1 KB each, plus one per GSI entry) and KB stored. */
export function writeFootprint(items: Record<string, AttributeValue>[], gsiKeyAttributes: string[]): { items: number; writeUnits: number; kb: number } {
  let writeUnits = 0;
  let bytes = 0;
  for (const item of items) {
    const size = itemSizeBytes(item) + 100; // DynamoDB adds about 100 bytes of overhead per item in storage
    bytes += size;
    writeUnits += Math.ceil(size / 1024);
    writeUnits += gsiKeyAttributes.filter((a) => item[a] !== undefined).length; // KEYS_ONLY/sparse GSI entries are small
  }
  return { items: items.length, writeUnits, kb: bytes / 1024 };
}
