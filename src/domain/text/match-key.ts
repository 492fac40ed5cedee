import britishSpellings from 'american-british-english-translator/data/british_spellings.json' with { type: 'json' };
import iuliia from 'iuliia';
import { stemmer } from 'stemmer';
import { demonyms } from './demonyms.ts';

/**
 * A word's match key: one spelling for the ways people write the same word, so that the index
 * can compare keys where the written words differ. The stored side (the loader) and the query
 * side compute it with this one function, so any two spellings that reach the same key find
 * each other, in either direction.
 *
 * 1. Cyrillic is transliterated with the passport scheme (ICAO Doc 9303, from the iuliia
 *    package): "Воробьёв" → "vorobev".
 * 2. British spellings become American ones (the list of the american-british-english-translator
 *    package): "centre" → "center", "organisation" → "organization". A country's adjective
 *    becomes its name (demonyms.ts): "Russian" → "russia", "Vietnamese" → "vietnam".
 * 3. English endings are stemmed (Porter, the stemmer package, as Lucene's English analyzer
 *    does): "members" → "member", "registries" → "registri".
 * 4. A Latin word's letters that Russian writes as other sounds are spelled as Russian writes
 *    them (latinAsRussianWrites): "Qrator" → "krator" (Кратор), "Telefonica" → "telefonika"
 *    (Телефоника), "phishing" → "fishing" (фишинг).
 * 5. The letters on which Russian transliteration schemes disagree are folded into one, in the
 *    order below. See docs/search.md for why each rule is there.
 * 6. A word of three letters or more whose key would be shorter keeps its stem or itself.
 */
export function matchKey(word: string): string {
  let key = keys.get(word);
  if (key === undefined) {
    // Bounded: search explains up to 100 hits per request, word by word, and names repeat.
    if (keys.size >= maxCachedKeys) keys.clear();
    key = computeKey(word);
    keys.set(word, key);
  }
  return key;
}

const keys = new Map<string, string>();
const maxCachedKeys = 50_000;

/**
 * The key without step 2's adjectives: for finding names in a text (src/domain/ingest), where
 * "the Belarusian side" describes and does not name Belarus. Its callers keep their own cache.
 */
export function matchKeyOfNameWord(word: string): string {
  return computeKey(word, false);
}

function computeKey(word: string, adjectives = true): string {
  const latin = hasCyrillic(word) ? transliterate(word) : word;
  const spelled = americanSpellings.get(latin) ?? latin;
  const american = (adjectives ? countryOfAdjective(spelled) : undefined) ?? spelled;
  const stemmed = /^[a-z]{4,}$/.test(american) && !unstemmed.has(american) ? stemmer(american) : american;
  const folded = foldTransliteration(latin === word ? latinAsRussianWrites(stemmed) : stemmed);
  if ([...word].length < 3 || folded.length >= minKeyLength) return folded;
  // A key of one or two letters is some common short word: "IoT" folded to "et" (yet), "DDoS" to
  // "do", "AT&T" to "at", "ООН" to "on", "using" to "us" (the United States' code). A word of three
  // letters or more keeps a longer form instead, the stem or the word, unfolded.
  return stemmed.length >= minKeyLength ? stemmed : latin;
}

const minKeyLength = 3;

/**
 * Russian writes a Latin name by its sound: q as к, c before a, o and u as к, ph as ф. Words
 * written in Cyrillic come out of the passport scheme without q or ph, and with c only where the
 * folding below makes it from ц and ч, so only words written in Latin go through this. ISO 9
 * writes ц as c: its "Kuznecov" (Кузнецов) no longer meets "Kuznetsov", while its c before a
 * consonant, e and i still folds as ts does ("Reuckij"). Both sides of a match compute keys
 * alike, so English words that change ("conference" → "konference") still meet each other.
 */
function latinAsRussianWrites(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/c(?=[aou])/g, 'k');
}

// Words whose final "s" is no plural, which Porter's stemmer would fold into another word:
// "news" into "new" ("news about Qrator" found "new root domains"), "customs" into "custom".
const unstemmed = new Set(['news', 'customs']);

const countryOfAdjective = (word: string): string | undefined =>
  demonyms.get(word) ?? (word.endsWith('s') ? demonyms.get(word.slice(0, -1)) : undefined);

const cyrillic = /\p{Script=Cyrillic}/u;

export function hasCyrillic(text: string): boolean {
  return cyrillic.test(text);
}

/** Cyrillic to Latin by the passport scheme; lower case, ASCII. */
export function transliterate(text: string): string {
  return iuliia
    .translate(text, iuliia.ICAO_DOC_9303)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const americanSpellings: ReadonlyMap<string, string> = new Map(Object.entries(britishSpellings as Record<string, string>));

/**
 * The transliteration schemes of Russian (ISO 9 / GOST 7.79, BGN/PCGN, the passport schemes
 * old and new, Wikipedia's, German and French habits) differ in a small set of places. Each
 * rule maps all of a place's spellings to one:
 *
 * - щ: shch, sch, šč (sc once marks are gone), ŝ → s; ш: sh → s; ж: zh → z;
 *   х: kh → h; ч: ch, tch → c; ц: ts, tc → c. (ISO 9 writes č, ž, š, c, which lose their marks.)
 * - кс: x → ks.  w → v (German "Woronow").
 * - й, ы and the soft sign's y/j: y and j → i, so ий, iy, ii, y, ij all become i after
 *   doubled letters are folded ("Dmitriy", "Dmitrii", "Dmitry", "Dmitrij").
 * - doubled letters → one ("Kirill"/"Kiril", "Rossii").
 * - я, ю, е, ё after a consonant or soft sign: ia/ya/ja → a, iu/yu/ju → u, ie/ye/je → e,
 *   io/yo/jo → e (ё is written e by the passport scheme): "Vorobyev", "Vorobiev", "Vorobjov",
 *   "Vorobyov" and "Vorobev" all become "vorobev".
 *
 * English words go through the same rules; that is harmless, since both sides do, and an
 * English word rarely folds into another one.
 */
export function foldTransliteration(word: string): string {
  return word
    .replace(/shch|sch|sc/g, 's')
    .replace(/sh/g, 's')
    .replace(/zh/g, 'z')
    .replace(/kh/g, 'h')
    .replace(/tch/g, 'c')
    .replace(/ch/g, 'c')
    .replace(/t[sc]/g, 'c')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/i([aeou])/g, (_match, vowel: string) => (vowel === 'o' ? 'e' : vowel));
}
