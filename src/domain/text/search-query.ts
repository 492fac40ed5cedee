import { distance } from 'fastest-levenshtein';
import { type EntityLabel, graphEntityLabels } from '../graph.ts';
import type { EntityRow } from '../stored-entity.ts';
import { foldTransliteration, hasCyrillic, matchKey, transliterate } from './match-key.ts';
import { searchKey, searchWords } from './normalize.ts';
import { borrowedEnglish } from './russian-borrowings.ts';
import { englishFor } from './russian-glossary.ts';
import { russianStem } from './russian-stem.ts';
import { labelsNamedBy, type SearchField, type SearchSource, type SearchWeight, searchedFields } from './search-forms.ts';
import { tldForms } from './tld-forms.ts';

/**
 * From what a person types to the parameters of cypher/queries/search.cypher, and back from a
 * hit to the field that matched. Everything here is pure: the benchmark builds the same
 * parameters with `searchStatementParameters` to call the same statement.
 */

export interface QueryWord {
  /** The word normalized (searchKey): what the names field holds. */
  text: string;
  /** Its match key: what the variants and details fields hold. */
  key: string;
  /** Edits allowed: 0 for short words, 1 from 5 letters, 2 from 8 (Lucene allows at most 2). */
  edits: number;
  /**
   * Edits allowed in the match key, by the key's own length and never more than `edits`: a key
   * can be much shorter than the word ("phishing" → "fis"), and two edits in three letters
   * would find "mis" (missing), "pas" (passes) and "pus" (pushing).
   */
  keyEdits: number;
  /** A content word: the strict query requires it. Stop words only add to the score. */
  required: boolean;
  /** Other words that mean the same here: abbreviations, and the English of a Russian word (russian-glossary.ts). */
  synonyms: string[];
  /**
   * The word written together with its neighbour in the query, as the data may write it:
   * "cyber security" is "cybersecurity", "bot nets" "botnets", "d dos" "ddos". Each word of the
   * pair also matches the joined form, so an entity that holds it matches both words. A Cyrillic
   * pair also gives the joined word's English: "кибер безопасность" is "cybersecurity".
   */
  joined: { text: string; key: string }[];
  /**
   * The initials of the runs of three or four content words the word is in ("chief technology
   * officer" is "cto"): matched as a name is written and as a position's title, never as a match
   * key, which short words share ("mis" is the key of "missing").
   */
  initialisms: string[];
  /**
   * A Russian word's stem, as the start of the forms it has in any case: "Координационного" is
   * "координацион…", which "Координационный" (an alias) and "koordinacionnii" (its key) begin
   * with. Searched as a prefix only; none for other words.
   */
  stem: { text: string; key: string } | null;
}

/**
 * The parameters of cypher/queries/search.cypher. The statement asks the index in up to three
 * stages, each only when the ones before found fewer than the page needs: typos cost a fuzzy
 * expansion of the term dictionary, so they are tried only when the words as typed (whole, as a
 * prefix or as a match key) do not fill the page.
 */
export interface SearchParameters {
  /** Lucene: every content word required, as typed, as a prefix or as a match key. */
  all: string;
  /** Lucene: every content word required, typos allowed; null when no word is long enough for one. */
  allTypos: string | null;
  /** Lucene: any word, typos allowed; null for a query of one word (then it is allTypos or all). */
  any: string | null;
  /** The query's normalized forms: an entity with a name, alias or form exactly this comes first. */
  exact: string[];
  /** The same as match keys ("Andrei Vorobiev" is exactly "Andrey Vorobyev"). */
  exactKeys: string[];
  /**
   * The content words, when there are several: a person's positions and a statement's speakers
   * are compared with them, and a hit that holds only some of them ranks by how many it holds.
   */
  positionWords: CoveredWord[];
  /**
   * The entity types the query names by their word ("memorandum", "MoU", "article",
   * "statement"): of hits that match alike, those of these types come first.
   */
  typeLabels: EntityLabel[];
}

