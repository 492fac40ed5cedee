import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { ActorRef, BodyRef, DocumentRef, EntityRef, PersonRef } from './refs.ts';
import { relationConnection } from './relations.ts';

builder.node(BodyRef, {
  ...nodeOptions('Body'),
  interfaces: [EntityRef, ActorRef],
  description: 'A governance body: ICANN and its GNSO and ISPCP, the ITU, the UN and its General Assembly and OEWG, EAEU, BRICS, SCO, …',
  fields: (t) => ({
    kind: t.string({
      description:
        'international-organization, supporting-organization, constituency, board, general-assembly, working-group, regional-association, …',
      resolve: (body) => body.kind ?? 'other',
    }),
    parents: relationConnection(t, {
      type: 'PART_OF',
      direction: 'out',
      target: EntityRef,
      description: 'The body (or organization) this one is directly part of.',
    }),
    children: relationConnection(t, {
      type: 'PART_OF',
      direction: 'in',
      target: EntityRef,
      description: 'Bodies, units and events (its sessions) directly inside this one.',
    }),
    ancestors: t.field({
      type: [EntityRef],
      description: 'Every body this one is inside, nearest first (ISPCP → GNSO → ICANN).',
      resolve: (body, _args, context) => context.loaders.ancestors.load(body.id),
    }),
    members: relationConnection(t, {
      type: 'MEMBER_OF',
      direction: 'in',
      target: EntityRef,
      description: 'Members (organizations, countries), with since when.',
    }),
    people: relationConnection(t, {
      type: 'HOLDS_POSITION',
      direction: 'in',
      target: PersonRef,
      parts: {
        labels: ['Organization', 'Body'],
        description:
          'Also the people of the bodies inside it, rolled up: its sub-bodies (and any organization inside it) by PART_OF, at any ' +
          'depth, e.g. ICANN with its Board, the GNSO and the ISPCP. Each edge says where the position is held (at). Default false.',
      },
      description: 'People who hold a position in this body (or, with includeParts, in the bodies inside it), with their titles.',
    }),
    establishedBy: relationConnection(t, {
      type: 'ESTABLISHED_BY',
      direction: 'out',
      target: DocumentRef,
      description: 'The documents that established it (e.g. UN GA resolution 75/240).',
    }),
    documents: relationConnection(t, { type: 'ISSUED', direction: 'out', target: DocumentRef, description: 'Documents it issued.' }),
  }),
});
