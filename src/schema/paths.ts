import { findShortestPaths } from '../db/repositories/graph.ts';
import { BadUserInputError, NotFoundError } from '../domain/errors.ts';
import { relationTypes } from '../domain/graph.ts';
import { builder } from './builder.ts';
import { EvidenceEnum, evidenceArgDescription, evidenceFilter } from './evidence.ts';
import { boundedInt, decodeEntityId, PathRef, primeEntities } from './graph-types.ts';

const knownTypes = new Set<string>(relationTypes);

/** The most paths one answer holds. */
const maxPaths = 20;

builder.queryField('paths', (t) =>
  t.field({
    type: [PathRef],
    complexity: { field: 1, multiplier: maxPaths },
    description:
      'Every shortest chain of relationships between two entities, in either direction, with the evidence (sources) for every hop. ' +
      `Empty when they are not linked within maxHops. At most ${maxPaths} paths, in a stable order (by the slugs along them).`,
    args: {
      from: t.arg.id({ required: true, description: 'The global ID of the entity to start from.' }),
      to: t.arg.id({ required: true, description: 'The global ID of the entity to reach; not the same as from.' }),
      maxHops: t.arg.int({ description: 'The longest path to look for, in relationships (1–6, default 4).' }),
      relationTypes: t.arg.stringList({
        description: `Only paths made of these relationship types (e.g. ["MEMBER_OF", "PART_OF"]); null or absent for any. Known types: ${relationTypes.join(', ')}.`,
      }),
      evidence: t.arg({ type: [EvidenceEnum], description: `${evidenceArgDescription} Every hop must pass.` }),
    },
    resolve: async (_root, args, context) => {
      const from = decodeEntityId(String(args.from), 'from');
      const to = decodeEntityId(String(args.to), 'to');
      if (from.slug === to.slug) throw new BadUserInputError('"from" and "to" must be two different entities', { argument: 'to' });
      const maxHops = boundedInt(args.maxHops, 4, 1, 6, 'maxHops');
      const types = args.relationTypes ?? null;
      if (types) {
        if (types.length === 0)
          throw new BadUserInputError('"relationTypes" must name at least one type, or be left out for any', { argument: 'relationTypes' });
        const unknown = types.filter((type) => !knownTypes.has(type));
        if (unknown.length > 0) {
          throw new BadUserInputError(
            `"relationTypes" holds unknown types: ${unknown
              .slice(0, 5)
              .map((type) => JSON.stringify(type.slice(0, 40)))
              .join(', ')}`,
            { argument: 'relationTypes' },
          );
        }
      }
      const result = await findShortestPaths(
        context.reads,
        from.slug,
        to.slug,
        maxHops,
        types ? [...new Set(types)] : null,
        maxPaths,
        evidenceFilter(args.evidence),
      );
      if (result.fromLabel !== from.label)
        throw new NotFoundError(`no ${from.label} with the global ID ${String(args.from)}`, { argument: 'from' });
      if (result.toLabel !== to.label) throw new NotFoundError(`no ${to.label} with the global ID ${String(args.to)}`, { argument: 'to' });
      for (const path of result.paths) primeEntities(context, path.nodes);
      return result.paths;
    },
  }),
);
