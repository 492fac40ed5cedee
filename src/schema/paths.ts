import { findShortestPaths } from '../db/repositories/graph.ts';
import { relationTypes } from '../domain/graph.ts';
import { builder } from './builder.ts';
import { badUserInput, notFound } from './errors.ts';
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
    },
    resolve: async (_root, args, context) => {
      const from = decodeEntityId(String(args.from), 'from');
      const to = decodeEntityId(String(args.to), 'to');
      if (from.slug === to.slug) throw badUserInput('"from" and "to" must be two different entities', 'to');
      const maxHops = boundedInt(args.maxHops, 4, 1, 6, 'maxHops');
      const types = args.relationTypes ?? null;
      if (types) {
        if (types.length === 0) throw badUserInput('"relationTypes" must name at least one type, or be left out for any', 'relationTypes');
        const unknown = types.filter((type) => !knownTypes.has(type));
        if (unknown.length > 0) {
          throw badUserInput(
            `"relationTypes" holds unknown types: ${unknown
              .slice(0, 5)
              .map((type) => JSON.stringify(type.slice(0, 40)))
              .join(', ')}`,
            'relationTypes',
          );
        }
      }
      const result = await findShortestPaths(context.reads, from.slug, to.slug, maxHops, types ? [...new Set(types)] : null, maxPaths);
      if (result.fromLabel !== from.label) throw notFound(`no ${from.label} with the global ID ${String(args.from)}`, 'from');
      if (result.toLabel !== to.label) throw notFound(`no ${to.label} with the global ID ${String(args.to)}`, 'to');
      for (const path of result.paths) primeEntities(context, path.nodes);
      return result.paths;
    },
  }),
);
