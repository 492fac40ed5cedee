import { createRequire } from 'node:module';
import type compromise from 'compromise';
import { z } from 'zod';
import { searchKey } from '../text/normalize.ts';
import { russianStemOnce } from '../text/russian-stem.ts';
import { type SourceLanguage, splitSentences } from './source-text.ts';
import type { Token } from './tokens.ts';

/** A name in the text that matches no entity: what it seems to be, and where. */
export interface NameCandidate {
  start: number;
  end: number;
  text: string;
  type: 'Person' | 'Organization' | 'Body' | 'Event' | 'Document';
}

const englishTitles =
  'director|head|chair|chairman|chairwoman|president|founder|co-founder|ceo|chief|deputy|secretary|minister|executive|manager|member';
const personAfter = new RegExp(`^,\\s+(?:the\\s+|a\\s+)?(?:${englishTitles})\\b|^\\s+(?:said|says|noted|added|stressed|told)\\b`, 'iu');
const personBefore = new RegExp(`\\b(?:${englishTitles}|according to)\\s+$`, 'iu');

// Acronyms of the trade that name no organization: a text may use them over and over.
const commonAcronyms = new Set([
  'TLD',
  'CCTLD',
  'GTLD',
  'DNS',
  'DNSSEC',
  'ICT',
  'IT',
  'IP',
  'ISP',
  'IXP',
  'URL',
  'IDN',
  'IOT',
  'DDOS',
  'API',
  'SMS',
  'PDF',
  'HTTP',
  'HTTPS',
  'SSL',
  'TLS',
  'BGP',
  'RPKI',
  'CEO',
  'CTO',
  'CIO',
  'NGO',
  'AI',
  'VPN',
  'GDP',
  'PR',
  'ИТ',
  'ИКТ',
  'ДНС',
]);

// compromise holds about 35 MB once loaded (its lexicon and rules), and only ingestion reads
// with it: loaded on first use, a server that never ingests never pays for it.
let loaded: typeof compromise | undefined;
function nlp(text: string): ReturnType<typeof compromise> {
  loaded ??= requireCompromise();
  return loaded(text);
}
function requireCompromise(): typeof compromise {
  return createRequire(import.meta.url)('compromise');
}

const offsets = z.array(z.object({ text: z.string(), offset: z.object({ start: z.number(), length: z.number() }) }));

// Head words that tell what a capitalized name is. English words are matched as written, Russian
// ones by their stem, so that every case of "Ассоциация" counts.
const englishHeads: [RegExp, NameCandidate['type']][] = [
  [/^(?:Forum|Summit|Conference|Congress|Week|Meeting|Session|Hackathon|School|Festival|Expo)$/u, 'Event'],
  [/^(?:Council|Committee|Group|Union|Assembly|Constituency|Commission|Board|Task|Working)$/u, 'Body'],
  [/^(?:Resolution|Report|Declaration|Law|Convention|Strategy|Charter|Act|Treaty)$/u, 'Document'],
  [
    /^(?:Institute|Association|Foundation|Agency|Ministry|University|Center|Centre|Registry|Society|Company|Corporation|Bank|Alliance|Authority|Service|Labs?|Networks?|Technologies|Inc|Ltd|LLC|Academy|Department|Office|Exchange|Telecom|Telecommunications|Communications|Systems|Solutions|Software|Holdings?|Partners|Media)$/u,
    'Organization',
  ],
];

const russianHeads: [string[], NameCandidate['type']][] = [
  [['форум', 'саммит', 'конференц', 'конгресс', 'недел', 'хакатон', 'фестивал', 'школ'], 'Event'],
  [['совет', 'комитет', 'групп', 'комисс', 'ассамбле', 'союз'], 'Body'],
  [['резолюц', 'доклад', 'деклараци', 'закон', 'конвенц', 'стратег', 'хартия', 'доктрин'], 'Document'],
  [
    [
      'министерств',
      'ассоциац',
      'фонд',
      'центр',
      'институт',
      'агентств',
      'федерац',
      'университет',
      'служб',
      'академ',
      'палат',
      'корпорац',
      'компан',
      'банк',
      'альянс',
      'департамент',
      'управлен',
      'регистратур',
      'лаборатор',
    ],
    'Organization',
  ],
];

