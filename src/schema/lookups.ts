import type { ObjectRef } from '@pothos/core';
import type { GraphQLResolveInfo } from 'graphql';
import { findTldByForms } from '../db/repositories/lists.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { type EntityLabel, entityLabels } from '../domain/graph.ts';
import { type EntityRow, type GraphEntityLabel, hasLabel, type RowOfLabel } from '../domain/stored-entity.ts';
import { tldForms } from '../domain/text/tld-forms.ts';
import { builder, type Types } from './builder.ts';
import type { RequestContext } from './context.ts';
import { expectLabel, loadEntities, loadEntitiesInOrder } from './entity.ts';
import { decodeEntityId } from './graph-types.ts';
import { lookupViewFor } from './record-view.ts';
import { parseRef, resolveAnyRef } from './references.ts';
import {
  BodyRef,
  ConflictRef,
  CountryRef,
  DocumentRef,
  EntityRef,
  EventRef,
  MemorandumRef,
  OrganizationRef,
  PersonRef,
  SourceRef,
  StatementRef,
  TldRef,
  TopicRef,
} from './refs.ts';

/**
 * The slug a lookup's `slug` argument means: the slug itself, or the one inside a global ID of
 * this type (a global ID of another type names nothing here). Anything else is looked up as it
 * is, and names nothing.
 */
function lookupSlug(given: string, label: EntityLabel): string | null {
  const parsed = parseRef(given);
  if (parsed.kind === 'globalId') return parsed.label === label ? parsed.slug : null;
  return given;
}

async function lookUp<L extends EntityLabel>(
  context: RequestContext,
  given: string,
  label: L,
  info: GraphQLResolveInfo,
): Promise<RowOfLabel<L> | null> {
  const slug = lookupSlug(given, label);
  if (slug === null) return null;
  // Only the properties the selection reads, when all its fields say which (record-view.ts): a
  // point lookup's whole record is most of what Neo4j reads and sends for it.
  const view = lookupViewFor(info);
  if (view === null) return (await loadEntities(context, [slug], [label]))[0] ?? null;
  const found = await context.loaders.entityView.load({ id: slug, view });
  return hasLabel(found, [label]) ? found : null;
}

/**
 * What node(id:) and nodes(ids:) take: a global ID, whose type must match, or a plain slug,
 * of any type. Anything else is BAD_USER_INPUT, as an ID that is not one was before.
 */
function nodeRef(given: string, argument: string): { label: EntityLabel | null; slug: string } {
  const parsed = parseRef(given);
  if (parsed.kind === 'slug') return { label: null, slug: parsed.slug };
  return decodeEntityId(given, argument);
}

/**
 * A lookup by slug of one type: `organization(slug:)` and the like. The label and the type are
 * checked to agree here; the field is built over the Entity union, since Pothos cannot check a
 * resolver against a row type left generic. lookUp answers only rows of `label`.
 */
function defineLookup<L extends GraphEntityLabel>(
  field: string,
  label: L,
  ref: ObjectRef<Types, Extract<EntityRow, { label: NoInfer<L> }>>,
): void {
  const type: ObjectRef<Types, EntityRow> = ref;
  builder.queryField(field, (t) =>
    t.field({
      type,
      nullable: true,
      description: `The ${label} with this slug (or a former slug of it, or its global ID), or null. entity(ref:) says why when nothing matches.`,
      args: {
        slug: t.arg.string({
          required: true,
          description: `Its slug, e.g. as shown by the "slug" field, or its global ID (the "id" field).`,
        }),
      },
      resolve: (_root, { slug }, context, info) => lookUp(context, slug, label, info),
    }),
  );
}

defineLookup('organization', 'Organization', OrganizationRef);
defineLookup('person', 'Person', PersonRef);
defineLookup('memorandum', 'Memorandum', MemorandumRef);
defineLookup('event', 'Event', EventRef);
defineLookup('body', 'Body', BodyRef);
defineLookup('document', 'Document', DocumentRef);
defineLookup('topic', 'Topic', TopicRef);
defineLookup('country', 'Country', CountryRef);
defineLookup('source', 'Source', SourceRef);
defineLookup('statement', 'Statement', StatementRef);

