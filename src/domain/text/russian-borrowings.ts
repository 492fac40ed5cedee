import { transliterate } from './match-key.ts';

/**
 * The English a Russian word was borrowed from, where Russian gave a Latin word its own suffix:
 * "глокализация" is "glocalization", "мультиполярность" "multipolarity", "терроризм"
 * "terrorism". Transliterated whole, such a word keeps its Russian ending ("glokalizatsiia"), and
 * neither it nor its stem meets the English word's key; the glossary lists the common ones, and
 * this reads the others by their suffix. A guess, searched as a synonym: a wrong one names
 * nothing in the graph and costs a clause.
 */
const suffixes: readonly (readonly [RegExp, string])[] = [
  // -ация, -яция in any case: организация, эскалации.
  [/^(.{3,}?)[ая]ци(?:я|и|ю|е[йи]|ям|ями|ях)$/u, 'ation'],
  [/^(.{3,}?)енци(?:я|и|ю|е[йи]|ям|ями|ях)$/u, 'ence'],
  [/^(.{3,}?)анци(?:я|и|ю|е[йи]|ям|ями|ях)$/u, 'ance'],
  // -ность of an adjective in -ный: мультиполярность, стабильность.
  [/^(.{3,}?)ност(?:ь|и|ью|е[йи]|ям|ями|ях)$/u, 'ity'],
  [/^(.{3,}?)изм(?:|а|у|ом|е|ы|ов|ам|ами|ах)$/u, 'ism'],
  [/^(.{3,}?)ист(?:|а|у|ом|е|ы|ов|ам|ами|ах)$/u, 'ist'],
  [/^(.{3,}?)ическ(?:и[йи]|ая|ое|ие|ого|о[йи]|ому|ом|их|ими|им|ую)$/u, 'ical'],
  [/^(.{3,}?)альн(?:ы[йи]|ая|ое|ые|ого|о[йи]|ому|ом|ых|ыми|ым|ую)$/u, 'al'],
  [/^(.{3,}?)ивн(?:ы[йи]|ая|ое|ые|ого|о[йи]|ому|ом|ых|ыми|ым|ую)$/u, 'ive'],
];

/**
 * The English forms (Latin, lower case) a Cyrillic word may have been borrowed as; none for most
 * words. The word as searchKey writes it, й as и, or as typed.
 */
export function borrowedEnglish(word: string): string[] {
  for (const [pattern, english] of suffixes) {
    const base = pattern.exec(word)?.[1];
    // The soft sign before a suffix is no letter in English: "стабильн" is "stabil".
    if (base !== undefined) return [transliterate(base.replace(/ь$/u, '')) + english];
  }
  return [];
}