/**
 * A content word as the statement compares it with an entity's stored words, by the rules of the
 * Lucene clauses below: the word or its key, joined with a neighbour or an abbreviation, whole
 * (`forms`) or as the start of a stored word (`prefixes`). Typos are not compared.
 */
export interface CoveredWord {
  text: string;
  key: string;
  forms: string[];
  prefixes: string[];
  /** For a word that asks for whoever leads ("head", "руководитель"): the whole titles that do. */
  leaderTitles: string[];
  /** A word that asks who signed ("signed", "signatory", "подписал"): every signature of a memorandum holds it. */
  signing: boolean;
  /** A word that asks what was said ("said", "spoke", "заявил"): every speaker of a statement holds it. */
  saying: boolean;
  /** A word that asks who runs a domain ("manages", "administrator", "управляет"): every MANAGES relation holds it. */
  managing: boolean;
  /** A word that asks for members ("members", "члены"): every MEMBER_OF relation holds it. */
  membership: boolean;
  /** The entity types the word names ("domain", "MoU", "меморандум"): an entity of one holds it among its names. */
  types: EntityLabel[];
  /** Its initialisms (QueryWord.initialisms), which a position's title holds as written. */
  initialisms: string[];
}

// The words that ask who leads, as typed (a Russian one through its glossary English). Not by
// match key, which would take "leading" too: "leading anti-DDoS company" put MSK-IX's Director
// before Qrator Labs.
const leaderWords = new Set(['head', 'heads', 'headed', 'leader', 'leaders', 'leads', 'led']);
// "head of the Coordination Center" asks for whoever leads it, whom the data calls its Director:
// a position whose whole title is one of these holds the word. Whole titles only: a "GR
// Director" or a "Deputy Director" leads no organization, nor does the "Chair of the Executive
// Committee" lead the association whose committee it chairs.
const leaderTitles = [
  ...['head', 'director', 'acting director', 'director general', 'general director', 'executive director'],
  ...['managing director', 'president', 'chair', 'chairman', 'chairwoman', 'chairperson', 'ceo'],
  ...['chief executive officer', 'secretary general', 'secretary-general'],
];

// The words that ask who signed, as typed (a Russian one through its glossary English):
// "memorandum signed by Pavlyuchenko" is the memorandum one of whose signatories is named.
const signingWords = new Set(['sign', 'signs', 'signed', 'signing', 'signatory', 'signatories', 'signer', 'signers']);
// The words that ask what someone said: "what Vorobyev said about ICANN" is a statement of his
// whose heading names ICANN. Not "state", which is as often a country or a government.
const sayingWords = new Set(['say', 'says', 'said', 'saying', 'speak', 'speaks', 'spoke', 'speaking', 'stated', 'told']);
// The words that ask who runs a top-level domain: "who manages .su" is its registries, "registrar
// of .by" the OAC, which a source calls so (MANAGES's roles include registrar), "registry for
// .moscow" FAITID (the domain held its words as well, and came first). Not "operator", which
// names telecom operators as often as a domain's.
const managingWords = new Set([
  ...['manage', 'manages', 'managed', 'managing', 'manager', 'run', 'runs', 'running', 'administer', 'administers'],
  ...['administered', 'administrator', 'operate', 'operates', 'operated', 'owner', 'owns', 'registrar', 'registrars'],
  ...['registry', 'registries'],
]);

// The words that ask who belongs to a body or an association: "ISPCP members" is the
// constituency, whose members hold the word, before the application whose name says "membership".
const membershipWords = new Set(['member', 'members', 'membership', 'memberships']);

