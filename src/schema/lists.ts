import type { InputFieldBuilder, ObjectRef } from '@pothos/core';
import { loadEntityPageWithLevels } from '../db/planned-read.ts';
import { type EntityFilter, type EntityPage, loadEntityPage, type OrderField } from '../db/repositories/lists.ts';
import { dateRange } from '../domain/dates.ts';
import { BadUserInputError } from '../domain/errors.ts';
import type { EntityLabel } from '../domain/graph.ts';
import { relationRules } from '../domain/rules.ts';
import type { RowOfLabel } from '../domain/stored-entity.ts';
import { searchKey } from '../domain/text/normalize.ts';
import { builder, type Types } from './builder.ts';
import type { RequestContext } from './context.ts';
import { countryCode } from './countries.ts';
import { BodyKindEnum, DocumentKindEnum, EventKindEnum, OrganizationKindEnum, roleEnums, TldTypeEnum } from './curation/enums.ts';
import { expectLabel } from './entity.ts';
import { EvidenceEnum, evidenceFilter } from './evidence.ts';
import { primeRelationPages } from './loaders.ts';
import { EntityOrderInput } from './ordering.ts';
import { countedTotal, cutPage, encodeCursor, pageWindow } from './paging.ts';
import { planRelationLevels } from './planner.ts';
import { rowViewFor } from './record-view.ts';
import { resolveRef } from './references.ts';
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
} from './refs.ts';
import { PartialDate } from './scalars.ts';
import { selectsField } from './selection.ts';

type FilterField = 'kind' | 'type' | 'idn' | 'country' | 'manages' | 'dates' | RelatedFilter;

interface ListSpec<L extends EntityLabel> {
  field: string;
  label: L;
  ref: ObjectRef<Types, RowOfLabel<NoInfer<L>>>;
  filters: FilterField[];
  description: string;
}

/**
 * The closed list each kind or type filter takes: the same enums as the writes, so a value read
 * from one entity (or written) filters for the others, and a value outside the list is refused
 * with the allowed ones (src/schema/closed-lists.ts) instead of matching nothing.
 */
const ManagesRoleEnum = roleEnums.MANAGES;

const kindEnums: Partial<Record<EntityLabel, typeof BodyKindEnum>> = {
  Organization: OrganizationKindEnum,
  Event: EventKindEnum,
  Body: BodyKindEnum,
  Document: DocumentKindEnum,
};

/** Each list's query field, defined with its label's row type (see defineList). */
const lists: (() => void)[] = [
  () =>
    defineList({
      field: 'organizations',
      label: 'Organization',
      ref: OrganizationRef,
      filters: ['kind', 'country', 'manages'],
      description: 'Organizations.',
    }),
  () => defineList({ field: 'persons', label: 'Person', ref: PersonRef, filters: [], description: 'People.' }),
  () => defineList({ field: 'tlds', label: 'Tld', ref: TldRef, filters: ['type', 'idn', 'country'], description: 'Top-level domains.' }),
  () =>
    defineList({
      field: 'memoranda',
      label: 'Memorandum',
      ref: MemorandumRef,
      filters: ['topic', 'party', 'signatory', 'dates'],
      description: 'Memoranda of cooperation and understanding.',
    }),
  () =>
    defineList({
      field: 'events',
      label: 'Event',
      ref: EventRef,
      filters: ['kind', 'topic', 'participant', 'dates'],
      description: 'Events.',
    }),
  () => defineList({ field: 'bodies', label: 'Body', ref: BodyRef, filters: ['kind'], description: 'Governance bodies.' }),
  () =>
    defineList({
      field: 'documents',
      label: 'Document',
      ref: DocumentRef,
      filters: ['kind', 'dates'],
      description: 'Documents: resolutions, reports.',
    }),
  () => defineList({ field: 'topics', label: 'Topic', ref: TopicRef, filters: [], description: 'Topics.' }),
  () => defineList({ field: 'countries', label: 'Country', ref: CountryRef, filters: [], description: 'Countries.' }),
  () => defineList({ field: 'sources', label: 'Source', ref: SourceRef, filters: ['dates'], description: 'Sources.' }),
  () =>
    defineList({
      field: 'statements',
      label: 'Statement',
      ref: StatementRef,
      filters: ['topic', 'speaker', 'about', 'saidAt', 'dates'],
      description: 'Statements: who said what, where and when, as the sources report it.',
    }),
];

/** Filters on an entity at the other end of a relation: each takes a slug or global ID of the labels that relation admits there. */
const relatedFilters = ['topic', 'party', 'signatory', 'participant', 'speaker', 'about', 'saidAt'] as const;
type RelatedFilter = (typeof relatedFilters)[number];

