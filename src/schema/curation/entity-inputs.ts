/**
 * One input type per entity kind, from one table: the fields of the kind's seed record
 * (seed/README.md), typed with the API's scalars and enums, each checked as the seed format checks it.
 */
import type { InputFieldMap, ObjectRef } from '@pothos/core';
import type { EntityLabel } from '../../domain/graph.ts';
import type { EntityRow, GraphEntityLabel } from '../../domain/stored-entity.ts';
import { builder, type Types } from '../builder.ts';
import {
  BodyRef,
  CountryRef,
  DocumentRef,
  EventRef,
  MemorandumRef,
  OrganizationRef,
  PersonRef,
  SourceRef,
  StatementRef,
  TldRef,
  TopicRef,
} from '../refs.ts';
import { citationEvidenceField, citationsField, describingFields, SourceInput, slugFields } from './citations.ts';
import { BodyKindEnum, DocumentKindEnum, EventKindEnum, OrganizationKindEnum, TldTypeEnum } from './enums.ts';
import { seedCheck } from './seed-checks.ts';

type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
/** The input of one kind: its shape is the kind's own, read by the write as a seed record. */
type EntityInputRef = PothosSchemaTypes.InputObjectRef<Types, Record<string, unknown>>;

export interface EntityWriteSpec {
  label: GraphEntityLabel;
  /** The seed collection its records belong to. */
  collection: string;
  ref: ObjectRef<Types, EntityRow>;
  /** A phrase for descriptions: "an organization". */
  noun: string;
  input: EntityInputRef;
}

/** A spec whose type is checked to be its label's (the list below holds them as EntityWriteSpec). */
function writeSpec<L extends GraphEntityLabel>(
  spec: EntityWriteSpec & { label: L; ref: ObjectRef<Types, Extract<EntityRow, { label: NoInfer<L> }>> },
): EntityWriteSpec {
  return spec;
}

const kindNote = 'The whole record is replaced: an omitted optional field is removed, so the same input twice leaves the same state.';

function entityInput(label: EntityLabel, collection: string, description: string, own: (t: InputFields) => InputFieldMap): EntityInputRef {
  return builder.inputType(`${label}Input`, {
    description: `${description} ${kindNote}`,
    fields: (t) => ({
      ...slugFields(t, 'Its slug: lower-case letters and digits joined by hyphens, e.g. "msk-ix" (docs/data-model.md, "Slugs"). Required.'),
      name: t.field({ type: 'NonEmptyString', required: true, description: 'The name used for display.' }),
      sources: citationsField(t),
      citations: citationEvidenceField(t),
      ...describingFields(t, collection),
      // Each kind adds its own fields; Pothos checks them when the type is built.
      ...own(t),
    }),
  });
}

const countryField = (t: InputFields, what: string) =>
  t.field({ type: 'CountryCode', description: `ISO 3166-1 alpha-2 code of the country ${what} (stored in upper case).` });

const dateField = (t: InputFields, description: string) => t.field({ type: 'PartialDate', description });

