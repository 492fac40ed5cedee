import { readServerInfo } from '../db/repositories/server-info.ts';
import { serverVersion } from '../version.ts';
import { builder } from './builder.ts';

interface DatabaseInfo {
  name: string;
  version: string;
  edition: string;
}

const DatabaseInfoRef = builder.objectRef<DatabaseInfo>('DatabaseInfo').implement({
  description: 'The Neo4j server behind this API.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The product name, e.g. "Neo4j Kernel".' }),
    version: t.exposeString('version', { description: 'The Neo4j version, e.g. "5.26.30".' }),
    edition: t.exposeString('edition', { description: 'The Neo4j edition: "community" or "enterprise".' }),
  }),
});

/** When this process started answering, for clients that watch restarts. */
const startedAt = new Date();

const ServerInfoRef = builder.objectRef<{ version: string }>('ServerInfo').implement({
  description: 'Versions of this API and of its database.',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'The govgraph server version (package.json).' }),
    startedAt: t.field({ type: 'DateTime', description: 'When this server process started.', resolve: () => startedAt }),
    database: t.field({
      type: DatabaseInfoRef,
      description: 'The Neo4j server this API reads from.',
      resolve: (_info, _args, context) => readServerInfo(context.reads),
    }),
  }),
});

builder.queryField('serverInfo', (t) =>
  t.field({
    type: ServerInfoRef,
    description: 'The versions of this API and of Neo4j behind it.',
    resolve: () => ({ version: serverVersion }),
  }),
);