const relatedFilterRules: Readonly<Record<RelatedFilter, { labels: readonly EntityLabel[]; description: string }>> = {
  topic: {
    labels: ['Topic'],
    description:
      'Only those covering, discussing or (statements) about this topic: its slug (e.g. "topic-phishing") or global ID. An unknown topic is NOT_FOUND.',
  },
  party: {
    labels: relationRules.PARTY_TO.from,
    description: 'Only those this organization or body is party to: its slug (e.g. "msk-ix") or global ID. An unknown one is NOT_FOUND.',
  },
  signatory: {
    labels: relationRules.SIGNED.from,
    description: 'Only those this person signed: the slug (e.g. "andrey-vorobyev") or global ID. An unknown one is NOT_FOUND.',
  },
  participant: {
    labels: relationRules.PARTICIPATED_IN.from,
    description:
      'Only those this person, organization, body or country took part in, in any role, itself or in an event inside them by PART_OF, ' +
      'at any depth (a section, round table or session of a conference; an edition of a series): its slug (e.g. "andrey-vorobyev") ' +
      'or global ID. An unknown one is NOT_FOUND.',
  },
  speaker: {
    labels: relationRules.SAID_BY.to,
    description:
      'Only those this person, organization or body said: its slug (e.g. "natalia-babekina") or global ID. An unknown one is NOT_FOUND.',
  },
  about: {
    labels: relationRules.ABOUT.to,
    description:
      'Only those about this entity (a topic, an actor, a document, a memorandum, an event, a TLD or a country): its slug (e.g. "icann") or global ID. An unknown one is NOT_FOUND.',
  },
  saidAt: {
    labels: relationRules.SAID_AT.to,
    description:
      'Only those said at this event or at an event inside it (its sections and round tables, at any depth): its slug (e.g. ' +
      '"event-rans-ict-security-2021") or global ID. An unknown one is NOT_FOUND.',
  },
};

interface FilterInputShape {
  nameContains?: string | null;
  nameStartsWith?: string | null;
  kind?: string | null;
  type?: string | null;
  idn?: boolean | null;
  country?: string | null;
  manages?: readonly string[] | null;
  topic?: string | null;
  party?: string | null;
  signatory?: string | null;
  participant?: string | null;
  speaker?: string | null;
  about?: string | null;
  saidAt?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
}

function filterFields(t: InputFieldBuilder<Types, 'InputObject'>, label: EntityLabel, filters: FilterField[]) {
  const kindEnum = kindEnums[label];
  return {
    nameContains: t.field({
      type: 'NonEmptyString',
      description: 'Name or alias contains this text, ignoring case and accents ("воробьев" finds "Воробьёв").',
    }),
    nameStartsWith: t.field({
      type: 'NonEmptyString',
      description: 'Name starts with this text, ignoring case and accents.',
    }),
    ...(filters.includes('kind') && kindEnum
      ? {
          kind: t.field({
            type: kindEnum,
            description:
              label === 'Organization'
                ? 'Only this kind (e.g. REGISTRY): what the organization is, as recorded. What it does for a TLD is `manages`: RIPN, a RESEARCH_CENTER, runs the .su registry.'
                : 'Only this kind (e.g. REGISTRY).',
          }),
        }
      : {}),
    ...(filters.includes('manages') && ManagesRoleEnum
      ? {
          manages: t.field({
            type: [ManagesRoleEnum],
            description:
              'Only those that manage a TLD in one of these roles, whatever their kind ([REGISTRY]: every registry, where the sources disagree too). Absent or empty: any.',
          }),
        }
      : {}),
    ...(filters.includes('type') ? { type: t.field({ type: TldTypeEnum, description: 'Only this TLD type (e.g. COUNTRY_CODE).' }) } : {}),
    ...(filters.includes('idn')
      ? {
          idn: t.boolean({
            description: 'Only internationalized domains, whose name is not ASCII (true: .рф, .бел, .москва), or only ASCII ones (false).',
          }),
        }
      : {}),
    ...(filters.includes('country')
      ? {
          country: t.string({
            description:
              'Only this country: an ISO 3166-1 alpha-2 code ("RU", "ru"), or the name, an alias or the slug of a country in the graph ' +
              '("Russia", "Russian Federation", "country-ru"). Anything else is refused, naming the countries there are.',
          }),
        }
      : {}),
    ...Object.fromEntries(
      relatedFilters
        .filter((name) => filters.includes(name))
        .map((name) => [name, t.string({ description: relatedFilterRules[name].description })]),
    ),
    ...(filters.includes('dates')
      ? {
          dateFrom: t.field({
            type: PartialDate,
            description:
              'Only those whose date may fall on or after the start of this date ("2021" means from 2021-01-01). Undated ones are left out.',
          }),
          dateTo: t.field({
            type: PartialDate,
            description:
              'Only those whose date may fall on or before the end of this date ("2021-02" means up to 2021-02-28). Undated ones are left out.',
          }),
        }
      : {}),
  };
}

/**
 * The filter as the page statements take it. References are resolved first: a topic by slug or
 * global ID (NOT_FOUND when it names none), a country by code or name (BAD_USER_INPUT when it is
 * neither); kinds and types are already checked by their enums.
 */
