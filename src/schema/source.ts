import { loadSupportPage, type SupportPosition, type SupportRow } from '../db/repositories/sources.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { type CitationRecord, citationsOf } from '../domain/evidence.ts';
import { evidenceSourceOf, type StoredClaim } from '../domain/stored-entity.ts';
import { builder } from './builder.ts';
import { countScanExtension, scanCosts } from './cost.ts';
import { ClaimRef, nodeOptions } from './entity.ts';
import { CitationRef, EvidenceEnum, evidenceFilter } from './evidence.ts';
import { EdgeRef } from './graph-types.ts';
import { countedTotal, cutPage, encodeCursor, type Position, pageWindow } from './paging.ts';
import { EntityRef, graphEntityRefs, SourceRef } from './refs.ts';
import { PartialDate } from './scalars.ts';
import { selectsField } from './selection.ts';

/** A record a source is cited for: an entity (any but a conflict) or a relationship. */
const SupportedRecordRef = builder.unionType('SupportedRecord', {
  description: 'A record a source is cited for: an entity, or a relationship (`Edge`).',
  types: [...graphEntityRefs, EdgeRef],
  resolveType: (record) => ('label' in record ? record.label : 'Edge'),
});

/** One supported record with what the source gives it: the record's citation, or claims of its. */
interface Support {
  row: SupportRow;
  citation: CitationRecord | null;
  /** The record cites this source and no other (its claims aside). */
  onlySource: boolean;
  claims: readonly StoredClaim[];
}

function supportOf(row: SupportRow, source: string): Support {
  const citations = citationsOf(row.part === 1 ? evidenceSourceOf(row.relation.props) : row.entity);
  const citation = citations.find((entry) => entry.source === source) ?? null;
  return {
    row,
    citation,
    onlySource: citation !== null && citations.length === 1,
    claims: row.part === 1 ? [] : row.entity.claims.filter((claim) => claim.sources.includes(source)),
  };
}

const positionOf = (support: Support): Position => ({ key: String(support.row.part), id: support.row.key });

function supportPosition(position: Position | null): SupportPosition | null {
  if (position === null) return null;
  if (position.key !== '0' && position.key !== '1')
    throw new BadUserInputError('"after" is not a cursor this API issued', { argument: 'after' });
  return { part: position.key === '0' ? 0 : 1, key: position.id };
}

builder.node(SourceRef, {
  ...nodeOptions('Source'),
  interfaces: [EntityRef],
  description: 'A source that states facts: an article, a report. Every entity and relation cites at least one.',
  fields: (t) => ({
    title: t.string({ description: "The source's title.", resolve: (s) => s.title ?? s.name ?? s.id }),
    publisher: t.string({ nullable: true, description: 'Who published it, when known.', resolve: (s) => s.publisher }),
    date: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When it was published, when known.',
      resolve: (s) => s.date,
    }),
    language: t.string({ nullable: true, description: 'Its language (BCP 47, e.g. "en").', resolve: (s) => s.language }),
    file: t.string({
      nullable: true,
      description: "The file holding its text in the project's shared seeds.",
      resolve: (s) => s.file,
    }),
    url: t.field({ type: 'URL', nullable: true, description: 'Where it was published, when known.', resolve: (s) => s.url }),
    supports: t.connection(
      {
        type: SupportedRecordRef,
        description:
          'What this source is cited for: every entity that cites it (itself, or in one of its claims), in slug order, then every relationship that cites it, in key order; each edge says how. ' +
          'What rests on one article (`onlySource`: on it alone). Conflicts are not listed: their sides are, as the relationships and claims that disagree. ' +
          'It reads and sorts every record that cites the source (through an index), and costs accordingly.',
        args: {
          evidence: t.arg({
            type: [EvidenceEnum],
            description:
              'Only the records whose citation of this source is of these kinds: [STATED, INFERRED] leaves out what the source is cited for as outside knowledge (EXTERNAL), which it does not support, and records only a claim of which cites it. Absent or null: every record.',
          }),
        },
        complexity: (args) => ({ field: scanCosts.sourceSupport, multiplier: Math.max(0, args.first ?? 20) }),
        extensions: { [countScanExtension]: scanCosts.sourceSupport },
        resolve: async (source, args, context, info) => {
          if (args.last != null || args.before != null) {
            throw new BadUserInputError('supports pages forward only: give "first" and "after"', {
              argument: args.last != null ? 'last' : 'before',
            });
          }
          const window = pageWindow(args);
          const { rows, total } = await loadSupportPage(context.reads, {
            source: source.id,
            after: supportPosition(window.after),
            limit: window.limit,
            withTotal: selectsField(info, 'totalCount'),
            evidence: evidenceFilter(args.evidence),
          });
          const supports = rows.map((row) => supportOf(row, source.id));
          for (const support of supports) if (support.row.part === 0) context.loaders.entity.prime(support.row.key, support.row.entity);
          const { rows: page, pageInfo } = cutPage(supports, window, positionOf);
          return {
            totalCount: total,
            pageInfo,
            edges: page.map((support) => ({
              cursor: encodeCursor(positionOf(support)),
              node: support.row.part === 0 ? support.row.entity : support.row.relation,
              citation: support.citation,
              onlySource: support.onlySource,
              claims: support.claims,
            })),
          };
        },
      },
      {
        name: 'SourceSupportConnection',
        description: 'A page of the records a source is cited for.',
        fields: (c) => ({
          totalCount: c.int({
            description: 'How many records cite the source, over all pages (counted in the database, reading the whole graph).',
            resolve: countedTotal,
          }),
        }),
      },
      {
        name: 'SourceSupportEdge',
        description: 'One record the source is cited for, and how.',
        fields: (e) => ({
          citation: e.field({
            type: CitationRef,
            nullable: true,
            description:
              "The record's citation of this source: how the source supports the record as a whole (STATED, INFERRED or EXTERNAL, with its basis). Null when only claims of the record cite it.",
            resolve: (edge) => edge.citation,
          }),
          onlySource: e.boolean({
            description:
              'True when the record cites this source and no other (its claims aside): what would be left without support if the source were withdrawn.',
            resolve: (edge) => edge.onlySource,
          }),
          claims: e.field({
            type: [ClaimRef],
            description: "The record's claims (values of a field where sources disagree) that cite this source; empty for a relationship.",
            resolve: (edge) => edge.claims,
          }),
        }),
      },
    ),
  }),
});
