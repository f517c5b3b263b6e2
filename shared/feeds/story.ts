// Story keys: the same headline from two feeds should give one key, so an alert goes out once.

/**
 * A title reduced to its words: accents folded, case and punctuation dropped, and a trailing
 * " - Source" / " | Source" credit removed (aggregators append the outlet's name).
 */
export function storyKey(title: string): string {
  const words = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const credit = /^(.*\S)\s+[-–—|]\s+([^-–—|]{1,40})$/u.exec(title.trim());
  if (credit && words(credit[1]!).split(' ').length >= 4 && words(credit[2]!).split(' ').length <= 4) return words(credit[1]!);
  return words(title);
}