async function toFilter(context: RequestContext, input: FilterInputShape | null | undefined, evidence: unknown): Promise<EntityFilter> {
  const key = (value: string | null | undefined) => (value ? searchKey(value) : null);
  const related = async (name: RelatedFilter) => {
    const ref = input?.[name];
    return ref
      ? ((await resolveRef(context, { argument: `filter.${name}`, ref, labels: relatedFilterRules[name].labels }))?.id ?? null)
      : null;
  };
  const dateFrom = input?.dateFrom ? dateRange(input.dateFrom).first : null;
  const dateTo = input?.dateTo ? dateRange(input.dateTo).last : null;
  // A range that ends before it starts matches nothing: say so, as timeline(from:, to:) does.
  if (dateFrom !== null && dateTo !== null && dateFrom > dateTo) {
    throw new BadUserInputError('"filter.dateTo" must not come before "filter.dateFrom"', { argument: 'filter.dateTo' });
  }
  return {
    kind: input?.kind ?? null,
    type: input?.type ?? null,
    idn: input?.idn ?? null,
    country: input?.country ? await countryCode(context, input.country, 'filter.country') : null,
    manages: input?.manages && input.manages.length > 0 ? [...new Set(input.manages)] : null,
    nameContains: key(input?.nameContains),
    nameStartsWith: key(input?.nameStartsWith),
    dateFrom,
    dateTo,
    topic: await related('topic'),
    party: await related('party'),
    signatory: await related('signatory'),
    participant: await related('participant'),
    speaker: await related('speaker'),
    about: await related('about'),
    saidAt: await related('saidAt'),
    evidence: evidenceFilter(evidence),
  };
}

function defineList<L extends EntityLabel>(spec: ListSpec<L>): void {
  // A plain string: Pothos would type the input by the template literal's name.
  const filterName: string = `${spec.label}Filter`;
  const FilterInput = builder.inputType(filterName, {
    description: `Filters for ${spec.field}; all given filters must hold.`,
    fields: (t) => filterFields(t, spec.label, spec.filters),
  });

  builder.queryField(spec.field, (t) =>
    t.connection(
      {
        type: spec.ref,
        description: `${spec.description} A Relay connection with keyset cursors: pages stay correct when entities are added between requests.`,
        args: {
          filter: t.arg({ type: FilterInput, description: 'Which ones to list.' }),
          orderBy: t.arg({ type: EntityOrderInput, description: 'How to order them (default: by name, ascending).' }),
          // A source is what the others cite: it cites nothing itself.
          ...(spec.label === 'Source'
            ? {}
            : {
                evidence: t.arg({
                  type: [EvidenceEnum],
                  description:
                    "Only those with at least one citation, field value or claim of these kinds (each one's `provenance` and `claims` say " +
                    'which): [INFERRED] for what holds something read from the sources rather than said in them, [EXTERNAL] for what ' +
                    'holds a value from outside them (an ISO code, a punycode form, an alias). Absent or null: any.',
                }),
              }),
        },
        resolve: async (_root, args, context, info) => {
          const orderBy = (args.orderBy?.field ?? 'NAME') as OrderField;
          const window = pageWindow(args, undefined, orderBy === 'NAME' ? undefined : orderBy);
          const filter = await toFilter(context, args.filter as FilterInputShape | null | undefined, args.evidence);
          const request = {
            label: spec.label,
            filter,
            orderBy,
            ascending: (args.orderBy?.direction ?? 'ASC') === 'ASC',
            limit: window.limit,
            after: window.after,
            before: window.before,
            backwards: window.backwards,
            // Only the properties the selection reads, when all its fields say which (record-view.ts).
            view: rowViewFor(info),
          };
          // The count rides along with the page, in the same statement, and only when asked for.
          const withTotal = selectsField(info, 'totalCount');
          // The relation connections below, as far as the planner covers them, come in the same
          // statement too; the loaders, primed with their pages, read only what it left out.
          const levels = context.plannedReads ? planRelationLevels(info) : [];
          let read: EntityPage;
          if (levels.length > 0) {
            const planned = await loadEntityPageWithLevels(context.reads, request, withTotal, levels);
            primeRelationPages(context.loaders, planned.pages);
            read = planned.page;
          } else {
            read = await loadEntityPage(context.reads, request, withTotal);
          }
          const { rows, total } = read;
          const page = cutPage(rows, window, (row) => row.position);
          // Rows read through a view are partial: they answer this selection only.
          if (request.view === null) for (const row of page.rows) context.loaders.entity.prime(row.entity.id, row.entity);
          return {
            totalCount: total,
            pageInfo: page.pageInfo,
            edges: page.rows.map((row) => ({ cursor: encodeCursor(row.position), node: expectLabel(row.entity, spec.label) })),
          };
        },
      },
      {
        name: `${spec.label}Connection`,
        description: `A page of ${spec.field}.`,
        fields: (c) => ({
          totalCount: c.int({
            description: 'How many match the filter in all (counted in the database).',
            resolve: countedTotal,
          }),
        }),
      },
      { name: `${spec.label}Edge`, description: `One of ${spec.field}.` },
    ),
  );
}

for (const define of lists) define();
