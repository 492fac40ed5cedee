import { findShortestPaths } from '../db/repositories/graph.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { type EntityLabel, relationTypes } from '../domain/graph.ts';
import { asOfArgs, asOfArgument } from './as-of.ts';
import { builder } from './builder.ts';
import { pathsScanCost } from './cost.ts';
import { EntityTypeEnum } from './entity.ts';
import { EvidenceEnum, evidenceArgDescription, evidenceFilter } from './evidence.ts';
import { boundedInt, checkRelationTypes, PathRef, primeEntities } from './graph-types.ts';
import { resolveRefs } from './references.ts';

/** The most paths one answer holds. */
const maxPaths = 20;

builder.queryField('paths', (t) =>
  t.field({
    type: [PathRef],
    // Null, with a NOT_FOUND error on this field alone, when `from` or `to` names no entity.
    nullable: { list: true, items: false },
    complexity: (args) => ({ field: pathsScanCost(args.maxHops), multiplier: maxPaths }),
    description:
      'Every shortest chain of relationships between two entities, in either direction, with the evidence (sources) for every hop. ' +
      `Empty when they are not linked within maxHops. At most ${maxPaths} paths, in a stable order (by the slugs along them).`,
    args: {
      from: t.arg.id({ required: true, description: 'The entity to start from: its slug (e.g. "qrator-labs") or global ID.' }),
      to: t.arg.id({ required: true, description: 'The entity to reach, not the same as from: its slug (e.g. "icann") or global ID.' }),
      maxHops: t.arg.int({ description: 'The longest path to look for, in relationships (1–6, default 4).' }),
      excludeTypes: t.arg({
        type: [EntityTypeEnum],
        description:
          'Entity types no entity inside a path may have (the two ends may): e.g. [COUNTRY] for links that do not merely run ' +
          'through a shared country. Checked during the search, so the shortest paths without them are found. Null or absent for none.',
      }),
      relationTypes: t.arg.stringList({
        description: `Only paths made of these relationship types (e.g. ["MEMBER_OF", "PART_OF"]); null or absent for any. Known types: ${relationTypes.join(', ')}.`,
      }),
      evidence: t.arg({ type: [EvidenceEnum], description: `${evidenceArgDescription} Every hop must pass.` }),
      ...asOfArgs(t),
    },
    resolve: async (_root, args, context) => {
      const maxHops = boundedInt(args.maxHops, 4, 1, 6, 'maxHops');
      const types = checkRelationTypes(args.relationTypes, 'relationTypes');
      const [from, to] = await resolveRefs(context, [
        { argument: 'from', ref: String(args.from) },
        { argument: 'to', ref: String(args.to) },
      ]);
      if (!from || !to) throw new Error('paths: a reference did not resolve');
      // Two references may name one entity (a slug and its global ID, a former slug).
      if (from.id === to.id) throw new BadUserInputError('"from" and "to" must be two different entities', { argument: 'to' });
      const excluded = args.excludeTypes && args.excludeTypes.length > 0 ? [...new Set<EntityLabel>(args.excludeTypes)] : null;
      const result = await findShortestPaths(
        context.reads,
        from.id,
        to.id,
        maxHops,
        types,
        maxPaths,
        evidenceFilter(args.evidence),
        excluded,
        asOfArgument(args),
      );
      // Deleted between the two reads.
      if (result.fromLabel === null || result.toLabel === null) throw new Error('paths: an end vanished during the request');
      for (const path of result.paths) primeEntities(context, path.nodes);
      return result.paths;
    },
  }),
);
