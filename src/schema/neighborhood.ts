import { loadNeighborhood } from '../db/repositories/graph.ts';
import { NotFoundError } from '../domain/errors.ts';
import { builder } from './builder.ts';
import { EvidenceEnum, evidenceArgDescription, evidenceFilter } from './evidence.ts';
import { boundedInt, decodeEntityId, primeEntities, SubgraphRef } from './graph-types.ts';

builder.queryField('neighborhood', (t) =>
  t.field({
    type: SubgraphRef,
    complexity: (args) => ({ field: 1, multiplier: Math.max(0, args.first ?? 50) }),
    description:
      'The entities within `depth` hops of one entity, following relationships of any type in either direction, and every relationship ' +
      'between two of them, each with its sources. Breadth-first: nearer entities come first, and at each hop new entities are taken ' +
      'in slug order until `first` is reached. Costs one database round trip per hop.',
    args: {
      id: t.arg.id({ required: true, description: 'The global ID of the entity at the centre.' }),
      depth: t.arg.int({ description: 'How many hops to go out (1–3, default 1).' }),
      first: t.arg.int({ description: 'The most entities to return, the centre included (1–200, default 50).' }),
      evidence: t.arg({ type: [EvidenceEnum], description: evidenceArgDescription }),
    },
    resolve: async (_root, args, context) => {
      const { label, slug } = decodeEntityId(String(args.id), 'id');
      const depth = boundedInt(args.depth, 1, 1, 3, 'depth');
      const first = boundedInt(args.first, 50, 1, 200, 'first');
      const graph = await loadNeighborhood(context.reads, slug, depth, first, evidenceFilter(args.evidence));
      if (!graph || graph.nodes[0]?.label !== label)
        throw new NotFoundError(`no ${label} with the global ID ${String(args.id)}`, { argument: 'id' });
      primeEntities(context, graph.nodes);
      return { nodes: graph.nodes, edges: graph.edges };
    },
  }),
);
