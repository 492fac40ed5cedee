import { partialDateInWords } from '../dates.ts';
import { type EntityLabel, entityLabels } from '../graph.ts';
import { regionName } from '../regions.ts';
import { hasCyrillic, matchKey } from './match-key.ts';
import { searchKey, searchWords } from './normalize.ts';

/**
 * What search looks through, and how much each part weighs. The loader stores three properties
 * per entity, all derived here from the entity's own fields, and indexed by one full-text index
 * (cypher/schema/003-fulltext.cypher):
 *
 * - `searchText`: every name-like value (name, aliases, slug, domain forms, codes), normalized,
 *   one per line (the lines end at formSeparator, below). Searched word for word, by prefix and
 *   with typos, at the highest weight. Its lines are also what "exactly this name" compares with.
 * - `searchVariants`: the same values as match keys (transliteration, spelling and endings
 *   folded, see match-key.ts), one per line, plus short names written as one word ("MSK-IX" →
 *   "mskiks") so that "mskix" finds them. Medium weight.
 * - `searchDetails`: descriptive values (description, kind, place, publisher …) as match keys.
 *   Lowest weight: a word found only there counts, but a name match ranks above it.
 *
 * To make a new field searchable, add it to `searchedFields` with its weight and the name
 * `matched` reports for it (as a Statement's summary is, a detail). Stored entities get the new
 * forms when they are next written, or all at once when `searchFormsVersion` is raised
 * (src/db/search-forms.ts rewrites every entity's forms at the next start).
 */

/** The fields a search hit can name as the one that matched (SearchHit.matchedField). */
export const searchFields = [
  'NAME',
  'ALIAS',
  'SLUG',
  'DOMAIN',
  'CODE',
  'NUMBER',
  'DESCRIPTION',
  'SUMMARY',
  'KIND',
  'PLACE',
  'PUBLISHER',
  'COUNTRY',
  'DATE',
  // Not fields of the entity: a person's position (its title and holder), who took part in a
  // memorandum (its parties and signatories) or an event, a body's or an organization's
  // members, and the topics a memorandum covers or an event discussed, read by the statement.
  'POSITION',
  'PARTY',
  'MEMBER',
  'TOPIC',
] as const;
export type SearchField = (typeof searchFields)[number];

export type SearchWeight = 'name' | 'detail';

/** An entity's stored properties as search reads them (a seed row's props, or a node's). */
export type SearchSource = Readonly<Record<string, unknown>>;

export interface SearchedField {
  field: SearchField;
  weight: SearchWeight;
  /** The field's values on one entity, as written. */
  values(label: EntityLabel, id: string, props: SearchSource): string[];
  /** The value as a hit shows it (SearchHit.matched), when the searched one is rewritten for search. */
  shown?(value: string, id: string): string;
}

const text = (value: unknown): string[] => (typeof value === 'string' && value.trim() !== '' ? [value] : []);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.flatMap(text) : text(value));
const withoutDot = (value: string): string => value.replace(/^\.+/, '');

/**
 * Claims' values are searchable as their field's. A decoded entity row hands its claims over
 * parsed (src/schema/search.ts); the loader, the merge and the forms rewrite read raw property
 * maps, where claims are the stored JSON text ([{field, value, sources}]), parsed here.
 */
