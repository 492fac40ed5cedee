import { type SearchRow, searchEntities } from '../db/repositories/lists.ts';
import { BadUserInputError } from '../domain/errors.ts';
import type { EntityLabel } from '../domain/graph.ts';
import type { EntityRow } from '../domain/stored-entity.ts';
import { type SearchField, searchedFields, searchFields } from '../domain/text/search-forms.ts';
import { explainMatch, planSearch, type SearchPlan, searchedProperties, searchStatementParameters } from '../domain/text/search-query.ts';
import { builder } from './builder.ts';
import { EntityTypeEnum } from './entity.ts';
import { searchViewFor } from './record-view.ts';
import { EntityRef } from './refs.ts';

interface MatchExplanation {
  matched: string | null;
  matchedField: SearchField | null;
}

interface SearchHit {
  score: number;
  node: EntityRow;
  /**
   * Which field matched, worked out only when `matched` or `matchedField` is asked: it reads every
   * searched field of the hit word by word, which cost more than the rest of a search request.
   */
  explanation: () => MatchExplanation;
  allWords: boolean;
}

const nameFields = new Set(searchedFields.filter((searched) => searched.weight === 'name').map((searched) => searched.field));

const fieldDescriptions: Record<SearchField, string> = {
  NAME: 'The display name (a source’s title).',
  ALIAS: 'One of the other names: abbreviations, other scripts and spellings, other titles.',
  SLUG: 'The slug, read as words ("tld-rf" as "tld rf").',
  DOMAIN: 'A domain form of a TLD: with or without its dot, Unicode or punycode.',
  CODE: 'A country’s ISO code.',
  NUMBER: 'A document’s number, e.g. 75/240.',
  DESCRIPTION: 'The description.',
  SUMMARY: 'A statement’s summary of what was said.',
  DATE: 'A date or start or end date, as words ("27 april 2021").',
  POSITION: 'A position the person holds: its title and the organization or body it is held at ("Coordination Center director").',
  PARTY:
    'Who took part: a party to the memorandum or one of its signatories ("memorandum signed by Pavlyuchenko"), a participant in the event ("Diplomatic Academy conference Vorobyev").',
  MEMBER: 'A member of the body or organization, when the query asks for members ("members Verizon Comcast").',
  TOPIC:
    'A topic the memorandum covers or the event discussed, when the query asks for a memorandum or an event ("memorandum spam phishing botnets").',
  KIND: 'The kind or type, as words ("exchange point").',
  PLACE: 'An event’s place.',
  PUBLISHER: 'A source’s publisher.',
  COUNTRY: 'The name of an organization’s or a TLD’s country.',
};

const SearchFieldEnum = builder.enumType('SearchField', {
  description: 'The field of an entity in which a search query was found. Names weigh more than the other fields.',
  values: Object.fromEntries(searchFields.map((field) => [field, { value: field, description: fieldDescriptions[field] }])) as Record<
    SearchField,
    { value: SearchField; description: string }
  >,
});

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result.',
  fields: (t) => ({
    score: t.exposeFloat('score', {
      description:
        'Relevance as the full-text index scores it, to three decimals; higher is better. Hits come in rank order, which also weighs exact and all-word matches, so a lower score can come first.',
    }),
    node: t.field({ type: EntityRef, description: 'The entity found.', resolve: (hit) => hit.node }),
    matched: t.string({
      nullable: true,
      resolve: (hit) => hit.explanation().matched,
      description:
        'The name, alias, domain form, code or slug of the entity that matched the query; null when the query was found only in other fields (see `matchedField`).',
    }),
    matchedField: t.field({
      type: SearchFieldEnum,
      nullable: true,
      description:
        'The field that holds most of the query’s words: NAME, ALIAS, … or DESCRIPTION ("Kremer RANS president" finds Arkady Kremer by his description), or POSITION for a person found by a position held ("Coordination Center director"), PARTY for a memorandum or an event found by who took part ("memorandum with MSK-IX"), TOPIC for one found by the topics it covers or discussed ("memorandum spam phishing botnets"), MEMBER for a body or an organization found by its members ("members Verizon Comcast"). When it is a name-like field, `matched` is its value.',
      resolve: (hit) => hit.explanation().matchedField,
    }),
    allWords: t.exposeBoolean('allWords', {
      description:
        'True when the entity matches every word of the query (stop words such as "the" aside). Such hits come first; the others match only some words.',
    }),
  }),
});

