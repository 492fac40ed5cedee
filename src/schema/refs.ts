import type { EntityRecord } from '../db/repositories/entities.ts';
import { builder } from './builder.ts';

/**
 * The object and interface references, declared apart from their implementations so that
 * domain files can point at each other without import cycles.
 */
export const EntityRef = builder.interfaceRef<EntityRecord>('Entity');
export const ActorRef = builder.interfaceRef<EntityRecord>('Actor');

export const OrganizationRef = builder.objectRef<EntityRecord>('Organization');
export const PersonRef = builder.objectRef<EntityRecord>('Person');
export const TldRef = builder.objectRef<EntityRecord>('Tld');
export const MemorandumRef = builder.objectRef<EntityRecord>('Memorandum');
export const EventRef = builder.objectRef<EntityRecord>('Event');
export const BodyRef = builder.objectRef<EntityRecord>('Body');
export const DocumentRef = builder.objectRef<EntityRecord>('Document');
export const TopicRef = builder.objectRef<EntityRecord>('Topic');
export const CountryRef = builder.objectRef<EntityRecord>('Country');
export const SourceRef = builder.objectRef<EntityRecord>('Source');
export const ConflictRef = builder.objectRef<EntityRecord>('Conflict');
export const StatementRef = builder.objectRef<EntityRecord>('Statement');
