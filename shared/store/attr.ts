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