// The labels whose members the search statement reads (a word asking for members); a
// memorandum's and an event's cast is who took part.
const holdsMembers: ReadonlySet<EntityLabel> = new Set<EntityLabel>(['Body', 'Organization']);

function explanationOf(plan: SearchPlan, row: SearchRow): MatchExplanation {
  const { entity } = row;
  const searched = searchedProperties(entity);
  const best = explainMatch(plan, entity.label, entity.id, searched);
  // `matched` keeps its meaning: one of the entity's names. When the best match is a name, it is that one.
  const name = best?.field && nameFields.has(best.field) ? best : explainMatch(plan, entity.label, entity.id, searched, 'name');
  // A person's position (a memorandum's or an event's cast, a body's members) names what was
  // found when it holds more of the words than any field of the hit's own, or as many as a field
  // that is not a name and then every word: "Coordination Center director" is Vorobyev's
  // position, though his description says it too; "Kremer RANS president" stays his
  // description, as the position holds two of the three words.
  const held = row.positionWords;
  const byPosition =
    held !== null &&
    (best === null || held > best.words || (held === best.words && !nameFields.has(best.field) && held === plan.positionWords.length));
  // The topics alone hold every word the cast holds: the hit was found by what it is about.
  const byTopic = held !== null && row.topicWords !== null && row.topicWords >= held;
  const positionField = entity.label === 'Person' ? 'POSITION' : holdsMembers.has(entity.label) ? 'MEMBER' : byTopic ? 'TOPIC' : 'PARTY';
  return { matched: name?.value ?? null, matchedField: byPosition ? positionField : (best?.field ?? null) };
}

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Ranked search over every entity: names, aliases, slugs and TLD forms, and with a lower weight descriptions, kinds, places and publishers. ' +
      'Case, accents, apostrophes and dashes are ignored; Russian names match in Cyrillic and in any common transliteration ("Vorobiev", "Vorobjov", "Воробьев"); ' +
      'British and American spellings, word endings, typos (1 edit from 5 letters, 2 from 8), prefixes and acronyms written joined or split ("mskix", "MSK IX") match, ' +
      'as do a country\'s adjective and its name ("Russian", "Russia"), and the words of the field for a type ("domain", "ccTLD" and "gTLD" for a TLD, "MoU" for a memorandum). ' +
      'Entities with a name, alias or form that is exactly the query come first, then those that match every word, then those that match some, each by score.',
    args: {
      query: t.arg.string({ required: true, description: 'Free text: names, words of a description, or both ("Kremer RANS president").' }),
      types: t.arg({
        type: [EntityTypeEnum],
        description: 'Only these types (default: all). CONFLICT is refused: conflicts are listed by conflicts(about:), not searched.',
      }),
      first: t.arg.int({ description: 'How many hits (1–100, default 20).' }),
    },
    resolve: async (_root, args, context, info) => {
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > 100)
        throw new BadUserInputError(`"first" must be between 1 and 100, got ${first}`, { argument: 'first' });
      if (args.query.length > 200) throw new BadUserInputError('"query" must be at most 200 characters', { argument: 'query' });
      const plan = planSearch(args.query);
      if (!plan) throw new BadUserInputError('"query" must contain at least one letter or digit', { argument: 'query' });
      const labels = args.types && args.types.length > 0 ? (args.types as EntityLabel[]) : null;
      // Asked for conflicts alone, search answered an empty list, as if none matched.
      if (labels?.includes('Conflict')) {
        throw new BadUserInputError(
          '"types": search does not find conflicts; list them with conflicts(about: "<slug>") or read one with conflict(slug:)',
          { argument: 'types' },
        );
      }
      const view = searchViewFor(info);
      const rows = await searchEntities(context.reads, searchStatementParameters(plan, labels, first), view);
      return rows.map((row) => {
        // A hit read through a view is a partial record: only a whole one may answer other fields.
        if (view === null) context.loaders.entity.prime(row.entity.id, row.entity);
        let explained: MatchExplanation | undefined;
        return {
          // Lucene's scores carry 16 digits that mean nothing to a reader; the order is set already.
          score: Math.round(row.score * 1000) / 1000,
          node: row.entity,
          explanation: () => {
            explained ??= explanationOf(plan, row);
            return explained;
          },
          allWords: row.allWords,
        };
      });
    },
  }),
);