function coveredWord(word: QueryWord): CoveredWord {
  const forms = [
    word.text,
    word.key,
    ...word.joined.flatMap((joined) => [joined.text, joined.key]),
    ...word.synonyms.flatMap((synonym) => [synonym, matchKey(synonym)]),
  ];
  const prefixes = [
    ...(word.text.length >= 3 ? [word.text] : []),
    ...(word.key.length >= 4 ? [word.key] : []),
    ...(word.stem ? [word.stem.text, word.stem.key] : []),
  ];
  // As typed, or a Russian word through its glossary English; not by match key (see leaderWords).
  const asks = (words: ReadonlySet<string>) => [word.text, ...word.synonyms].some((form) => words.has(form));
  return {
    text: word.text,
    key: word.key,
    forms: [...new Set(forms)],
    prefixes: [...new Set(prefixes)],
    leaderTitles: asks(leaderWords) ? leaderTitles : [],
    signing: asks(signingWords),
    saying: asks(sayingWords),
    managing: asks(managingWords),
    membership: asks(membershipWords),
    types: labelsNamedBy([word.key, ...word.synonyms.map((synonym) => matchKey(synonym))]),
    initialisms: word.initialisms,
  };
}

export interface SearchPlan extends SearchParameters {
  words: QueryWord[];
}

// Lucene's English stop words, with a few more words that carry no meaning in a search for a
// name, and the Russian prepositions and conjunctions. They still count, with a low weight,
// but a query does not require them: "memorandum between the Coordination Center and RIPN
// about .SU" needs no entity to contain "the", "and" or "about".
const stopWords = new Set([
  ...['a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not', 'of', 'on', 'or'],
  ...['such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with'],
  ...['about', 'from', 'who', 'whom', 'what', 'which', 'where', 'when', 'its', 'his', 'her', 'all', 'any'],
  ...['и', 'в', 'во', 'на', 'с', 'со', 'по', 'о', 'об', 'для', 'при', 'от', 'до', 'из', 'к', 'у', 'за', 'не'],
  ...['кто', 'что', 'где', 'когда'],
  // The words of a question around a name: "what is ISPCP", "что такое РИПН".
  ...['how', 'whose', 'does', 'did', 'такое', 'это', 'как', 'какой', 'какая', 'какие', 'чей', 'чья'],
]);

// Abbreviations people type for a word that the data spells out, or the other way round, and
// words for a narrower kind of a thing the data names more broadly. A synonym is searched like
// the word itself, at a slightly lower weight.
const synonymPairs: readonly (readonly [string, string])[] = [
  ['msk', 'moscow'],
  ['spb', 'petersburg'],
  ['intl', 'international'],
  ['govt', 'government'],
  ['dept', 'department'],
  ['assoc', 'association'],
  ['univ', 'university'],
  ['corp', 'corporation'],
  // A ccTLD or gTLD is a TLD: "ccTLD .ru registry" is the Coordination Center for TLD .RU.
  ['cctld', 'tld'],
  ['gtld', 'tld'],
];
// A title the data abbreviates, spelled out: the word leads to the abbreviation and not back, as
// a CTO's title is technical but "technical" alone names no CTO ("технический директор Qrator").
const abbreviatedAs: readonly (readonly [string, string])[] = [['technical', 'cto']];
// Plurals the match key does not fold to their singular, one way, as the stored type word is
// singular: "memoranda of the Coordination Center" names memoranda (a type word) and finds them.
const pluralOf: readonly (readonly [string, string])[] = [['memoranda', 'memorandum']];
const synonyms = new Map<string, string[]>();
const addSynonym = (word: string, synonym: string) => synonyms.set(word, [...(synonyms.get(word) ?? []), synonym]);
for (const [a, b] of synonymPairs) {
  addSynonym(a, b);
  addSynonym(b, a);
}
for (const [word, synonym] of [...abbreviatedAs, ...pluralOf]) addSynonym(word, synonym);

const isLoneLetter = (word: string) => /^\p{L}$/u.test(word);

