// Apostrophes and the marks that transliterations use for ь and ъ: typed, copied from a page or
// produced by a scheme, "Japan's", "Japan’s", "Vorob'ev", "Vorobʹev" and "Pod”yezd" must meet.
// They are removed rather than turned into spaces, so that "japans" stays one word on both
// sides. Replaced before NFKD, which would turn the acute accent (´) into a space.
const apostrophes = /['’‘‛ʼʹʺˈ`´′″＇”“]/gu;
// Every dash and hyphen (en and em dashes, the minus sign, non-breaking and soft hyphens)
// becomes the plain hyphen: "MSK–IX" and "MSK-IX" are one name.
const dashes = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/gu;
const softHyphen = /\u00AD/gu;

/**
 * The form in which names are compared and searched: lower case, accents and diacritics
 * removed (so "Воробьёв" meets "Воробьев" and "Telefónica" meets "Telefonica"), apostrophes
 * removed, dashes folded into "-", and white space folded. The loader stores it; queries
 * normalize their input the same way.
 */
export function searchKey(text: string): string {
  return text
    .replace(apostrophes, '')
    .replace(softHyphen, '')
    .replace(dashes, '-')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The words of a text, normalized: runs of letters and digits. The full-text index's standard
 * analyzer cuts text at the same places (hyphens, dots, slashes), so a word here is a word there.
 */
export function searchWords(text: string): string[] {
  return searchKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
