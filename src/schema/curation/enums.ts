import { bodyKinds, documentKinds, eventKinds, organizationKinds, tldTypes } from '../../domain/rules.ts';
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
