import { createHash } from 'node:crypto';
import { searchKey } from '../text/normalize.ts';
import { type Actor, type ClaimEnd, type Proposal, proposeClaims } from './claims.ts';
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
  proposals: (Proposal & { fingerprint: string })[];
  dates: TextDate[];
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
  const proposedName = (name: NameCandidate) => proposedByKey.get(`${name.type}:${searchKey(name.text)}`)?.name ?? name.text;

  const actors: Actor[] = [];
  for (const mention of mentions) {
    if (mention.entity) {
      actors.push({ start: mention.start, end: mention.end, type: mention.entity.type, ref: { slug: mention.entity.slug } });
      continue;
    }
    const at = (candidate: { start: number; end: number }) => candidate.start === mention.start && candidate.end === mention.end;
    const name = newNames.find(at);
    if (name) actors.push({ start: name.start, end: name.end, type: name.type, ref: { name: proposedName(name), type: name.type } });
    const surname = surnames.find(at);
    if (surname)
      actors.push({ start: surname.start, end: surname.end, type: 'Person', ref: { name: proposedName(surname.person), type: 'Person' } });
  }
  const sentences = splitSentences(text);
  const dates = findDates(text);
  const claims = proposeClaims({ text, lang: source.lang, sentences, actors, dates });
  const entityProposals: Proposal[] = [...proposedByKey.values()].map((name) => ({
    kind: 'entity',
    type: name.type,
    from: { name: name.name, type: name.type },
    to: null,
    properties: {},
    evidence: 'STATED',
    basis: null,
    span: { start: name.start, end: name.end },
    confidence: 0.6,
  }));
  const proposals = [...entityProposals, ...claims].map((proposal) => ({ ...proposal, fingerprint: proposalFingerprint(text, proposal) }));
  return { source, mentions, proposals, dates };
}

const endKey = (end: ClaimEnd | null): string => (end === null ? '' : 'slug' in end ? end.slug : `${end.type}:${searchKey(end.name)}`);

/**
 * What makes two proposals the same, across ingestions of the same text: the claim and the
 * normalized words of its evidence, not the offsets (a text re-sent with a new heading keeps
 * its rejections).
 */
export function proposalFingerprint(text: string, proposal: Proposal): string {
  const evidence = searchKey(text.slice(proposal.span.start, proposal.span.end));
  const parts = [
    proposal.kind,
    proposal.type,
    endKey(proposal.from),
    endKey(proposal.to),
    proposal.properties.title ?? '',
    proposal.properties.role ?? '',
    evidence,
  ];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
