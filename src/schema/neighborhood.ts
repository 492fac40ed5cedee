import { loadNeighborhood } from '../db/repositories/graph.ts';
import { asOfArgs, asOfArgument } from './as-of.ts';
import { builder } from './builder.ts';
import { EvidenceEnum, evidenceArgDescription, evidenceFilter } from './evidence.ts';
import { boundedInt, primeEntities, SubgraphRef } from './graph-types.ts';
import { resolveRef } from './references.ts';

builder.queryField('neighborhood', (t) =>
  t.field({
    type: SubgraphRef,
    // Null, with a NOT_FOUND error on this field alone, when `id` names no entity.
    nullable: true,
    complexity: (args) => ({ field: 1, multiplier: Math.max(0, args.first ?? 50) }),
    description:
      'The entities within `depth` hops of one entity, following relationships of any type in either direction, and every relationship ' +
      'between two of them, each with its sources. Breadth-first: nearer entities come first, and at each hop new entities are taken ' +
      'in slug order until `first` is reached. Costs one database round trip per hop.',
    args: {
      id: t.arg.id({ required: true, description: 'The entity at the centre: its slug (e.g. "msk-ix") or global ID.' }),
      depth: t.arg.int({ description: 'How many hops to go out (1–3, default 1).' }),
      first: t.arg.int({ description: 'The most entities to return, the centre included (1–200, default 50).' }),
      evidence: t.arg({ type: [EvidenceEnum], description: evidenceArgDescription }),
      ...asOfArgs(t),
    },
    resolve: async (_root, args, context) => {
      const depth = boundedInt(args.depth, 1, 1, 3, 'depth');
      const first = boundedInt(args.first, 50, 1, 200, 'first');
      const centre = await resolveRef(context, { argument: 'id', ref: String(args.id) });
      const graph = await loadNeighborhood(context.reads, centre.id, depth, first, evidenceFilter(args.evidence), asOfArgument(args));
      // Deleted between the two reads.
      if (!graph) throw new Error(`entity "${centre.id}" vanished during the request`);
      primeEntities(context, graph.nodes);
      return { nodes: graph.nodes, edges: graph.edges, truncated: graph.truncated };
    },
  }),
);
