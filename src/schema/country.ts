import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { BodyRef, CountryRef, EntityRef, TldRef } from './refs.ts';
import { relationConnection } from './relations.ts';

builder.node(CountryRef, {
  ...nodeOptions('Country'),
  interfaces: [EntityRef],
  description: 'A country.',
  fields: (t) => ({
    code: t.field({ type: 'CountryCode', description: 'ISO 3166-1 alpha-2 code, e.g. "RU".', resolve: (c) => c.code ?? '' }),
    based: relationConnection(t, {
      type: 'LOCATED_IN',
      direction: 'in',
      target: EntityRef,
      description: 'Organizations, bodies and events located in it.',
    }),
    tlds: relationConnection(t, {
      type: 'SERVES_COUNTRY',
      direction: 'in',
      target: TldRef,
      description: 'Top-level domains that serve it.',
    }),
    memberships: relationConnection(t, {
      type: 'MEMBER_OF',
      direction: 'out',
      target: BodyRef,
      labels: ['Body'],
      description: 'Bodies it is a member of.',
    }),
  }),
});
