import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { CountryRef, EntityRef, OrganizationRef, TldRef } from './refs.ts';
import { relationConnection } from './relations.ts';

builder.node(TldRef, {
  ...nodeOptions('Tld'),
  interfaces: [EntityRef],
  description: 'A top-level domain, in its Unicode and ASCII (punycode) forms.',
  fields: (t) => ({
    unicode: t.string({ description: 'The Unicode form with its dot, e.g. ".рф".', resolve: (tld) => tld.name ?? tld.id }),
    ascii: t.string({
      description: 'The ASCII form with its dot: punycode for an IDN, e.g. ".xn--p1ai".',
      resolve: (tld) => tld.ascii ?? '',
    }),
    type: t.string({
      description: 'country-code, generic, geographic, sponsored or infrastructure.',
      resolve: (tld) => tld.type ?? 'generic',
    }),
    idn: t.boolean({
      description: 'Whether this is an internationalized (non-ASCII) domain.',
      resolve: (tld) => tld.idn ?? false,
    }),
    country: t.field({
      type: 'CountryCode',
      nullable: true,
      description: 'ISO 3166-1 alpha-2 code of the country it serves.',
      resolve: (tld) => tld.country,
    }),
    managers: relationConnection(t, {
      type: 'MANAGES',
      direction: 'in',
      target: OrganizationRef,
      description: 'Who manages this domain, with the role. Where sources disagree, every claim is listed with its sources.',
    }),
    idnCounterparts: relationConnection(t, {
      type: 'IDN_COUNTERPART',
      direction: 'both',
      target: TldRef,
      description: 'The same zone in the other script: .ru ↔ .рф, .by ↔ .бел.',
    }),
    countries: relationConnection(t, {
      type: 'SERVES_COUNTRY',
      direction: 'out',
      target: CountryRef,
      description: 'Countries this domain serves.',
    }),
  }),
});
