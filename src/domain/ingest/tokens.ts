import { hasCyrillic, matchKeyOfNameWord } from '../text/match-key.ts';
import { searchKey } from '../text/normalize.ts';
import { russianStem } from '../text/russian-stem.ts';
import { tldForms } from '../text/tld-forms.ts';

/** A word of a text, with its place in the text (UTF-16 indices, end exclusive). */
export interface Token {
  /** The word as written. */
  text: string;
  start: number;
  end: number;
  /** The form names are compared in: see tokenKey. */
  key: string;
  /** True for a domain written with its dot (".RU", ".рф"). */
  tld: boolean;
}

// Words are runs of letters, digits and combining marks; a dot directly before letters, where
// no word precedes it, starts a TLD (".RU", "/.РФ"): names like "TLD .RU/.РФ" keep their zones.
const wordPattern = /\.xn--[a-z0-9-]+|\.?[\p{L}\p{N}\p{M}]+/giu;

const isAcronym = (written: string): boolean => /^[\p{Lu}\p{N}]+$/u.test(written) && /\p{Lu}/u.test(written);

/**
 * The key a word is matched by, the same for an alias's words and a text's words:
 * search's normalization (src/domain/text/normalize.ts: case, ё/е, accents), then for Cyrillic
 * the Russian stem, then search's match key (transliteration to Latin, British to American
 * spelling, English stem, folded transliteration variants), but for a country's adjective,
 * which in a text describes and does not name ("the Belarusian side"). So "Воробьёва",
 * "Воробьеву" and "Воробьев" share a key, as do "Centre" and "Center". A TLD's key is its ASCII
 * form.
 */
export function tokenKey(written: string): string {
  let key = keys.get(written);
  if (key === undefined) {
    // Bounded: names and texts repeat their words, and a graph's vocabulary is far smaller
    // than its number of names, so building the matcher mostly hits.
    if (keys.size >= maxCachedKeys) keys.clear();
    key = computeTokenKey(written);
    keys.set(written, key);
  }
  return key;
}

const keys = new Map<string, string>();
const maxCachedKeys = 200_000;

function computeTokenKey(written: string): string {
  if (written.startsWith('.')) {
    const forms = tldForms(written);
    return forms.find((form) => /^\.[a-z0-9-]+$/.test(form)) ?? searchKey(written);
  }
  const normalized = searchKey(written);
  if (normalized === '') return '';
  const stemmed = hasCyrillic(normalized) && !isAcronym(written) && normalized.length > 3 ? russianStem(normalized) : normalized;
  return matchKeyOfNameWord(stemmed);
}

/** The words of a text with their offsets and keys. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(wordPattern)) {
    let written = match[0];
    let start = match.index;
    // A dot after a word is the end of a sentence or a domain's inner dot, not a TLD.
    if (written.startsWith('.') && ((start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) || /^\.\p{N}/u.test(written))) {
      written = written.slice(1);
      start += 1;
    }
    const key = tokenKey(written);
    if (key === '') continue;
    tokens.push({ text: written, start, end: start + written.length, key, tld: written.startsWith('.') });
  }
  return tokens;
}

/** True when the word starts with a capital letter or a digit, or is a TLD. */
export function looksLikeName(token: Token): boolean {
  return token.tld || /^[\p{Lu}\p{N}]/u.test(token.text);
}

export function isWrittenAcronym(token: Token): boolean {
  return isAcronym(token.text) && token.text.length >= 2;
}
