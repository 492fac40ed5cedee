/**
 * The form in which names are compared and searched: lower case, accents and diacritics
 * removed (so "Воробьёв" meets "Воробьев" and "Telefónica" meets "Telefonica"), and
 * white space folded. The loader stores it; queries normalize their input the same way.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
