import { searchKey } from '../text/normalize.ts';
import { type Actor, type Proposal, proposalFingerprint, proposeClaims } from './claims.ts';
import type { AliasMatcher } from './matcher.ts';
import { findNewNames, type NameCandidate, surnameMentions } from './new-entities.ts';
import { type SourceLanguage, splitSentences } from './source-text.ts';
import { findDates, type TextDate } from './text-dates.ts';
import { tokenize } from './tokens.ts';

export interface EntityRef {
  slug: string;
  name: string;
  /** The GraphQL type name: Person, Organization, … (the labels carry the same names). */
  type: string;
}

export interface Mention {
  text: string;
  start: number;
  end: number;
  entity: EntityRef | null;
  candidates: (EntityRef & { score: number })[];
}

export interface SourceInfo {
  title: string | null;
  url: string | null;
  published: string | null;
  publisher: string | null;
  lang: SourceLanguage;
}

export interface Analysis {
  source: SourceInfo;
  mentions: Mention[];
  proposals: Proposal[];
  dates: TextDate[];
  /** The new names' mentions, each with the entity proposal it stands for: accepting that proposal links them. */
  proposedMentions: { start: number; end: number; proposal: string }[];
}

// A neighbour of an entity named in the same text counts this much towards a candidate.
const neighbourWeight = 0.25;
const surnameScore = 0.5;

/**
 * Reads a source's text: links the names it knows, proposes the names it does not, and the
 * claims its sentences state. Writes nothing and copies no text into a proposal's fields: the
 * evidence is the sentence's offsets.
 */
export function analyzeText(text: string, source: SourceInfo, matcher: AliasMatcher): Analysis {
  const tokens = tokenize(text);
  const matches = matcher.match(text, tokens);
  const refOf = (slug: string): EntityRef | undefined => {
    const entity = matcher.entity(slug);
    return entity ? { slug, name: entity.name, type: entity.label } : undefined;
  };

  // Entities named in full and without doubt: the context that settles the others.
  const certain = new Set<string>();
  for (const match of matches) {
    const [only] = match.candidates;
    if (match.candidates.length === 1 && only && !only.surname) certain.add(only.slug);
  }
  const mentions: Mention[] = matches.map((match) => {
    const scored = match.candidates
      .map(({ slug, surname }) => {
        let support = 0;
        for (const neighbour of matcher.neighboursOf(slug)) if (certain.has(neighbour)) support += 1;
        const named = surname && certain.has(slug) ? 0.5 : 0;
        const score = Math.min(1, (surname ? surnameScore : 1 / match.candidates.length) + named + neighbourWeight * support);
        const ref = refOf(slug);
        return ref ? { ...ref, score: Number(score.toFixed(2)), surname } : undefined;
      })
      .filter((candidate) => candidate !== undefined)
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    const settled =
      best !== undefined &&
      (best.surname ? certain.has(best.slug) : true) &&
      (second === undefined || best.score > second.score) &&
      (scored.length === 1 || best.score > 1 / scored.length);
    return {
      text: text.slice(match.start, match.end),
      start: match.start,
      end: match.end,
      entity: settled && best ? { slug: best.slug, name: best.name, type: best.type } : null,
      candidates: scored.map(({ slug, name, type, score }) => ({ slug, name, type, score })),
    };
  });

  const takenTokens = new Set<number>();
  for (const match of matches) for (let index = match.firstToken; index < match.endToken; index++) takenTokens.add(index);
  const newNames = findNewNames(text, tokens, source.lang, (index) => takenTokens.has(index));
  // The same new name written twice is one proposed entity.
  const proposedByKey = new Map<string, { name: string; type: string; start: number; end: number }>();
  for (const name of newNames) {
    const key = `${name.type}:${searchKey(name.text)}`;
    if (!proposedByKey.has(key)) proposedByKey.set(key, { name: name.text, type: name.type, start: name.start, end: name.end });
    mentions.push({ text: name.text, start: name.start, end: name.end, entity: null, candidates: [] });
  }
  const surnames = surnameMentions(text, tokens, newNames, (index) => takenTokens.has(index));
  for (const surname of surnames)
    mentions.push({ text: surname.text, start: surname.start, end: surname.end, entity: null, candidates: [] });
  mentions.sort((a, b) => a.start - b.start);
  const nameKey = (name: NameCandidate) => `${name.type}:${searchKey(name.text)}`;
  const proposedName = (name: NameCandidate) => proposedByKey.get(nameKey(name))?.name ?? name.text;

  // A claim's end is known across ingestions by the words of its mention, so that accepting a new
  // name as an entity (which links the name from then on) leaves the claims' fingerprints as they were.
  const actors: Actor[] = [];
  for (const mention of mentions) {
    const key = searchKey(mention.text);
    if (mention.entity) {
      const { slug, name, type } = mention.entity;
      actors.push({ start: mention.start, end: mention.end, type, name, key, ref: { slug } });
      continue;
    }
    const at = (candidate: { start: number; end: number }) => candidate.start === mention.start && candidate.end === mention.end;
    const name = newNames.find(at);
    if (name) {
      const proposed = proposedName(name);
      actors.push({ start: name.start, end: name.end, type: name.type, name: proposed, key, ref: { name: proposed, type: name.type } });
    }
    const surname = surnames.find(at);
    if (surname) {
      const proposed = proposedName(surname.person);
      actors.push({ start: surname.start, end: surname.end, type: 'Person', name: proposed, key, ref: { name: proposed, type: 'Person' } });
    }
  }
  const sentences = splitSentences(text);
  const dates = findDates(text);
  const claims = proposeClaims({ text, lang: source.lang, sentences, actors, dates });
  const entityProposals = new Map<string, Proposal>();
  for (const [key, name] of proposedByKey) {
    const proposal = {
      kind: 'entity' as const,
      type: name.type,
      properties: {},
      span: { start: name.start, end: name.end },
    };
    entityProposals.set(key, {
      ...proposal,
      from: { name: name.name, type: name.type },
      to: null,
      evidence: 'STATED',
      basis: null,
      confidence: 0.6,
      fingerprint: proposalFingerprint(text, { ...proposal, fromKey: searchKey(name.name), toKey: '' }),
    });
  }
  const proposedMentions: Analysis['proposedMentions'] = [];
  const standsFor = (mention: { start: number; end: number }, name: NameCandidate) => {
    const proposal = entityProposals.get(nameKey(name));
    if (proposal) proposedMentions.push({ start: mention.start, end: mention.end, proposal: proposal.fingerprint });
  };
  for (const name of newNames) standsFor(name, name);
  for (const surname of surnames) standsFor(surname, surname.person);
  return { source, mentions, proposals: [...entityProposals.values(), ...claims], dates, proposedMentions };
}
