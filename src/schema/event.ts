import type { EntityLabel } from '../domain/graph.ts';
import { builder } from './builder.ts';
import { nodeOptions } from './entity.ts';
import { readsStored } from './record-view.ts';
import { ActorRef, CountryRef, DocumentRef, EntityRef, EventRef, StatementRef, TopicRef } from './refs.ts';
import { relationConnection } from './relations.ts';
import { PartialDate } from './scalars.ts';

/** includeParts on an event's lists: its sections, round tables and sessions, which are events. */
const eventParts = (what: string) => ({
  labels: ['Event'] satisfies EntityLabel[],
  description:
    `Also the ${what} of the events inside it, rolled up: its sections, round tables and sessions by PART_OF, at any depth ` +
    '(the conference with what happened in its sections). Each edge names the part it belongs to (part). Default false.',
});

builder.node(EventRef, {
  ...nodeOptions('Event'),
  interfaces: [EntityRef],
  description: 'A conference, section, round table, session or other event, with who took part and in which role.',
  fields: (t) => ({
    kind: t.string({
      description: 'conference, section, round-table, presentation, session, meeting, request, other.',
      extensions: readsStored('kind'),
      resolve: (e) => e.kind ?? 'other',
    }),
    startDate: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When it began.',
      extensions: readsStored('startDate'),
      resolve: (e) => e.startDate,
    }),
    endDate: t.field({
      type: PartialDate,
      nullable: true,
      description: 'When it ended.',
      extensions: readsStored('endDate'),
      resolve: (e) => e.endDate,
    }),
    place: t.string({
      nullable: true,
      description: 'Where it took place, as the source says.',
      extensions: readsStored('place'),
      resolve: (e) => e.place,
    }),
    edition: t.int({
      nullable: true,
      description: 'Which edition of a recurring event (e.g. 19).',
      resolve: (e) => e.edition,
    }),
    url: t.field({
      type: 'URL',
      nullable: true,
      description: "The event's web page, if a source gives one.",
      resolve: (e) => e.url,
    }),
    participants: relationConnection(t, {
      type: 'PARTICIPATED_IN',
      direction: 'in',
      target: ActorRef,
      // A country takes part too (rules.ts), but is no Actor: the type can only carry actors.
      labels: ['Person', 'Organization', 'Body'],
      parts: eventParts('participants'),
      description: 'Everyone who took part, each with a role: organizer, host, supporter, moderator, speaker, greeter, …',
    }),
    organizers: relationConnection(t, {
      type: 'PARTICIPATED_IN',
      direction: 'in',
      target: ActorRef,
      labels: ['Person', 'Organization', 'Body'],
      roles: ['organizer', 'host', 'supporter'],
      everyRoleIn: 'participants',
      description: 'Those who organized, hosted or supported it.',
    }),
    topics: relationConnection(t, {
      type: 'DISCUSSED',
      direction: 'out',
      target: TopicRef,
      parts: eventParts('topics'),
      description: 'Topics discussed.',
    }),
    partOf: relationConnection(t, {
      type: 'PART_OF',
      direction: 'out',
      // An event is part of a body too (a session of the OEWG), or of an organization (rules.ts):
      // as an Event the connection hid them, and counted 0.
      target: EntityRef,
      description: 'What this event is part of: the conference of a section, the body that holds a session.',
    }),
    parts: relationConnection(t, {
      type: 'PART_OF',
      direction: 'in',
      target: EventRef,
      labels: ['Event'],
      description: 'Sections, round tables and sessions within it.',
    }),
    documents: relationConnection(t, {
      type: 'PRESENTED_AT',
      direction: 'in',
      target: DocumentRef,
      parts: eventParts('documents'),
      description: 'Documents presented there.',
    }),
    statements: relationConnection(t, {
      type: 'SAID_AT',
      direction: 'in',
      target: StatementRef,
      parts: eventParts('statements'),
      description: 'What was said there, and by whom, as the sources report it.',
    }),
    statementsAbout: relationConnection(t, {
      type: 'ABOUT',
      direction: 'in',
      target: StatementRef,
      description: 'What was said about this event, wherever it was said.',
    }),
    locatedIn: relationConnection(t, {
      type: 'LOCATED_IN',
      direction: 'out',
      target: CountryRef,
      description: 'The country it took place in.',
    }),
  }),
});