function claimValues(props: SearchSource, fields: readonly string[]): string[] {
  const stored = props.claims;
  let claims: unknown = stored;
  if (typeof stored === 'string') {
    try {
      claims = JSON.parse(stored);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(claims)) return [];
  return claims.flatMap((claim: unknown) =>
    typeof claim === 'object' && claim !== null && 'field' in claim && 'value' in claim && fields.includes(String(claim.field))
      ? texts(claim.value)
      : [],
  );
}

function countryName(code: string): string[] {
  // A code ICU does not name: the seed's rules refuse those, so nothing to search.
  const name = regionName(code);
  return name ? [name] : [];
}

// A TLD is a "domain" or "domain zone" to most who type ("moscow domain", "Cyrillic domain"),
// and the field sorts TLDs as ccTLDs and gTLDs (geographic and sponsored TLDs are gTLDs in
// ICANN's terms); a memorandum is an "MoU", whatever it is called; and a query names the type
// it looks for ("event in Moscow", "article about the Belarus memorandum").
const labelWords: Partial<Readonly<Record<EntityLabel, readonly string[]>>> = {
  Memorandum: ['memorandum', 'MoU'],
  Event: ['event'],
  Source: ['source', 'article', 'news'],
  Statement: ['statement'],
};
const tldWords = ['top level domain', 'domain zone'];
// A country's code TLD is what people call its national domain ("Belarusian national domain"),
// which the data never writes: without the words, a topic on Russia's national domains came first.
const tldTypeWords: Readonly<Record<string, readonly string[]>> = {
  'country-code': ['ccTLD', 'national domain'],
  generic: ['gTLD'],
  geographic: ['gTLD'],
  sponsored: ['gTLD'],
};

// Words a query names a type by that need no stored form, as every entity of the type that they
// fit stores them as its kind already ("conference", "section", "session").
const kindWords: Partial<Readonly<Record<EntityLabel, readonly string[]>>> = {
  Event: ['conference', 'section', 'session', 'forum', 'summit', 'meeting'],
  // Every TLD stores these (tldWords, tldTypeWords): "cn domain" is the domain before the registry
  // whose name says "domain registry".
  Tld: ['domain', 'TLD', 'ccTLD', 'gTLD'],
};

/**
 * The labels a query names by their type word ("memorandum", "MoU", "article", "conference"), by
 * the word's match key, for the search statement to put hits of those labels first among equals.
 */
export function labelsNamedBy(keys: readonly string[]): EntityLabel[] {
  const named = new Set(keys);
  return labelWordKeys.filter(([, words]) => words.some((key) => named.has(key))).map(([label]) => label);
}

// The type words' match keys, computed once rather than for every search.
const labelWordKeys: readonly (readonly [EntityLabel, readonly string[]])[] = entityLabels.flatMap((label) => {
  const words = [...(labelWords[label] ?? []), ...(kindWords[label] ?? [])];
  return words.length > 0 ? [[label, words.map((word) => matchKey(searchKey(word)))] as const] : [];
});

function typeWords(label: EntityLabel, props: SearchSource): string[] {
  if (label !== 'Tld') return [...(labelWords[label] ?? [])];
  const type = typeof props.type === 'string' ? (tldTypeWords[props.type] ?? []) : [];
  const idn =
    props.idn === true
      ? ['IDN', 'internationalized domain name', ...(hasCyrillic(text(props.name).join(' ')) ? ['Cyrillic domain'] : [])]
      : [];
  return [...tldWords, ...type, ...idn];
}

/** In order of preference: when two fields match a query equally well, `matched` names the first. */
export const searchedFields: readonly SearchedField[] = [
  { field: 'NAME', weight: 'name', values: (_label, _id, props) => text(props.name) },
  {
    field: 'ALIAS',
    weight: 'name',
    values: (_label, _id, props) => [...texts(props.aliases), ...claimValues(props, ['name', 'title'])],
  },
  // A slug is lower-case ASCII already: its hyphens become spaces, so "tld rf" finds tld-rf by "RF".
  { field: 'SLUG', weight: 'name', values: (_label, id) => [id.replaceAll('-', ' ')], shown: (_value, id) => id },
  {
    field: 'DOMAIN',
    weight: 'name',
    values: (label, _id, props) =>
      label === 'Tld' ? [...text(props.ascii), ...text(props.ascii).map(withoutDot), ...text(props.name).map(withoutDot)] : [],
  },
  { field: 'CODE', weight: 'name', values: (label, _id, props) => (label === 'Country' ? text(props.code) : []) },
  { field: 'NUMBER', weight: 'name', values: (label, _id, props) => (label === 'Document' ? text(props.number) : []) },
  {
    field: 'DESCRIPTION',
    weight: 'detail',
    values: (_label, _id, props) => [...text(props.description), ...claimValues(props, ['description'])],
  },
  // What a statement says is what a researcher remembers of it: a detail, below its heading.
  { field: 'SUMMARY', weight: 'detail', values: (label, _id, props) => (label === 'Statement' ? text(props.summary) : []) },
  // Kinds and types are codes ("exchange-point", "country-code"): as words they describe. With
  // them, the words the field uses for what the entity is, which its own fields rarely write.
  {
    field: 'KIND',
    weight: 'detail',
    values: (label, _id, props) => [
      ...[...text(props.kind), ...text(props.type)].map((code) => code.replaceAll('-', ' ')),
      ...typeWords(label, props),
    ],
  },
  { field: 'PLACE', weight: 'detail', values: (label, _id, props) => (label === 'Event' ? text(props.place) : []) },
  { field: 'PUBLISHER', weight: 'detail', values: (label, _id, props) => (label === 'Source' ? text(props.publisher) : []) },
  // A partial date as people write it ("memorandum February 2021", "conference April 2021"):
  // the year, the month's English name, the day. Claims that give another date are searched too.
  {
    field: 'DATE',
    weight: 'detail',
    values: (_label, _id, props) =>
      [
        ...text(props.date),
        ...text(props.startDate),
        ...text(props.endDate),
        ...claimValues(props, ['date', 'startDate', 'endDate']),
      ].flatMap((value) => text(partialDateInWords(value))),
  },
  // An organization's or TLD's country is stored as its ISO code; people type the country's name
  // ("Telefonica Spain"). The names come with Node's ICU data.
  {
    field: 'COUNTRY',
    weight: 'detail',
    values: (label, _id, props) => (label === 'Country' ? [] : text(props.country).flatMap(countryName)),
  },
];

/**
 * Raise when the stored forms change (a rule of normalize.ts or match-key.ts, a field added
 * above): at its next start the server rewrites every entity's forms (src/db/search-forms.ts).
 */
export const searchFormsVersion = 13;

/**
 * What stands between two forms of one property: U+2028 (LINE SEPARATOR), which searchKey turns
 * into a space wherever a value holds it, and at which the full-text analyzer cuts words as at a
 * line break. Not a line break itself, so that the offline importer's CSV files hold no field
 * spanning lines and it can read them on every core (src/db/bulk-load.ts).
 * cypher/queries/search.cypher splits the forms at the same character.
 */
export const formSeparator = '\u2028';

export interface SearchForms {
  nameKey: string;
  searchText: string;
  searchVariants: string;
  searchDetails: string;
}

// A name of a few short words is also stored written as one ("MSK-IX" → "mskix"), because people
// type acronyms and short names both ways. Longer names would only add useless long terms.
const maxJoinedWords = 4;
const maxJoinedLength = 24;

/** The derived search properties of one entity. `props.name` is its display name. */
export function searchForms(label: EntityLabel, id: string, props: SearchSource): SearchForms {
  const names = new Set<string>();
  const variants = new Set<string>();
  const details = new Set<string>();
  for (const searched of searchedFields) {
    for (const value of searched.values(label, id, props)) {
      const words = searchWords(value);
      if (words.length === 0) continue;
      const keys = words.map(matchKey).join(' ');
      if (searched.weight === 'detail') {
        details.add(keys);
        continue;
      }
      names.add(searchKey(value));
      variants.add(keys);
      const joined = words.join('');
      if (words.length > 1 && words.length <= maxJoinedWords && joined.length <= maxJoinedLength) variants.add(matchKey(joined));
    }
  }
  return {
    nameKey: searchKey(typeof props.name === 'string' ? props.name : id),
    searchText: [...names].join(formSeparator),
    searchVariants: [...variants].join(formSeparator),
    searchDetails: [...details].join(formSeparator),
  };
}

/** The forms as an entity stores them: an empty one is no property at all. */
export interface StoredSearchForms {
  nameKey: string;
  searchText: string | null;
  searchVariants: string | null;
  searchDetails: string | null;
}

/** searchForms as the writers of an entity store them (a merge, a deleted source's claims). */
export function storedSearchForms(label: EntityLabel, id: string, props: SearchSource): StoredSearchForms {
  const forms = searchForms(label, id, props);
  return {
    nameKey: forms.nameKey,
    searchText: forms.searchText || null,
    searchVariants: forms.searchVariants || null,
    searchDetails: forms.searchDetails || null,
  };
}