// Words that end a Russian name that grows to the right ("Фонд развития сетей в регионе").
const russianStops = new Set([
  'в',
  'на',
  'с',
  'со',
  'о',
  'об',
  'по',
  'для',
  'от',
  'к',
  'из',
  'за',
  'при',
  'что',
  'который',
  'которая',
  'которые',
  'а',
  'но',
  'как',
  'и',
]);
// After its head word a Russian name goes on in the genitive ("Фонд развития сетей", "Ассоциация
// операторов связи"); a word in another form (a verb, an accusative) ends it.
const genitiveLike = /(?:а|я|ов|ев|ёв|ей|ий|ых|их|ого|его|ой|ы|и|ии)$/u;
// A name opened by a capitalized adjective: "Сибирский", "Российская", "Уральском".
const adjectiveLike = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их)$/u;
// Words for people's roles: "Генеральный директор компании" is a title, not a name.
/** Whether the words at `index` are "и" and a genitive that carry a name on ("сетей и сервисов"). */
function andGenitive(tokens: Token[], index: number): boolean {
  const next = tokens[index + 1];
  return tokens[index]?.text === 'и' && next !== undefined && /^\p{Ll}/u.test(next.text) && genitiveLike.test(next.text);
}

const roleWords = /^(?:директор|руководител|глав|председател|президент|министр|заместител|основател|член|представител|специалист|эксперт)/u;
const surname =
  /(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|ова|ева|ёва|ина|ына|енко|ук|юк|ян|дзе|швили|ых|их)(?:а|у|ым|ом|ой|е|ы|ого|ому|ую)?$/u;
const capitalized = (token: Token) => /^\p{Lu}\p{Ll}/u.test(token.text);
const acronym = (token: Token) => /^[\p{Lu}]{3,}$/u.test(token.text);

function russianHead(token: Token): NameCandidate['type'] | undefined {
  const stem = russianStemOnce(token.text.toLowerCase());
  return russianHeads.find(([stems]) => stems.some((head) => stem.startsWith(head)))?.[1];
}

/**
 * Capitalized names the matcher did not link. English: compromise's people and organizations
 * (its lexicon and rules ship with the package), then capitalized runs ending in a head word
 * ("… Forum", "… Institute"). Russian (no maintained Russian NER runs in Node, see
 * docs/ingestion.md): two capitalized words whose second ends like a surname are a person; a
 * capitalized head word ("Ассоциация", "Форум", any case) opens a name that runs on through
 * the following words up to a preposition or punctuation; an acronym of three or more capitals
 * is an organization. `taken` says whether a token already belongs to a linked mention.
 */
