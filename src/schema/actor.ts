import { builder } from './builder.ts';
import { ActorRef, EntityRef, EventRef, StatementRef } from './refs.ts';
import { interfaceRelationConnection } from './relations.ts';

// Fields every actor (Organization, Person, Body) has; the implementing types inherit them.
builder.interfaceFields(ActorRef, (t) => ({
  events: interfaceRelationConnection(t, {
    type: 'PARTICIPATED_IN',
    direction: 'out',
    target: EventRef,
    description: 'Events this actor took part in, each with its role (organizer, host, speaker, moderator, …).',
  }),
  memberships: interfaceRelationConnection(t, {
    type: 'MEMBER_OF',
    direction: 'out',
    target: EntityRef,
    description: 'Bodies and associations this actor is a member of, with since when.',
  }),
  statements: interfaceRelationConnection(t, {
    type: 'SAID_BY',
    direction: 'in',
    target: StatementRef,
    description: 'What this actor said, as the sources report it: each statement with where, when and what about.',
  }),
  statementsAbout: interfaceRelationConnection(t, {
    type: 'ABOUT',
    direction: 'in',
    target: StatementRef,
    description: 'What others (or this actor) said about this actor.',
  }),
}));
