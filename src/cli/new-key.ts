import { parseArgs } from 'node:util';
import { ApiKeyConfigError, isKeyScope, newApiKey, scopes } from '../auth/api-keys.ts';

const usage = `usage: npm run key:new -- --name <name> [--scopes curate|admin|apps|apps,curate]

Prints a new API key and the entry that configures it. Give the key to its holder; put the
entry (a salted hash, not the key) in GOVGRAPH_API_KEYS or in a line of GOVGRAPH_API_KEYS_FILE.
To revoke the key later, append ":revoked" to its entry (or delete the entry) and restart.

  --name     who holds the key (1–40 lower-case letters, digits, hyphens); recorded on every change it makes
  --scopes   curate (create and update; the default), admin (also delete and import), apps (only
             trusted documents, alone for reads or with curate/admin for writes)`;

function main(): void {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, scopes: { type: 'string', default: 'curate' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  if (!values.name) throw new ApiKeyConfigError(`--name is required\n\n${usage}`);
  const listed = values.scopes.split(',').filter(Boolean);
  const given = listed.filter(isKeyScope);
  if (given.length === 0 || given.length < listed.length)
    throw new ApiKeyConfigError(`--scopes: expected some of ${scopes.join(', ')}, got "${values.scopes}"`);
  const { key, entry } = newApiKey(values.name, given);
  console.log(`key (give it to ${values.name}; it is shown only now):\n  ${key}\n`);
  console.log(`entry (for GOVGRAPH_API_KEYS or a line of GOVGRAPH_API_KEYS_FILE):\n  ${entry}`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`key:new: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
