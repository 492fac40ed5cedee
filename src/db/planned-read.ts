import { z } from 'zod';
import { cypher, filledCypher, isSlotValue, parametersToSend } from './cypher-files.ts';
import type { ReadScope } from './read-scope.ts';
import { type EntityPage, type EntityPageRequest, entityPageOf, entityPageParameters, entityPageRow } from './repositories/lists.ts';
import {
  type RelationPage,
  type RelationPageRequest,
  relationEdgeRow,
  relationPageOf,
  relationPageParameters,
} from './repositories/relations.ts';

/**
 * Planned nested reads: one statement for a root page and the tree of relation connections a
 * request selects below it (issue #13: organizations → memoranda → signatories → positions in
 * one Bolt exchange, where the per-level DataLoaders took one per level).
 *
 * The statement is composed from the blocks in cypher/planned/: the root's page
 * (queries/entity-page, as it is), then one planned/relation-level block per relation
 * connection, nested as the selection nests them. Nothing of a request reaches the text but
 * choices among closed lists: the relationship type, the arrow and the order are
 * relation-pages' slots, checked against the same lists; the nesting is the plan's shape; every
 * value is a parameter, renamed per level ($p1_limit, $p2_limit, …) so that levels never share
 * one. test/unit/planned-read.test.ts pins the generated text, as @neo4j/graphql's TCK does.
 */

/** One relation connection of a planned read: the page it reads for each parent, and the levels below. */
export interface PlannedLevel {
  /** The page request, exactly as the connection's resolver would give the relation-page loader. */
  request: RelationPageRequest;
  children: readonly PlannedLevel[];
}

const token = Symbol('planned statement');

/** A statement the builder below composed: only this module can make one, so no other text can be run as one. */
export class PlannedStatement {
  /** The name its span and logs carry: the block it starts with. */
  readonly name: string;
  readonly text: string;
  readonly parameters: Record<string, unknown>;

  constructor(key: typeof token, name: string, text: string, parameters: Record<string, unknown>) {
    if (key !== token) throw new Error('a PlannedStatement is made by src/db/planned-read.ts only');
    this.name = name;
    this.text = text;
    this.parameters = parameters;
  }
}

const slotNames = ['type', 'left', 'right', 'order'] as const;
const parameter = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const marker = /\{\{(\w+)\}\}/g;

/** Writes a block's markers: each must be given, so a block and its builder cannot drift apart unnoticed. */
function fill(block: string, text: string, values: Record<string, string>): string {
  return text.replace(marker, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`planned block "${block}": no value for {{${name}}}`);
    return value;
  });
}

/** The name of the i-th answer among siblings. */
const pageName = (index: number) => `page${index}`;

/** One relation-level block, its levels below written into it, its parameters added to `parameters`. */
function levelText(level: PlannedLevel, as: string, parameters: Record<string, unknown>, counter: { levels: number }): string {
  if (level.request.includeParts) throw new Error('a planned read does not roll parts up (includeParts): the loader reads those');
  counter.levels += 1;
  const prefix = `p${counter.levels}_`;
  const values = relationPageParameters(level.request);
  const slots: Record<string, string> = {};
  for (const slot of slotNames) {
    const value = values[slot];
    if (!isSlotValue(slot, value)) throw new Error(`planned read: ${JSON.stringify(value)} cannot fill slot "${slot}"`);
    slots[slot] = value;
  }
  for (const [name, value] of Object.entries(values)) {
    if (!(slotNames as readonly string[]).includes(name)) parameters[`${prefix}${name}`] = value;
  }
  const children = level.children.map((child, index) => levelText(child, pageName(index), parameters, counter));
  const block = cypher('planned/relation-level').replace(parameter, (_match, name: string) => `$${prefix}${name}`);
  return fill('planned/relation-level', block, {
    ...slots,
    children: children.join('\n'),
    pages: level.children.map((_child, index) => pageName(index)).join(', '),
    as,
  });
}

/** The statement for a root page and the relation connections below it: `levels` in plan order. */
export function plannedEntityPage(request: EntityPageRequest, withTotal: boolean, levels: readonly PlannedLevel[]): PlannedStatement {
  const pageParameters = entityPageParameters(request, withTotal);
  const parameters: Record<string, unknown> = { ...parametersToSend('queries/entity-page', pageParameters) };
  const counter = { levels: 0 };
  const children = levels.map((level, index) => levelText(level, pageName(index), parameters, counter));
  const text = fill('planned/entity-page-tree', cypher('planned/entity-page-tree'), {
    page: filledCypher('queries/entity-page', pageParameters),
    children: children.join('\n'),
    pages: levels.map((_level, index) => pageName(index)).join(', '),
  });
  return new PlannedStatement(token, 'planned/entity-page-tree', text, parameters);
}

interface PlannedPageRow {
  total: number;
  /** `pages`: the answers of the levels below, null for the extra row, below which nothing is read. */
  edges: (z.output<typeof relationEdgeRow> & { pages: (PlannedPageRow | null)[] })[];
}

// A level's answer holds the answers of the levels below it, to any depth the plan has.
const plannedPageRow: z.ZodType<PlannedPageRow> = z.lazy(() =>
  z.object({ total: z.number(), edges: z.array(relationEdgeRow.extend({ pages: z.array(plannedPageRow.nullable()) })) }),
);

const treeRow = entityPageRow.extend({ tree: z.array(z.object({ id: z.string(), pages: z.array(plannedPageRow) })) });

/** A relation page the planned read fetched, under the key its connection's loader asks with. */
export interface FetchedRelationPage {
  id: string;
  request: RelationPageRequest;
  page: RelationPage;
}

/**
 * A root page and, for every entity on it, the pages of the planned levels below, to any depth:
 * one statement. The pages come back flat, each with the (id, request) its loader is asked
 * with, for the caller to prime the loaders with.
 */
export async function loadEntityPageWithLevels(
  scope: ReadScope,
  request: EntityPageRequest,
  withTotal: boolean,
  levels: readonly PlannedLevel[],
): Promise<{ page: EntityPage; pages: FetchedRelationPage[] }> {
  const [row] = await scope.readPlanned(plannedEntityPage(request, withTotal, levels), treeRow);
  const pages: FetchedRelationPage[] = [];
  const collect = (id: string, answers: readonly (PlannedPageRow | null)[], planned: readonly PlannedLevel[]) => {
    planned.forEach((level, index) => {
      const answer = answers[index];
      // The extra row a page reads to learn whether more exist: its resolver never asks what is below it.
      if (!answer) return;
      pages.push({ id, request: level.request, page: relationPageOf(id, answer.total, answer.edges, level.request) });
      for (const edge of answer.edges) collect(edge.other.id, edge.pages, level.children);
    });
  };
  for (const entry of row?.tree ?? []) collect(entry.id, entry.pages, levels);
  return { page: entityPageOf(request, withTotal, row), pages };
}
