import type { EntityLabel } from '../graph.ts';
import { type SearchSource, searchedFields } from '../text/search-forms.ts';
import { isWrittenAcronym, looksLikeName, type Token, tokenize, tokenKey } from './tokens.ts';

/** The labels whose names are linked in a text: the graph's actors and things, not its topics. */
export const linkedLabels: readonly EntityLabel[] = ['Organization', 'Person', 'Tld', 'Memorandum', 'Event', 'Body', 'Document', 'Country'];
const linkedLabelSet: ReadonlySet<string> = new Set(linkedLabels);
export const isLinkedLabel = (label: string): label is EntityLabel => linkedLabelSet.has(label);

/** One entity as the matcher knows it: its names in every form search knows. */
export interface MatcherEntity {
  slug: string;
  label: EntityLabel;
  name: string;
  /** Name, aliases, TLD forms and document numbers, as written. */
  names: string[];
}

// The name-weighted fields of search (src/domain/text/search-forms.ts) but the slug and a
// country's two-letter code, which would turn every "RU" and "de" in a text into a mention.
const namedFields = new Set(['NAME', 'ALIAS', 'DOMAIN', 'NUMBER']);

/** The names of an entity from its stored properties, as search reads them. */
export function matcherEntity(label: EntityLabel, slug: string, props: SearchSource): MatcherEntity {
  const names = new Set<string>();
  for (const field of searchedFields) {
    if (!namedFields.has(field.field)) continue;
    for (const value of field.values(label, slug, props)) {
      // Search finds a zone by "moscow" too; in a text the word is the city, and a zone is
      // written with its dot (".moscow") or in punycode.
      if (label === 'Tld' && !/^\.|^xn--/iu.test(value.trim())) continue;
      names.add(value);
    }
  }
  const name = typeof props.name === 'string' ? props.name : slug;
  return { slug, label, name, names: [...names] };
}

interface Terminal {
  slug: string;
  /** The alias's key words joined: lets a refresh tell a stale path from a current one. */
  path: string;
  /** Per word: whether the alias writes it as an acronym, which the text must then do too. */
  capitals: boolean[];
  /** Per word: whether the alias writes it with a capital, which a short form's words must keep. */
  initials: boolean[];
  /**
   * A short form: a person's surname alone, or the first words of a long name. Linked only when
   * the text names the entity in full too.
   */
  surname: boolean;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminals: Terminal[];
}

const newNode = (): TrieNode => ({ children: new Map(), terminals: [] });

/** A place in the text where a known name was found, with the entities it may name. */
export interface NameMatch {
  start: number;
  end: number;
  /** Index of the first and after the last token matched. */
  firstToken: number;
  endToken: number;
  candidates: { slug: string; surname: boolean }[];
}

const maxSharedShortForms = 20;
/** Words a name's short form neither starts from nor ends with (by their keys, as tokens carry them). */
const leadingArticles: ReadonlySet<string> = new Set(['the', 'a', 'an'].map(tokenKey));
const joiningWords: ReadonlySet<string> = new Set(
  ['and', 'of', 'for', 'the', 'in', 'on', 'at', 'to', 'with', 'by', 'и', 'при', 'для', 'по', 'в', 'на', 'с'].map(tokenKey),
);

