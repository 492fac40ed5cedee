import type {
  BodyRow,
  ConflictRow,
  CountryRow,
  DocumentRow,
  EntityRow,
  EventRow,
  MemorandumRow,
  OrganizationRow,
  PersonRow,
  SourceRow,
  StatementRow,
  TldRow,
  TopicRow,
} from '../domain/stored-entity.ts';
import { builder } from './builder.ts';

/**
 * The object and interface references, declared apart from their implementations so that
 * domain files can point at each other without import cycles. Each is backed by its label's
 * stored row, so a field that reads a property the label does not have fails to compile.
 */
export const EntityRef = builder.interfaceRef<EntityRow>('Entity');
export const ActorRef = builder.interfaceRef<EntityRow>('Actor');

export const OrganizationRef = builder.objectRef<OrganizationRow>('Organization');
export const PersonRef = builder.objectRef<PersonRow>('Person');
export const TldRef = builder.objectRef<TldRow>('Tld');
export const MemorandumRef = builder.objectRef<MemorandumRow>('Memorandum');
export const EventRef = builder.objectRef<EventRow>('Event');
export const BodyRef = builder.objectRef<BodyRow>('Body');
export const DocumentRef = builder.objectRef<DocumentRow>('Document');
export const TopicRef = builder.objectRef<TopicRow>('Topic');
export const CountryRef = builder.objectRef<CountryRow>('Country');
export const SourceRef = builder.objectRef<SourceRow>('Source');
export const ConflictRef = builder.objectRef<ConflictRow>('Conflict');
export const StatementRef = builder.objectRef<StatementRow>('Statement');

/** Every entity type of the graph (a conflict is about entities, not one of them), for unions of records. */
export const graphEntityRefs = [
  OrganizationRef,
  PersonRef,
  TldRef,
  MemorandumRef,
  EventRef,
  BodyRef,
  DocumentRef,
  TopicRef,
  CountryRef,
  SourceRef,
  StatementRef,
] as const;