/** Lucene's FuzzyQuery allows at most 2 edits; a short word with any edit matches too much. */
export function allowedEdits(word: string): number {
  if (/\p{N}/u.test(word)) return 0;
  const length = [...word].length;
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

// Every word is a handful of Lucene clauses, and a fuzzy clause expands to up to 50 terms;
// Lucene refuses a query of more than 1024 clauses. Words past these limits are dropped.
const maxWords = 12;
const maxFuzzyWords = 6;
// Two words written together shorter than this ("on" + "e") are more likely a coincidence.
const minJoinedLength = 4;

/** The query's words with their forms. */
export function queryWords(input: string): QueryWord[] {
  const words = searchWords(input).slice(0, maxWords);
  // A word written with a dot before it is a domain: ".by" is not the stop word "by".
  const dotted = new Set([...searchKey(input).matchAll(/\.([\p{L}\p{N}-]+)/gu)].flatMap((match) => searchWords(match[1] ?? '')));
  // A lone letter (an initial, the "T" of "ITU-T") is no stop word, but as little a thing to
  // require: "ITU-T" put AT&T, whose name has a "t", above the ITU.
  const content = words.filter((word) => (!stopWords.has(word) && !isLoneLetter(word)) || dotted.has(word));
  const joinable = (word: string | undefined): word is string =>
    word !== undefined && /^\p{L}+$/u.test(word) && (!stopWords.has(word) || isLoneLetter(word));
  const joinedWith = (index: number, other: number): { text: string; key: string }[] => {
    const [first, second] = [words[Math.min(index, other)], words[Math.max(index, other)]];
    if (!joinable(first) || !joinable(second) || (isLoneLetter(first) && isLoneLetter(second))) return [];
    const text = first + second;
    if (text.length < minJoinedLength) return [];
    const key = matchKey(text);
    // Porter's stemmer may take the second word for a suffix: "vietnammou" stems to "vietnamm",
    // the key of "Vietnam", and then everything that holds "Vietnam" held "MoU" too.
    if (key === matchKey(first) || key === matchKey(second)) return [];
    return [{ text, key }, ...(hasCyrillic(text) ? englishOf(text).map((english) => ({ text: english, key: matchKey(english) })) : [])];
  };
  const initialisms = initialismsOf(content.filter((word) => !dotted.has(word)));
  let fuzzy = 0;
  return words.map((text, index) => {
    const required = content.length === 0 || content.includes(text);
    let edits = required ? allowedEdits(text) : 0;
    if (edits > 0 && ++fuzzy > maxFuzzyWords) edits = 0;
    const key = matchKey(text);
    const keyEdits = Math.min(edits, allowedEdits(key));
    const joined = [...joinedWith(index, index - 1), ...joinedWith(index, index + 1)];
    // A Russian word's English comes first (the query read in English takes it), then what that
    // English word stands for.
    const english = hasCyrillic(text) ? englishOf(text) : [];
    const equivalents = [...new Set([...(synonyms.get(text) ?? []), ...english, ...english.flatMap((word) => synonyms.get(word) ?? [])])];
    return {
      text,
      key,
      edits,
      keyEdits,
      required,
      synonyms: equivalents,
      joined,
      initialisms: initialisms.get(text) ?? [],
      stem: stemOf(text),
    };
  });
}

// A title or a name the data abbreviates is typed spelled out: "chief technology officer" is a
// CTO, "Ministry of Foreign Affairs" the MFA. Three or four content words in a row (stop words
// between them aside) also match their initials. Few, as each is a clause per word it spans.
const initialismSpans = [3, 4];
const maxInitialisms = 6;

/** Each content word's initialisms: those of the runs of three or four content words it is in. */
function initialismsOf(content: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let count = 0;
  for (const span of initialismSpans) {
    for (let start = 0; start + span <= content.length && count < maxInitialisms; start += 1) {
      const run = content.slice(start, start + span);
      if (!run.every((word) => /^[a-z]{2,}$/.test(word))) continue;
      const initials = run.map((word) => word[0]).join('');
      count += 1;
      for (const word of run) found.set(word, [...(found.get(word) ?? []), initials]);
    }
  }
  return found;
}

/** A Cyrillic word's English: the glossary's, or else what its suffix says it was borrowed from. */
function englishOf(text: string): readonly string[] {
  const glossary = englishFor(text);
  return glossary.length > 0 ? glossary : borrowedEnglish(text);
}

// Below five letters a word is most often whole already, and a stem of four says too little: as
// a prefix, "стат" (статья, статьи) began "state", "statement" and "statistics" in the keys.
const minStemmedLength = 5;
const minStemLength = 5;

/**
 * A Cyrillic word's Russian stem, and the stem transliterated and folded as keys are (Porter's
 * English endings aside, which Russian transliterations rarely end in), when it is shorter
 * than the word.
 */
function stemOf(text: string): QueryWord['stem'] {
  if (!hasCyrillic(text) || [...text].length < minStemmedLength) return null;
  const stem = russianStem(text);
  if (stem === text || [...stem].length < minStemLength) return null;
  return { text: stem, key: foldTransliteration(transliterate(stem)) };
}

// Boosts: a word in a name counts most, then its match key in a name (another transliteration,
// spelling or ending), then in a description or another detail. A prefix match ("Vorob") counts
// as a constant, less than a whole word; a typo less than the word itself. A prefix of a key in
// a name is asked only where the key differs from the word (the word's own prefix covers the
// rest): prefix clauses expand to many terms, and cost. In details a prefix finds the adjectives
// that stemming leaves apart ("Belarus" → "Belarusian").
function wordClause(word: QueryWord, typos: boolean): string {
  const { text, key, edits, keyEdits } = word;
  const parts = [`searchText:${text}^4`, `searchVariants:${key}^3`, `searchDetails:${key}^1`];
  if (text.length >= 3) parts.push(`searchText:${text}*^1.5`);
  if (key.length >= 4 && key !== text) parts.push(`searchVariants:${key}*^1`);
  if (key.length >= 4) parts.push(`searchDetails:${key}*^0.3`);
  if (typos && edits > 0) parts.push(`searchText:${text}~${edits}^1.5`);
  if (typos && keyEdits > 0) parts.push(`searchDetails:${key}~${keyEdits}^0.4`);
  for (const synonym of word.synonyms) {
    const synonymKey = matchKey(synonym);
    parts.push(`searchText:${synonym}^3`, `searchVariants:${synonymKey}^2`, `searchDetails:${synonymKey}^0.8`);
  }
  for (const joined of word.joined) {
    parts.push(`searchText:${joined.text}^3`, `searchVariants:${joined.key}^2`, `searchDetails:${joined.key}^0.8`);
  }
  for (const initials of word.initialisms) parts.push(`searchText:${initials}^3`);
  if (word.stem) {
    parts.push(`searchText:${word.stem.text}*^1.5`, `searchVariants:${word.stem.key}*^1`, `searchDetails:${word.stem.key}*^0.3`);
  }
  const clause = `(${parts.join(' ')})`;
  return word.required ? clause : `${clause}^0.2`;
}

/**
 * Clauses that only add to the score, for queries of several words: all of them in one field
 * (a person whose description reads "Vice President of Citadel" over the company Citadel, whose
 * name has one word and whose description the others), and close together in that field, in
 * any order (a sloppy phrase: "Coordination Center director" nearer "Director of the
 * Coordination Center" than "director … greetings for the Coordination Center").
 */
function togetherClauses(words: readonly QueryWord[]): string[] {
  if (words.length < 2) return [];
  const texts = words.map((word) => word.text).join(' ');
  const keys = words.map((word) => word.key).join(' ');
  const slop = 2 * words.length + 2;
  const every = (field: string, forms: readonly string[]) => `${field}:(${forms.map((form) => `+${form}`).join(' ')})`;
  return [
    `${every(
      'searchVariants',
      words.map((word) => word.key),
    )}^2`,
    `${every(
      'searchDetails',
      words.map((word) => word.key),
    )}^2`,
    `searchText:"${texts}"~${slop}^2`,
    `searchVariants:"${keys}"~${slop}^1.5`,
    `searchDetails:"${keys}"~${slop}^1.5`,
  ];
}

/**
 * The statement's parameters for a query, or null when it has no letter or digit. Words are
 * letters and digits only (searchWords), and match keys are made of them, so nothing a user
 * types reaches Lucene's syntax.
 */
export function planSearch(input: string): SearchPlan | null {
  const words = queryWords(input);
  if (words.length === 0) return null;
  const bonus = togetherClauses(words.filter((word) => word.required));
  const query = (typos: boolean, requireAll: boolean) =>
    [...words.map((word) => (requireAll && word.required ? '+' : '') + wordClause(word, typos)), ...bonus].join(' ');
  const all = query(false, true);
  const allTypos = words.some((word) => word.edits > 0) ? query(true, true) : null;
  const any = words.length > 1 ? query(true, false) : null;
  const normalized = searchKey(input);
  const domains = /^\.?[\p{L}\p{N}-]+$/u.test(input.trim()) ? tldForms(input).flatMap((form) => [form, form.slice(1)]) : [];
  // A Russian query read in English, word for word ("международная информационная безопасность"
  // is "international information security"): an entity so named is as exact a match. A Cyrillic
  // word's synonyms are the glossary's alone (the abbreviations are Latin).
  const inEnglish = words.map((word) => (hasCyrillic(word.text) ? word.synonyms[0] : undefined) ?? word.text).join(' ');
  const required = words.filter((word) => word.required);
  // A question around a name is that name: "what is ISPCP" and "что такое РИПН" name the
  // constituency and the institute exactly, not the event and the memorandum whose longer names
  // hold the acronym and, with it, a prefix match for "is".
  const around = required.length < words.length ? [required] : [];
  const named = around.map((content) => content.map((word) => word.text).join(' '));
  const exact = [...new Set([normalized, words.map((word) => word.text).join(' '), inEnglish, ...named, ...domains.map(searchKey)])];
  const keys = words.map((word) => word.key);
  const namedKeys = around.map((content) => content.map((word) => word.key).join(' '));
  // The words written as one, unless the stemmer read the last word as a suffix (joinedWith).
  const joinedKey = words.length > 1 ? [matchKey(words.map((word) => word.text).join(''))].filter((key) => !keys.includes(key)) : [];
  const exactKeys = [...new Set([keys.join(' '), ...namedKeys, ...joinedKey])];
  const positionWords = required.length > 1 ? required.map(coveredWord) : [];
  // A Russian type word ("меморандум") names the type by its English.
  const typeLabels = labelsNamedBy(required.flatMap((word) => [word.key, ...word.synonyms.map((synonym) => matchKey(synonym))]));
  return { words, all, allTypos, any, exact, exactKeys, positionWords, typeLabels };
}

/**
 * Every parameter of cypher/queries/search.cypher, as plain values (numbers, not Bolt integers).
 * None is null, each absence has a value of the parameter's own type (''), and `labels` is never
 * empty: Neo4j plans a statement again for every new combination of its parameters' types, and a
 * null or an empty list is a type of its own (over a second each for this statement).
 */
export interface SearchStatementParameters {
  all: string;
  /** '' when the plan has none. */
  allTypos: string;
  /** '' when the plan has none. */
  any: string;
  exact: string[];
  exactKeys: string[];
  words: CoveredWord[];
  /** Every label of the graph's entities when the request names no type (never empty). */
  labels: readonly EntityLabel[];
  typeLabels: readonly EntityLabel[];
  first: number;
  candidates: number;
  /**
   * For a reference's candidates only (src/services/candidates.ts): the slug it gave as a fuzzy
   * term of the keyword index entity_slugs; '' for search.
   */
  nearSlug: string;
}

/**
 * What govgraph sends with cypher/queries/search.cypher for a plan, a type filter and a page
 * size. The benchmark's peers get these very values, so Q4 is the same work for all three.
 */
export function searchStatementParameters(
  plan: SearchParameters,
  labels: readonly EntityLabel[] | null,
  first: number,
): SearchStatementParameters {
  // Type filtering, exact matches, tiers and positions reorder the index's hits: ask it for more
  // candidates than we keep, so that "ISPCP" still finds the body whose alias it is among longer
  // names that mention it. Every candidate costs a little in the statement, so not many more.
  const candidates = Math.max(labels ? first * 10 : first * 2, 50);
  return {
    all: plan.all,
    allTypos: plan.allTypos ?? '',
    any: plan.any ?? '',
    exact: plan.exact,
    exactKeys: plan.exactKeys,
    words: plan.positionWords,
    labels: labels ?? graphEntityLabels,
    typeLabels: plan.typeLabels,
    first,
    candidates,
    nearSlug: '',
  };
}

export interface Explanation {
  field: SearchField;
  /** The value of that field, as stored. */
  value: string;
  /** How many of the query's content words (its stop words when it has no other) it holds, in any form. */
  words: number;
}

/** 2 when a token is the word as typed (or starts with it), 1 for another form (key, typo, synonym), else 0. */
function wordMatch(word: QueryWord, token: string, tokenKey: string): number {
  if (token === word.text || (word.text.length >= 3 && token.startsWith(word.text))) return 2;
  if (tokenKey === word.key || (word.key.length >= 4 && tokenKey.startsWith(word.key))) return 1;
  if (word.synonyms.some((synonym) => token === synonym || tokenKey === matchKey(synonym))) return 1;
  if (word.joined.some((joined) => token === joined.text || tokenKey === joined.key)) return 1;
  if (word.stem && (token.startsWith(word.stem.text) || tokenKey.startsWith(word.stem.key))) return 1;
  if (word.edits > 0 && distance(token, word.text) <= word.edits) return 1;
  return word.keyEdits > 0 && distance(tokenKey, word.key) <= word.keyEdits ? 1 : 0;
}

/** What explainMatch reads of a stored entity: its properties by field name, the claims parsed already. */
export function searchedProperties(entity: EntityRow): SearchSource {
  return { ...entity.stored, claims: entity.claims };
}

/**
 * Which field of a hit matched the query: the value that holds the most query words, and among
 * those the one that holds them as typed ("Воробьев" matches the Cyrillic alias before the Latin
 * name, whose match key it also shares), then the earlier field in searchedFields (a name before
 * a description). Computed here, on the few hits returned, with the rules the index applies
 * (word, prefix, match key, typo). `weight` limits it to the names, or to the details.
 */
export function explainMatch(
  plan: SearchPlan,
  label: EntityLabel,
  id: string,
  props: SearchSource,
  weight: SearchWeight | null = null,
): Explanation | null {
  let best: (Explanation & { typed: number }) | null = null;
  // The content words, as a position is compared with (every word is one when all are stop
  // words): "of" and "the" in a description made it outweigh the position that holds every other
  // word of "head of the Coordination Center".
  const counted = plan.words.filter((word) => word.required);
  for (const searched of searchedFields) {
    if (weight !== null && searched.weight !== weight) continue;
    for (const value of searched.values(label, id, props)) {
      const tokens = searchWords(value);
      const keys = tokens.map(matchKey);
      // "mskix" matches "MSK-IX" written as one word, as the stored variants do.
      const joined = tokens.length > 1 ? matchKey(tokens.join('')) : null;
      let words = 0;
      let typed = 0;
      for (const word of counted) {
        let found = Math.max(0, ...tokens.map((token, index) => wordMatch(word, token, keys[index] ?? token)));
        if (found === 0 && joined !== null && word.key.length >= 4 && joined.startsWith(word.key)) found = 1;
        if (found > 0) words += 1;
        if (found === 2) typed += 1;
      }
      if (words > 0 && (best === null || words > best.words || (words === best.words && typed > best.typed))) {
        best = { field: searched.field, value: searched.shown?.(value, id) ?? value, words, typed };
      }
    }
  }
  return best && { field: best.field, value: best.value, words: best.words };
}
