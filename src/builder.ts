import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import { DateTimeResolver, JSONObjectResolver, NonEmptyStringResolver, URLResolver } from 'graphql-scalars';
import type { RequestContext } from './context.ts';

/** The schema builder, its plugins and scalars. Types live in src/schema/, one file per domain. */
export const builder = new SchemaBuilder<{
  Context: RequestContext;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    NonEmptyString: { Input: string; Output: string };
    URL: { Input: URL; Output: URL | string };
  };
}>({
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'An entity by its global ID.' },
    nodesQueryOptions: { description: 'Entities by their global IDs, in the order given (null where not found).' },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.addScalarType('NonEmptyString', NonEmptyStringResolver);
builder.addScalarType('URL', URLResolver);

builder.queryType({ description: 'The entry points for reading the govgraph knowledge graph.' });
