import { convert } from 'html-to-text';

export type SourceFormat = 'text' | 'html';

/** Whether an input is HTML: its first tag-like thing is a known opening. */
export function looksLikeHtml(input: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<(?:head|body|article|p|div|h[1-6]|section|main)[\s>])/i.test(input);
}

/**
 * The text a source is stored and annotated as. HTML goes through html-to-text (maintained,
 * used widely for mail bodies): block elements become line breaks, links keep their words
 * only, scripts and styles are dropped. Offsets of mentions and proposals are indices into
 * this reduced text, which the Source stores, never into the HTML.
 */
export function reduceToText(input: string, format: SourceFormat): string {
  const text =
    format === 'html'
      ? convert(input, {
          wordwrap: false,
          selectors: [
            { selector: 'a', options: { ignoreHref: true } },
            { selector: 'img', format: 'skip' },
            { selector: 'h1', options: { uppercase: false } },
            { selector: 'h2', options: { uppercase: false } },
            { selector: 'h3', options: { uppercase: false } },
            { selector: 'h4', options: { uppercase: false } },
            { selector: 'h5', options: { uppercase: false } },
            { selector: 'h6', options: { uppercase: false } },
            { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
          ],
        })
      : input;
  // One line ending everywhere, so that offsets do not depend on the editor that saved the file.
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

export type SourceLanguage = 'en' | 'ru';

/**
 * The language of a text, when its sender does not say: Cyrillic letters against Latin ones.
 * The graph's sources are English or Russian, and for those two the script decides (a Russian
 * article quoting "ICANN" and ".RU" is still mostly Cyrillic); a statistical detector such as
 * franc guesses among hundreds of languages and misreads short English texts as Scots.
 */
export function detectLanguage(text: string): SourceLanguage {
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return cyrillic > latin * 0.5 ? 'ru' : 'en';
}

export interface Sentence {
  start: number;
  end: number;
}

// Abbreviations after which a full stop does not end a sentence.
const abbreviations = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'vs',
  'inc',
  'ltd',
  'co',
  'jr',
  'e.g',
  'i.e',
  'etc',
  'т',
  'г',
  'гг',
  'им',
  'д',
  'ул',
  'см',
  'т.е',
  'т.д',
  'т.п',
  'др',
  'проф',
]);

/**
 * Sentences as offset ranges: a sentence ends at ".", "!" or "?" (or a paragraph break)
 * followed by a space and a capital letter, a digit or a quote; initials ("A. Vorobyev") and
 * abbreviations do not end one, nor does the dot of a TLD (".RU").
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let from = start;
    while (from < end && /\s/u.test(text[from] ?? '')) from++;
    let to = end;
    while (to > from && /\s/u.test(text[to - 1] ?? '')) to--;
    if (to > from) sentences.push({ start: from, end: to });
  };
  const boundary = /(?:[.!?…]+["»”)]*)(?=\s+["«“(]?[\p{Lu}\p{N}])|\n\s*\n|\n(?=\s*[\p{Lu}\p{N}"«])/gu;
  for (const match of text.matchAll(boundary)) {
    const at = match.index;
    if (match[0].startsWith('.')) {
      const before = text.slice(Math.max(0, at - 12), at);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
      // An initial ("A.") or a known abbreviation.
      if (/^\p{Lu}$/u.test(word) || abbreviations.has(word.toLowerCase())) continue;
    }
    push(at + match[0].length);
    start = at + match[0].length;
  }
  push(text.length);
  return sentences;
}
