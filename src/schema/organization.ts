import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { readsStored } from './record-view.ts';
import { ActorRef, BodyRef, CountryRef, DocumentRef, EntityRef, MemorandumRef, OrganizationRef, PersonRef, TldRef } from './refs.ts';
import { relationConnection } from './relations.ts';

builder.node(OrganizationRef, {
  ...nodeOptions('Organization'),
  interfaces: [EntityRef, ActorRef],
  description: 'A registry, registrar, exchange point, agency, ministry, company, association or other organization.',
  fields: (t) => ({
    kind: t.string({
      description: 'What sort of organization: registry, registrar, exchange-point, government-agency, company, association, …',
      extensions: readsStored('kind'),
      resolve: (org) => org.kind ?? 'other',
    }),
    country: t.field({
      type: 'CountryCode',
      nullable: true,
      description: 'ISO 3166-1 alpha-2 code of the country it is based in.',
      extensions: readsStored('country'),
      resolve: (org) => org.country,
    }),
    memoranda: relationConnection(t, {
      type: 'PARTY_TO',
      direction: 'out',
      target: MemorandumRef,
      description: 'Memoranda this organization is a party to.',
    }),
    people: relationConnection(t, {
      type: 'HOLDS_POSITION',
      direction: 'in',
      target: PersonRef,
      parts: {
        labels: ['Organization', 'Body'],
        description:
          'Also the people of its departments and other units, rolled up: the organizations and bodies inside it by PART_OF, at ' +
          'any depth. Each edge says where the position is held (at). Default false.',
      },
      description: 'People who hold a position here (or, with includeParts, in its units), with their titles.',
    }),
    tlds: relationConnection(t, {
      type: 'MANAGES',
      direction: 'out',
      target: TldRef,
      description:
        'Top-level domains this organization manages, with its role (registry, registrar, …). Conflicting claims are all listed.',
    }),
    locatedIn: relationConnection(t, {
      type: 'LOCATED_IN',
      direction: 'out',
      target: CountryRef,
      description: 'Countries it is based in.',
    }),
    partOf: relationConnection(t, {
      type: 'PART_OF',
      direction: 'out',
      target: EntityRef,
      labels: ['Organization', 'Body'],
      description: 'The organizations or bodies this one is a unit of.',
    }),
    units: relationConnection(t, {
      type: 'PART_OF',
      direction: 'in',
      target: OrganizationRef,
      // Bodies and events can be part of an organization too (rules.ts), which an Organization cannot carry.
      labels: ['Organization'],
      description: 'Departments and other units of this organization.',
    }),
    members: relationConnection(t, {
      type: 'MEMBER_OF',
      direction: 'in',
      target: EntityRef,
      description: 'Members of this organization (for associations).',
    }),
    cooperatesWith: relationConnection(t, {
      type: 'COOPERATES_WITH',
      direction: 'both',
      target: EntityRef,
      description: 'Organizations and bodies it has a stated partnership with.',
    }),
    documents: relationConnection(t, { type: 'ISSUED', direction: 'out', target: DocumentRef, description: 'Documents it issued.' }),
    bodies: relationConnection(t, {
      type: 'MEMBER_OF',
      direction: 'out',
      target: BodyRef,
      labels: ['Body'],
      description: 'Governance bodies it is a member of (a subset of memberships).',
    }),
  }),
});