export function findNewNames(text: string, tokens: Token[], lang: SourceLanguage, taken: (index: number) => boolean): NameCandidate[] {
  const found: NameCandidate[] = [];
  const free = (from: number, to: number) => {
    for (let index = from; index < to; index++) if (taken(index)) return false;
    return !found.some((name) => (tokens[from]?.start ?? 0) < name.end && name.start < (tokens[to - 1]?.end ?? 0));
  };
  const add = (from: number, to: number, type: NameCandidate['type']) => {
    const first = tokens[from];
    const last = tokens[to - 1];
    if (!first || !last || to <= from || !free(from, to)) return;
    found.push({ start: first.start, end: last.end, text: text.slice(first.start, last.end), type });
  };
  const joined = (left: number) => {
    const a = tokens[left];
    const b = tokens[left + 1];
    return a !== undefined && b !== undefined && /^[\s\-&]{1,2}$/u.test(text.slice(a.end, b.start));
  };
  const tokenRange = (start: number, end: number): [number, number] | undefined => {
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tokens[middle]?.start ?? 0) < start) low = middle + 1;
      else high = middle;
    }
    const from = low < tokens.length ? low : -1;
    let to = from;
    while (to < tokens.length && (tokens[to]?.end ?? Number.POSITIVE_INFINITY) <= end) to++;
    return from < 0 || to <= from ? undefined : [from, to];
  };

  if (lang === 'en') {
    const fromCompromise = (json: unknown, type: NameCandidate['type'], base: number) => {
      for (const { offset } of offsets.parse(json)) {
        const range = tokenRange(base + offset.start, base + offset.start + offset.length);
        if (!range) continue;
        // Only names written as names: compromise also tags "the minister" as a person.
        // A leading "the" is not part of the name ("the Internet Society").
        while (range[0] < range[1] && /^the$/iu.test(tokens[range[0]]?.text ?? '')) range[0] += 1;
        const words = tokens.slice(range[0], range[1]);
        if (words.length === 0 || !words.every((token) => capitalized(token) || acronym(token) || /^(?:of|for|and|the)$/u.test(token.text)))
          continue;
        // One capitalized word is too often not a name ("Internet"); an acronym is one.
        if (words.length < 2 && !(words[0] && acronym(words[0]) && !commonAcronyms.has(words[0].text))) continue;
        // compromise reads across line breaks and commas; a name does not.
        let to = range[0] + 1;
        while (to < range[1] && joined(to - 1)) to++;
        if (type === 'Person' && to - range[0] < 2) continue;
        add(range[0], to, type);
      }
    };
    // Heads first: "Lisbon Digital Forum" is an event even where compromise calls it a company.
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (!token) continue;
      const head = englishHeads.find(([pattern]) => pattern.test(token.text))?.[1];
      if (!head) continue;
      let from = index;
      while (from > 0 && joined(from - 1)) {
        const previous = tokens[from - 1];
        if (!previous || !(capitalized(previous) || acronym(previous))) break;
        from--;
      }
      let to = index + 1;
      // "Institute for Public Networks", "Council of Europe".
      while (to + 1 < tokens.length && /^(?:of|for|on)$/u.test(tokens[to]?.text ?? '') && joined(to - 1) && joined(to)) {
        let end = to + 1;
        while (end < tokens.length && capitalized(tokens[end] as Token) && joined(end - 1)) end++;
        if (end === to + 1) break;
        to = end;
      }
      if (to - from >= 2) add(from, to, head);
    }
    // compromise tags every word it reads, and that is most of an ingestion's time: it reads only
    // the sentences where two capitalized words that name nothing known stand together.
    for (const sentence of splitSentences(text)) {
      let open = false;
      for (let index = 0; index + 1 < tokens.length && !open; index++) {
        const first = tokens[index];
        const second = tokens[index + 1];
        if (!first || !second || first.start < sentence.start) continue;
        if (second.end > sentence.end) break;
        open = capitalized(first) && (capitalized(second) || acronym(second)) && !taken(index) && !taken(index + 1) && joined(index);
      }
      if (!open) continue;
      const document = nlp(text.slice(sentence.start, sentence.end));
      fromCompromise(document.people().json({ offset: true }), 'Person', sentence.start);
      fromCompromise(document.organizations().json({ offset: true }), 'Organization', sentence.start);
    }
    // People compromise's lexicon does not know ("Aigerim Nurlanova"): two capitalized words next
    // to a title ("…, chair of", "director …") or a verb of saying.
    for (let index = 0; index + 1 < tokens.length; index++) {
      const first = tokens[index];
      const second = tokens[index + 1];
      if (!first || !second || !capitalized(first) || !capitalized(second) || !joined(index) || taken(index) || taken(index + 1)) continue;
      const after = text.slice(second.end, second.end + 40);
      const before = text.slice(Math.max(0, first.start - 30), first.start);
      if (!personAfter.test(after) && !personBefore.test(before)) continue;
      // "Central Asia said": compromise knows places and organizations by name.
      const pair = nlp(text.slice(first.start, second.end));
      if (pair.places().found || pair.organizations().found) continue;
      add(index, index + 2, 'Person');
    }
  } else {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      const next = tokens[index + 1];
      if (!token || !capitalized(token)) continue;
      let head = russianHead(token);
      // "Сибирский доменный форум", "Российская ассоциация сетей": a capitalized adjective opens
      // the name, and a head word a few lowercase words on says what it is.
      if (!head) {
        const opensName = adjectiveLike.test(token.text.toLowerCase()) && !russianStops.has(token.text.toLowerCase());
        for (let ahead = index + 1; opensName && ahead <= index + 3 && ahead < tokens.length && joined(ahead - 1); ahead++) {
          const word = tokens[ahead];
          if (!word || !/^\p{Ll}/u.test(word.text) || taken(ahead) || russianStops.has(word.text) || roleWords.test(word.text)) break;
          const found = russianHead(word);
          if (found) {
            let to = ahead + 1;
            while (to < tokens.length && to - index < 8 && joined(to - 1)) {
              const next = tokens[to];
              if (andGenitive(tokens, to) && joined(to)) {
                to += 2;
                continue;
              }
              if (!next || russianStops.has(next.text.toLowerCase()) || taken(to) || !/^\p{Ll}/u.test(next.text)) break;
              if (!genitiveLike.test(next.text.toLowerCase())) break;
              to++;
            }
            add(index, to, found);
            head = found;
            break;
          }
        }
        if (head) continue;
      }
      if (head) {
        let to = index + 1;
        while (to < tokens.length && to - index < 7 && joined(to - 1)) {
          const word = tokens[to];
          if (andGenitive(tokens, to) && joined(to)) {
            to += 2;
            continue;
          }
          if (!word || russianStops.has(word.text.toLowerCase())) break;
          if (taken(to)) break;
          // Capitalized words go on a name ("Центр Президента"); lowercase ones only in the genitive.
          if (/^\p{Ll}/u.test(word.text) && !genitiveLike.test(word.text)) break;
          to++;
        }
        if (to - index >= 2) add(index, to, head);
        continue;
      }
      if (next && capitalized(next) && joined(index) && surname.test(next.text.toLowerCase()) && /\p{Script=Cyrillic}/u.test(token.text)) {
        add(index, index + 2, 'Person');
        index++;
      }
    }
    // «Ростелеком», компания «Яндекс»: quoted names after an organization or event word.
    for (const match of text.matchAll(/(\p{L}+)\s+«([^»]{2,60})»/gu)) {
      const before = russianStemOnce((match[1] ?? '').toLowerCase());
      const type = russianHeads.find(([stems]) => stems.some((head) => before.startsWith(head)))?.[1];
      if (!type) continue;
      const start = match.index + match[0].indexOf('«');
      const range = tokenRange(start, start + (match[2]?.length ?? 0) + 2);
      if (range) add(range[0], range[1], type);
    }
  }
  // An unknown acronym is an organization when the text uses it as a name: twice or more, or
  // spelled out before it in brackets. Once, it is as likely a common word ("ICT", "TLD").
  const uses = new Map<string, number>();
  for (const token of tokens) if (acronym(token)) uses.set(token.text, (uses.get(token.text) ?? 0) + 1);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!token || !acronym(token) || token.tld || commonAcronyms.has(token.text)) continue;
    const bracketed = text[token.start - 1] === '(' && text[token.end] === ')';
    if ((uses.get(token.text) ?? 0) >= 2 || bracketed) add(index, index + 1, 'Organization');
  }
  return found.sort((a, b) => a.start - b.start);
}