// A conflict is no entity of the graph (no relationships, not searched), but has a slug as one.
builder.queryField('conflict', (t) =>
  t.field({
    type: ConflictRef,
    nullable: true,
    description:
      'The conflict with this slug (e.g. "conflict-su-manager") or global ID, or null. conflicts(about:) lists those about an entity.',
    args: { slug: t.arg.string({ required: true, description: 'Its slug, e.g. "conflict-su-manager", or its global ID.' }) },
    resolve: async (_root, { slug }, context) => {
      const given = lookupSlug(slug, 'Conflict');
      return given === null ? null : ((await loadEntities(context, [given], ['Conflict']))[0] ?? null);
    },
  }),
);

builder.queryField('entity', (t) =>
  t.field({
    type: EntityRef,
    nullable: true,
    description:
      'Any entity by reference: its slug ("msk-ix"), a former slug, its global ID, or a name or alias that exactly one entity ' +
      'has ("ICANN", "Воробьёв" does not: that is part of a name). A reference that names nothing is a NOT_FOUND error with ' +
      'up to three candidates in extensions.didYouMean; a name that several entities have is BAD_USER_INPUT listing them.',
    args: {
      ref: t.arg.id({ description: 'A slug, a global ID, or an exact name or alias (case and accents ignored).' }),
      slug: t.arg.string({
        description: 'Its slug, e.g. "msk-ix"; null when none has it.',
        deprecationReason: 'Use ref, which takes a slug too and says what went wrong when nothing matches. Deprecated 2026-12-01.',
      }),
    },
    resolve: async (_root, args, context) => {
      if ((args.ref == null) === (args.slug == null))
        throw new BadUserInputError('give "ref" (or the deprecated "slug"), exactly one', { argument: 'ref' });
      if (args.ref != null) return resolveAnyRef(context, 'ref', String(args.ref));
      return (await loadEntities(context, [String(args.slug)]))[0] ?? null;
    },
  }),
);

builder.queryField('tld', (t) =>
  t.field({
    type: TldRef,
    nullable: true,
    description:
      'A top-level domain by any of its forms: ".RU", "ru", ".РФ", "рф", "xn--p1ai" or ".xn--p1ai", or an alias (".BEL" for ".бел"). Null when unknown.',
    args: {
      name: t.arg.string({ required: true, description: 'The domain in any case and script, with or without the dot.' }),
    },
    resolve: async (_root, { name }, context) => {
      const forms = tldForms(name);
      if (forms.length === 0)
        throw new BadUserInputError(`"name" must be a single top-level label such as ".ru" or "рф", got ${JSON.stringify(name)}`, {
          argument: 'name',
        });
      const tld = await findTldByForms(context.reads, forms);
      if (!tld) return null;
      context.loaders.entity.prime(tld.id, tld);
      return expectLabel(tld, 'Tld');
    },
  }),
);

// A TLD by slug too, like every other type.
builder.queryField('tldBySlug', (t) =>
  t.field({
    type: TldRef,
    nullable: true,
    description: 'The Tld with this slug (or a former slug of it, or its global ID), or null.',
    args: { slug: t.arg.string({ required: true, description: 'Its slug, e.g. "tld-rf", or its global ID.' }) },
    resolve: (_root, { slug }, context, info) => lookUp(context, slug, 'Tld', info),
  }),
);

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description:
      "An entity by its global ID (one built from a former slug too), or by its slug; null when no entity (of the global ID's type) has that slug.",
    args: { id: t.arg.id({ required: true, description: 'A global ID, as the "id" field of any entity gives it, or a slug.' }) },
    resolve: async (_root, args, context) => {
      const { label, slug } = nodeRef(String(args.id), 'id');
      // A slug of any type, a conflict's too, as nodes(ids:) takes it.
      return (await loadEntities(context, [slug], label ? [label] : entityLabels))[0] ?? null;
    },
  }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: 'Entities by their global IDs or slugs, in the order given (null where not found).',
    args: { ids: t.arg.idList({ required: true, description: 'Global IDs, as the "id" field of any entity gives them, or slugs.' }) },
    resolve: async (_root, args, context) => {
      // Every ID is checked before any is loaded: one malformed ID fails the field, naming it.
      const wanted = args.ids.map((id) => nodeRef(String(id), 'ids'));
      // In the order asked: a global ID built from a former slug answers with the entity under its current slug.
      const found = await loadEntitiesInOrder(
        context,
        wanted.map((want) => want.slug),
      );
      return wanted.map((want, index) => {
        const entity = found[index];
        return entity && (want.label === null || entity.label === want.label) ? entity : null;
      });
    },
  }),
);
