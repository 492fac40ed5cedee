import type { EntityRecord } from '../db/repositories/entities.ts';
import { searchEntities } from '../db/repositories/lists.ts';
import { BadUserInputError } from '../domain/errors.ts';
import type { EntityLabel } from '../domain/graph.ts';
import { searchKey } from '../domain/text/normalize.ts';
import { tldForms } from '../domain/text/tld-forms.ts';
import { builder } from './builder.ts';
import { EntityTypeEnum } from './entity.ts';
import { text, texts } from './props.ts';
import { EntityRef } from './refs.ts';

interface SearchHit {
  score: number;
  node: EntityRecord;
  matched: string | null;
}

const SearchHitRef = builder.objectRef<SearchHit>('SearchHit').implement({
  description: 'One search result.',
  fields: (t) => ({
    score: t.exposeFloat('score', { description: 'Relevance as the full-text index scores it; higher is better.' }),
    node: t.field({ type: EntityRef, description: 'The entity found.', resolve: (hit) => hit.node }),
    matched: t.exposeString('matched', {
      nullable: true,
      description: 'The name, alias, form, country code or slug of the entity that matched the query.',
    }),
  }),
});

const words = (value: string) =>
  searchKey(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * A Lucene query from free text: every word must occur, whole or as a prefix. The words are
 * letters and digits only, so nothing the user types can reach Lucene's syntax. A TLD-like
 * input ("xn--p1ai", ".РФ") also searches its other script.
 */
export function luceneQuery(input: string): string | null {
  const variants = new Set([input, ...(/^\.?[\p{L}\p{N}-]+$/u.test(input.trim()) ? tldForms(input) : [])]);
  const clauses = [...variants]
    .map((variant) => words(variant))
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => tokens.map((token) => `(${token} OR ${token}*)`).join(' AND '));
  const unique = [...new Set(clauses)];
  return unique.length === 0 ? null : unique.map((clause) => `(${clause})`).join(' OR ');
}

/** Which of an entity's names the query matched, to show researchers why it was found. */
function matchedName(entity: EntityRecord, input: string): string | null {
  const queryWords = new Set([input, ...tldForms(input)].flatMap(words));
  const names = [
    text(entity.props, 'name'),
    ...texts(entity.props, 'aliases'),
    text(entity.props, 'ascii'),
    text(entity.props, 'title'),
    text(entity.props, 'code'),
    // The index holds the slug too ("RF" finds tld-rf by it): say so rather than nothing.
    entity.id,
  ].filter((name): name is string => !!name);
  return names.find((name) => words(name).some((word) => [...queryWords].some((q) => word.startsWith(q)))) ?? null;
}

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Searches every entity by name, alias and IDN form, in Latin and Cyrillic, ignoring case and accents: "Vorobyev", "Воробьёв", ".рф", "xn--p1ai" and "RF" all work. ' +
      'Entities with a name, alias or form that is exactly the query come first, then by score.',
    args: {
      query: t.arg.string({ required: true, description: 'Free text; every word must match a word of a name (whole or as its start).' }),
      types: t.arg({ type: [EntityTypeEnum], description: 'Only these types (default: all).' }),
      first: t.arg.int({ description: 'How many hits (1–100, default 20).' }),
    },
    resolve: async (_root, args, context) => {
      const first = args.first ?? 20;
      if (!Number.isInteger(first) || first < 1 || first > 100)
        throw new BadUserInputError(`"first" must be between 1 and 100, got ${first}`, { argument: 'first' });
      if (args.query.length > 200) throw new BadUserInputError('"query" must be at most 200 characters', { argument: 'query' });
      const lucene = luceneQuery(args.query);
      if (!lucene) throw new BadUserInputError('"query" must contain at least one letter or digit', { argument: 'query' });
      const labels = args.types && args.types.length > 0 ? (args.types as EntityLabel[]) : null;
      const exact = [...new Set([args.query, ...tldForms(args.query).flatMap((form) => [form, form.slice(1)])].map(searchKey))];
      const rows = await searchEntities(context.reads, lucene, labels, first, exact);
      return rows.map((row) => {
        context.loaders.entity.prime(row.entity.id, row.entity);
        return { score: row.score, node: row.entity, matched: matchedName(row.entity, args.query) };
      });
    },
  }),
);