/** A new person's surname written alone, and the full name it stands for. */
export interface SurnameMention {
  start: number;
  end: number;
  text: string;
  person: NameCandidate;
}

/**
 * A new person's surname written alone after their full name, in any case ("Игорь Лебедев …
 * Лебедев сказал", "директор … Лебедева"; "Lena Markova … Markova said"): the same person, as
 * the matcher links a known person's surname only where the text names them in full. Tokens'
 * keys carry the Russian stem, so the cases meet. A surname two new people share names neither,
 * and one written beside another capitalized word is part of another name ("Ольга Лебедева").
 */
export function surnameMentions(
  text: string,
  tokens: Token[],
  names: readonly NameCandidate[],
  taken: (index: number) => boolean,
): SurnameMention[] {
  const inName = (token: Token) => names.some((name) => token.start < name.end && name.start < token.end);
  const bySurname = new Map<string, NameCandidate | null>();
  for (const person of names.filter((name) => name.type === 'Person')) {
    const words = tokens.filter((token) => token.start >= person.start && token.end <= person.end);
    const last = words.at(-1);
    if (words.length < 2 || !last) continue;
    const known = bySurname.get(last.key);
    if (known === undefined) bySurname.set(last.key, person);
    else if (known !== null && searchKey(known.text) !== searchKey(person.text)) bySurname.set(last.key, null);
  }
  const nameWord = (token: Token | undefined, gap: string) => token !== undefined && capitalized(token) && /^\s+$/u.test(gap);
  const found: SurnameMention[] = [];
  tokens.forEach((token, index) => {
    const person = bySurname.get(token.key);
    if (!person || taken(index) || inName(token) || !capitalized(token) || token.start < person.end) return;
    const before = tokens[index - 1];
    const after = tokens[index + 1];
    if (nameWord(before, text.slice(before?.end ?? 0, token.start)) || nameWord(after, text.slice(token.end, after?.start ?? 0))) return;
    found.push({ start: token.start, end: token.end, text: token.text, person });
  });
  return found;
}
