import { builder, type SharedFieldBuilder } from './builder.ts';
import { text } from './props.ts';
import { EntityRef } from './refs.ts';

/**
 * Who wrote an entity or a relationship, and when: set by every write (the seed loader, the
 * import, the curation mutations). Data written before auditing began has none, hence nullable.
 */
const descriptions = {
  createdAt: 'When it was first written; null for data written before auditing began.',
  createdBy: 'Who first wrote it: the API key\'s name, or "seed"/"import" for the loaders; null before auditing began.',
  updatedAt: 'When it last changed; null before auditing began.',
  updatedBy: 'Who last changed it (an API key\'s name, "seed" or "import"); null before auditing began.',
} as const;

const timeOf = (props: Record<string, unknown>, name: string): Date | null => {
  const value = props[name];
  return value instanceof Date ? value : null;
};

/**
 * The four audit fields for any object or interface whose parent holds stored properties.
 * `t` is the field builder of an object or an interface (entity interface, relation edge, …).
 */
export function auditFields<Parent>(t: SharedFieldBuilder<Parent>, propsOf: (parent: Parent) => Record<string, unknown>) {
  return {
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: descriptions.createdAt,
      resolve: (parent: Parent) => timeOf(propsOf(parent), 'createdAt'),
    }),
    createdBy: t.string({
      nullable: true,
      description: descriptions.createdBy,
      resolve: (parent: Parent) => text(propsOf(parent), 'createdBy'),
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: descriptions.updatedAt,
      resolve: (parent: Parent) => timeOf(propsOf(parent), 'updatedAt'),
    }),
    updatedBy: t.string({
      nullable: true,
      description: descriptions.updatedBy,
      resolve: (parent: Parent) => text(propsOf(parent), 'updatedBy'),
    }),
  };
}

builder.interfaceFields(EntityRef, (t) => auditFields(t, (entity: { props: Record<string, unknown> }) => entity.props));
