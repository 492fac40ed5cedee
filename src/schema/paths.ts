import { findShortestPaths, type PathEnd } from '../db/repositories/graph.ts';
import { BadUserInputError } from '../domain/errors.ts';
import { type EntityLabel, relationTypes } from '../domain/graph.ts';
import { asOfArgs, asOfArgument } from './as-of.ts';
import { builder } from './builder.ts';
import { pathsScanCost } from './cost.ts';
import { EntityTypeEnum } from './entity.ts';
import { EvidenceEnum, evidenceArgDescription, evidenceFilter } from './evidence.ts';
import { boundedInt, checkRelationTypes, PathRef, primeEntities } from './graph-types.ts';
import { pathViewFor } from './record-view.ts';
import { type ParsedRef, parseRef, refFits, resolveRefs } from './references.ts';

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
    resolve: async (_root, args, context, info) => {
      const maxHops = boundedInt(args.maxHops, 4, 1, 6, 'maxHops');
      const types = checkRelationTypes(args.relationTypes, 'relationTypes');
      const refs = [
        { argument: 'from', ref: String(args.from) },
        { argument: 'to', ref: String(args.to) },
      ];
      const parsed = refs.map((request) => parseRef(request.ref));
      // Neither a slug nor a global ID: refused as before any read.
      if (parsed.some((one) => one.kind === 'other')) await resolveRefs(context, refs);
      const slugOf = (one: ParsedRef | undefined) => (one && one.kind !== 'other' ? one.slug : '');
      const excluded = args.excludeTypes && args.excludeTypes.length > 0 ? [...new Set<EntityLabel>(args.excludeTypes)] : null;
      const find = (from: string, to: string) =>
        findShortestPaths(
          context.reads,
          from,
          to,
          maxHops,
          types ? [...new Set(types)] : null,
          maxPaths,
          evidenceFilter(args.evidence),
          excluded,
          asOfArgument(args),
          // Only the properties the selection reads of the entities and relationships on the paths.
          view,
        );
      const view = pathViewFor(info);
      // The ends are resolved in the paths' own statement (one round trip, issue #13), as the
      // entity loader resolves slugs: current first, then former slugs.
      let result = await find(slugOf(parsed[0]), slugOf(parsed[1]));
      const fitting = (entity: PathEnd | null, one: ParsedRef | undefined) => entity !== null && one !== undefined && refFits(entity, one);
      if (!fitting(result.from, parsed[0]) || !fitting(result.to, parsed[1])) {
        // Only to explain what is wrong (NOT_FOUND with candidates, or a global ID of another
        // type): the references go through the loader that says so, as everywhere else.
        const [from, to] = await resolveRefs(context, refs);
        if (!from || !to) throw new Error('paths: a reference did not resolve');
        // Created or renamed between the two reads: read the paths again, by the current slugs.
        result = await find(from.id, to.id);
      }
      const [from, to] = [result.from, result.to];
      if (!from || !to) throw new Error('paths: an end vanished during the request');
      // Two references may name one entity (a slug and its global ID, a former slug).
      if (from.id === to.id) throw new BadUserInputError('"from" and "to" must be two different entities', { argument: 'to' });
      // Entities read through a view are partial: they answer this selection only. Read whole,
      // the entities on the paths make later lookups free, and a former slug asked names an end:
      // the first or the last entity of every path.
      if (view === null) {
        for (const path of result.paths) primeEntities(context, path.nodes);
        const [first] = result.paths;
        const ends = [first?.nodes[0], first?.nodes.at(-1)];
        parsed.forEach((one, index) => {
          const end = ends[index];
          if (end && slugOf(one) !== end.id) context.loaders.entity.prime(slugOf(one), end);
        });
      }
      return result.paths;
    },
  }),
);
