import snowball from 'snowball-stemmers';

/**
 * Russian stems (Snowball), for the two places that meet Russian word forms: ingestion, which
 * finds inflected names in a text ("Воробьёву"), and search, which reads an inflected query word
 * ("Координационного центра") as the start of the names it may belong to.
 */

const russian = snowball.newStemmer('russian');
const maxStemRounds = 3;
// Stems shorter than this say too little to tell names apart ("ан" of "Анна"); stopping at the
// same floor on both sides keeps the two chains of stems meeting ("Анисимов", "Анисимова").
const minStemLength = 4;

/**
 * The Russian stem of a normalized Cyrillic word. Snowball strips one ending per call, and
 * surnames in -ев/-ов keep a case ending under it ("Воробьеву" → "воробьев", while "Воробьев"
 * → "вороб"), so the stemmer is run until the stem stops changing: both then meet at "вороб".
 * Callers leave acronyms and short words whole.
 */
export function russianStem(word: string): string {
  let stem = word;
  for (let round = 0; round < maxStemRounds; round++) {
    const next = russian.stem(stem);
    if (next === stem || next.length < minStemLength) break;
    stem = next;
  }
  return stem;
}

/** One Snowball step: the word without its ending, as a dictionary would list its stem. */
export function russianStemOnce(word: string): string {
  return russian.stem(word);
}
