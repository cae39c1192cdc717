/** Lower-case, without diacritics and with đ → d, for diacritic-insensitive search. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in one of the texts (diacritics ignored). */
export function matchesSearch(query: string, texts: (string | null | undefined)[]): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(texts.filter(Boolean).join(' \u0001 '));
  return words.every((word) => haystack.includes(word));
}
