// Small, typed helpers for DynamoDB attribute values (the item shapes here are flat and known).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

/** A string attribute, or nothing for '' / undefined (kept out of the item so it stays small). */
export function s(v: string | undefined): AttributeValue | undefined {
  return v === undefined || v === '' ? undefined : { S: v };
}

/** A number attribute. */
export function n(v: number): AttributeValue {
  return { N: String(v) };
}

/** Drops undefined attributes. */
export function compact(o: Record<string, AttributeValue | undefined>): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

/** The string value of an attribute ('' when absent). */
export function str(item: Item, name: string): string {
  return item[name]?.S ?? '';
}

/** The string value of an attribute, or undefined when absent. */
export function optStr(item: Item, name: string): string | undefined {
  return item[name]?.S;
}

/** The number value of an attribute, or undefined. */
export function num(item: Item, name: string): number | undefined {
  const v = item[name]?.N;
  return v === undefined ? undefined : Number(v);
}

/** An item's size as DynamoDB counts it (UTF-8 bytes of attribute names and values), without serialising it. */
export function itemBytes(item: Item): number {
  let total = 0;
  for (const [name, v] of Object.entries(item)) {
    total += Buffer.byteLength(name);
    if (v.S !== undefined) total += Buffer.byteLength(v.S);
    else if (v.N !== undefined) total += v.N.length;
    else if (v.BOOL !== undefined || v.NULL !== undefined) total += 1;
    else if (v.B !== undefined) total += v.B.length;
    else if (v.SS) for (const s of v.SS) total += Buffer.byteLength(s);
    else total += Buffer.byteLength(JSON.stringify(v));
  }
  return total;
}