// What may stand between two words of one name: spaces, hyphens and dashes, slashes, "&",
// apostrophes, and the commas and brackets some names have ("Ministry of Digital Development,
// Communications and Mass Media", "Center (OAC) under"): a match still needs every word of a
// known name in order, so a list "A, B" joins only where a name is written that way. A full
// stop, a semicolon or a colon ends a name.
const joiningGap = /^[\s\-\u2010-\u2015/&'’,()]*$/u;
const maxGapLength = 3;

export function tokensJoin(text: string, left: Token, right: Token): boolean {
  const gap = text.slice(left.end, right.start);
  return gap.length <= maxGapLength && joiningGap.test(gap);
}

/**
 * Finds every known name in a text. Built once from all entities (a token trie over the
 * words' keys, see tokens.ts), then kept current by `upsert` and `remove` as the change log
 * reports edits: a lookup walks the trie from each word, so its cost grows with the text, not
 * with the graph.
 */
export class AliasMatcher {
  private readonly root = newNode();
  private readonly entities = new Map<string, { entity: MatcherEntity; paths: Set<string> }>();
  private readonly neighbours = new Map<string, Set<string>>();

  constructor(entities: Iterable<MatcherEntity> = [], links: Iterable<readonly [string, string]> = []) {
    for (const entity of entities) this.upsert(entity);
    for (const [from, to] of links) this.link(from, to);
  }

  get size(): number {
    return this.entities.size;
  }

  entity(slug: string): MatcherEntity | undefined {
    return this.entities.get(slug)?.entity;
  }

  /** Slugs related to this one in the graph, either way. */
  neighboursOf(slug: string): ReadonlySet<string> {
    return this.neighbours.get(slug) ?? new Set();
  }

  link(from: string, to: string): void {
    if (from === to) return;
    for (const [a, b] of [
      [from, to],
      [to, from],
    ] as const) {
      let set = this.neighbours.get(a);
      if (!set) {
        set = new Set();
        this.neighbours.set(a, set);
      }
      set.add(b);
    }
  }

  /** Adds an entity or replaces its names: the trie keeps old paths, which stop matching. */
  upsert(entity: MatcherEntity): void {
    if (!isLinkedLabel(entity.label)) return;
    const paths = new Set<string>();
    const known = this.entities.has(entity.slug);
    const add = (tokens: Token[], surname: boolean) => {
      if (tokens.length === 0) return;
      const keys = tokens.map((token) => token.key);
      const path = `${surname ? '~' : ''}${keys.join(' ')}`;
      if (paths.has(path)) return;
      paths.add(path);
      let node = this.root;
      for (const key of keys) {
        let child = node.children.get(key);
        if (!child) {
          child = newNode();
          node.children.set(key, child);
        }
        node = child;
      }
      // Only a refresh can find the entity's own old terminal here; a first build skips the scan.
      if (known) node.terminals = node.terminals.filter((terminal) => terminal.slug !== entity.slug || terminal.path !== path);
      node.terminals.push({
        slug: entity.slug,
        path,
        capitals: tokens.map(isWrittenAcronym),
        initials: tokens.map(startsWithCapital),
        surname,
      });
    };
    for (const name of entity.names) {
      const tokens = tokenize(name);
      // One letter or digit is no name ("A" of a list, "1").
      if (tokens.length === 1 && (tokens[0]?.key.length ?? 0) < 2) continue;
      add(tokens, false);
      const last = tokens[tokens.length - 1];
      if (entity.label === 'Person' && tokens.length >= 2 && last && last.text.length >= 4) add([last], true);
      // A long name's first words are how a text refers to it again ("the Coordination Center",
      // "Координационного центра"): a short form, linked only where the full name is in the text.
      // Not from a leading article, nor ending in a joining word: "The Internet Service Providers
      // and the Connectivity Providers constituency" made "the Internet" a short form of the
      // ISPCP, linked wherever an article about it wrote of the Internet.
      const words = leadingArticles.has(tokens[0]?.key ?? '') ? tokens.slice(1) : tokens;
      if (entity.label !== 'Person' && words.length >= 3) {
        for (let length = 2; length < words.length; length++) {
          const prefix = words.slice(0, length);
          if (prefix.every((token) => token.key.length >= 3) && !joiningWords.has(prefix[length - 1]?.key ?? '')) add(prefix, true);
        }
      }
    }
    this.entities.set(entity.slug, { entity, paths });
  }

  remove(slug: string): void {
    this.entities.delete(slug);
  }

  /** Leftmost-longest matches of known names over the text's tokens. */
  match(text: string, tokens: Token[]): NameMatch[] {
    const matches: NameMatch[] = [];
    let index = 0;
    while (index < tokens.length) {
      let node: TrieNode | undefined = this.root;
      let best: { end: number; candidates: NameMatch['candidates'] } | undefined;
      for (let at = index; at < tokens.length && node; at++) {
        const token = tokens[at];
        if (!token) break;
        if (at > index) {
          const previous = tokens[at - 1];
          if (!previous || !tokensJoin(text, previous, token)) break;
        }
        node = node.children.get(token.key);
        if (!node || node.terminals.length === 0) continue;
        const span = tokens.slice(index, at + 1);
        if (!span.some(looksLikeName)) continue;
        // A short form that many entities share ("Global Forum …") tells none of them apart.
        const terminals =
          node.terminals.length > maxSharedShortForms ? node.terminals.filter((terminal) => !terminal.surname) : node.terminals;
        const candidates = terminals.filter((terminal) => this.current(terminal) && capitalsAgree(terminal, span));
        if (candidates.length > 0) {
          best = { end: at + 1, candidates: uniqueCandidates(candidates) };
        }
      }
      const first = tokens[index];
      const last = best ? tokens[best.end - 1] : undefined;
      if (best && first && last) {
        matches.push({ start: first.start, end: last.end, firstToken: index, endToken: best.end, candidates: best.candidates });
        index = best.end;
      } else {
        index += 1;
      }
    }
    return matches;
  }

  private current(terminal: Terminal): boolean {
    return this.entities.get(terminal.slug)?.paths.has(terminal.path) === true;
  }
}

const startsWithCapital = (token: Token): boolean => /^\p{Lu}/u.test(token.text);

/**
 * An acronym must be written in capitals; a short form's capitalized words must be capitalized
 * too: "Internet service providers" in a sentence is the trade, not the ISPCP whose name begins
 * "Internet Service Providers". A full name may be written in any case.
 */
function capitalsAgree(terminal: Terminal, span: Token[]): boolean {
  return terminal.capitals.every((capital, index) => {
    const token = span[index];
    if (token === undefined) return false;
    if (capital && !/^[^\p{Ll}]+$/u.test(token.text)) return false;
    return !terminal.surname || !terminal.initials[index] || startsWithCapital(token);
  });
}

/**
 * One candidate per entity; a full name wins over a short form for the same entity, and a
 * full name of one entity over short forms of others ("United Nations" is the UN, not the start
 * of "United Nations General Assembly").
 */
function uniqueCandidates(terminals: Terminal[]): NameMatch['candidates'] {
  const full = terminals.some((terminal) => !terminal.surname);
  const bySlug = new Map<string, boolean>();
  for (const terminal of terminals) {
    if (full && terminal.surname) continue;
    bySlug.set(terminal.slug, (bySlug.get(terminal.slug) ?? true) && terminal.surname);
  }
  return [...bySlug].map(([slug, surname]) => ({ slug, surname }));
}
