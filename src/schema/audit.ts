import type { Audit, EntityRow } from '../domain/stored-entity.ts';
import { builder, type SharedFieldBuilder } from './builder.ts';
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

/**
 * The four audit fields for any object or interface whose parent is audited.
 * `t` is the field builder of an object or an interface (entity interface, relation edge, …).
 */
export function auditFields<Parent>(t: SharedFieldBuilder<Parent>, auditOf: (parent: Parent) => Audit) {
  return {
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: descriptions.createdAt,
      resolve: (parent: Parent) => auditOf(parent).createdAt,
    }),
    createdBy: t.string({
      nullable: true,
      description: descriptions.createdBy,
      resolve: (parent: Parent) => auditOf(parent).createdBy,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: descriptions.updatedAt,
      resolve: (parent: Parent) => auditOf(parent).updatedAt,
    }),
    updatedBy: t.string({
      nullable: true,
      description: descriptions.updatedBy,
      resolve: (parent: Parent) => auditOf(parent).updatedBy,
    }),
  };
}

builder.interfaceFields(EntityRef, (t) => auditFields(t, (entity: EntityRow) => entity));
