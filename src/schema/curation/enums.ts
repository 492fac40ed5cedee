import { type RelationType, relationTypes } from '../../domain/graph.ts';
import { bodyKinds, documentKinds, eventKinds, organizationKinds, relationRules, tldTypes } from '../../domain/rules.ts';
import { builder } from '../builder.ts';

/** 'exchange-point' → 'EXCHANGE_POINT': GraphQL enum names cannot hold hyphens. */
export function enumName(value: string): string {
  return value.toUpperCase().replaceAll('-', '_');
}

/** An enum whose values stand for the seed format's strings, which is what resolvers receive. */
export function seedValuesEnum(name: string, values: readonly string[], description: string) {
  return builder.enumType(name, {
    description,
    // A closed list of the data: a value outside it is refused naming the allowed ones (src/schema/closed-lists.ts).
    extensions: { closedList: true },
    values: Object.fromEntries(
      values.map((value) => [enumName(value), { value, description: `Stored (and written in seed files) as "${value}".` }]),
    ),
  });
}

export const WriteOutcomeEnum = builder.enumType('WriteOutcome', {
  description: 'What an upsert did.',
  values: {
    CREATED: { value: 'created', description: 'It did not exist and was created.' },
    UPDATED: { value: 'updated', description: 'It existed and some of its fields changed.' },
    UNCHANGED: { value: 'unchanged', description: 'It existed with exactly these fields: nothing was written or recorded.' },
  } as const,
});

export const OrganizationKindEnum = seedValuesEnum('OrganizationKind', organizationKinds, 'What sort of organization it is.');
export const TldTypeEnum = seedValuesEnum('TldType', tldTypes, 'What sort of top-level domain it is.');
export const EventKindEnum = seedValuesEnum('EventKind', eventKinds, 'What sort of event it is.');
export const BodyKindEnum = seedValuesEnum('BodyKind', bodyKinds, 'What sort of governance body it is.');
export const DocumentKindEnum = seedValuesEnum('DocumentKind', documentKinds, 'What sort of document it is.');

/** MANAGES → Manages, PARTY_TO → PartyTo. */
export function pascalCase(type: string): string {
  return type
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The roles of each relation type that has them (ManagesRole, ParticipatedInRole): what a write
 * takes as a relation's role, and what a relation connection's `roles` argument filters by.
 */
export const roleEnums: Partial<Record<RelationType, ReturnType<typeof seedValuesEnum>>> = Object.fromEntries(
  relationTypes.flatMap((type) => {
    const roles = relationRules[type].roles;
    return roles ? [[type, seedValuesEnum(`${pascalCase(type)}Role`, roles, `The roles a ${type} relation may have.`)]] : [];
  }),
);