export const entityWriteSpecs: readonly EntityWriteSpec[] = [
  writeSpec({
    label: 'Organization',
    collection: 'organizations',
    ref: OrganizationRef,
    noun: 'an organization',
    input: entityInput('Organization', 'organizations', 'An organization: a registry, exchange point, agency, company, …', (t) => ({
      kind: t.field({ type: OrganizationKindEnum, required: true, description: 'What sort of organization it is.' }),
      country: countryField(t, 'it is based in'),
    })),
  }),
  writeSpec({
    label: 'Person',
    collection: 'persons',
    ref: PersonRef,
    noun: 'a person',
    input: entityInput('Person', 'persons', 'A person (their positions are HOLDS_POSITION relations).', () => ({})),
  }),
  writeSpec({
    label: 'Tld',
    collection: 'tlds',
    ref: TldRef,
    noun: 'a top-level domain',
    input: entityInput('Tld', 'tlds', 'A top-level domain; its name is the Unicode form with the dot, e.g. ".рф".', (t) => ({
      ascii: t.string({
        required: true,
        description: 'The lower-case ASCII form with its dot: punycode for an IDN, e.g. ".xn--p1ai" or ".ru".',
        validate: seedCheck('tlds', 'ascii'),
      }),
      type: t.field({ type: TldTypeEnum, description: 'What sort of domain it is.' }),
      idn: t.boolean({ description: 'Whether it is an internationalized (non-ASCII) domain.' }),
      country: countryField(t, 'it serves'),
    })),
  }),
  writeSpec({
    label: 'Memorandum',
    collection: 'memoranda',
    ref: MemorandumRef,
    noun: 'a memorandum',
    input: entityInput('Memorandum', 'memoranda', 'A memorandum (its parties and signatories are relations).', (t) => ({
      date: dateField(t, 'When it was signed, with the precision the source gives. Omitted when unknown.'),
    })),
  }),
  writeSpec({
    label: 'Event',
    collection: 'events',
    ref: EventRef,
    noun: 'an event',
    input: entityInput('Event', 'events', 'A conference, section, round table, session or other event.', (t) => ({
      kind: t.field({ type: EventKindEnum, description: 'What sort of event it is.' }),
      startDate: dateField(t, 'When it began.'),
      endDate: dateField(t, 'When it ended; not before startDate.'),
      place: t.field({ type: 'NonEmptyString', description: 'Where it took place, as the source says.' }),
      edition: t.int({ description: 'Which edition of a recurring event (a positive integer).', validate: seedCheck('events', 'edition') }),
      url: t.field({ type: 'URL', description: "The event's web page: an http(s) URL." }),
    })),
  }),
  writeSpec({
    label: 'Body',
    collection: 'bodies',
    ref: BodyRef,
    noun: 'a governance body',
    input: entityInput('Body', 'bodies', 'A governance body (ICANN, the GNSO, a UN working group, …).', (t) => ({
      kind: t.field({ type: BodyKindEnum, description: 'What sort of body it is.' }),
    })),
  }),
  writeSpec({
    label: 'Document',
    collection: 'documents',
    ref: DocumentRef,
    noun: 'a document',
    input: entityInput('Document', 'documents', 'A document: a resolution, a report, the text of a memorandum, a statement.', (t) => ({
      kind: t.field({ type: DocumentKindEnum, description: 'What sort of document it is.' }),
      number: t.field({ type: 'NonEmptyString', description: 'Its number, e.g. "75/240".' }),
      date: dateField(t, 'When it was issued, with the precision the source gives.'),
    })),
  }),
  writeSpec({
    label: 'Topic',
    collection: 'topics',
    ref: TopicRef,
    noun: 'a topic',
    input: entityInput('Topic', 'topics', 'A topic that memoranda cover and events discuss.', () => ({})),
  }),
  writeSpec({
    label: 'Country',
    collection: 'countries',
    ref: CountryRef,
    noun: 'a country',
    input: entityInput('Country', 'countries', 'A country.', (t) => ({
      code: t.field({ type: 'CountryCode', required: true, description: 'Its ISO 3166-1 alpha-2 code (stored in upper case).' }),
    })),
  }),
  writeSpec({
    label: 'Statement',
    collection: 'statements',
    ref: StatementRef,
    noun: 'a statement',
    input: entityInput(
      'Statement',
      'statements',
      'Something a person, organization or body said; who, where and what about are SAID_BY, SAID_AT and ABOUT relations.',
      (t) => ({
        summary: t.field({
          type: 'NonEmptyString',
          required: true,
          description: "What was said, in the project's own words (never the source's sentences).",
        }),
        date: dateField(t, 'When it was said, with the precision the source gives.'),
      }),
    ),
  }),
  writeSpec({ label: 'Source', collection: 'sources', ref: SourceRef, noun: 'a source', input: SourceInput }),
];
