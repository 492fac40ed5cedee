// Preloaded (node --import) by `npm start` and the benchmark's servers, before any .ts module.
// Node strips types with a WebAssembly build of swc (amaro) whose memory only grows: stripping
// govgraph's modules leaves 20–40 MB in the server's RSS for its whole life. Node's compile
// cache also keeps the stripped text, so from the second start on the stripper is never loaded
// (and start-up skips compiling). Plain JavaScript for the same reason as check-node.mjs: it runs
// before anything TypeScript. A cache that cannot be written only costs that saving.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/node-compile-cache', import.meta.url)));
