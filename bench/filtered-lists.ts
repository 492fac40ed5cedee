import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { type EntityFilter, type EntityPageRequest, noEntityFilter } from '../src/db/repositories/lists.ts';
import type { EntityLabel } from '../src/domain/graph.ts';
import { spread } from './lib/measure.ts';
import { gitState, loadAverage } from './lib/provenance.ts';
import { withSpread } from './lib/report.ts';
import { finishReport, neo4jMs, onSizeStore, storeToolOptions } from './lib/store-tool.ts';

const usage = `usage: node bench/filtered-lists.ts [--entities 1000000] [--work DIR] [--passes 9] [--against WORKTREE] [--out FILE.md]

Root lists filtered by an entity they are related to (memoranda by party and by signatory,
events by participant), on the generated graph: for the entity with the most such relationships,
one with a few and one with none, a first page of 20 with and without totalCount; and
organizations by country (the most common code, the rarest, one no organization has). Each request's
statement is the one govgraph sends (src/db/repositories/lists.ts builds it); its Neo4j time
(until the first record plus until the last) is the median of --passes after a warm-up pass,
with its min–max. With --against, a checkout of another commit (a git worktree, node_modules
linked as for bench/side-by-side.ts) builds its own statement for the same request, the two
alternate, and the report says whether they answer the same.`;

const options = storeToolOptions('filtered-lists', usage, 1000000);
const { passes, against } = options;

type ListsModule = typeof import('../src/db/repositories/lists.ts');
type CypherFilesModule = typeof import('../src/db/cypher-files.ts');

/** What a checkout sends for a page request: its own statement builder, from its own files. */
interface Checkout {
  name: string;
  statement: (
    label: EntityLabel,
    filter: Reference['filter'],
    ref: string,
    withTotal: boolean,
  ) => { text: string; parameters: Record<string, unknown> };
}

async function checkout(name: string, root: string): Promise<Checkout> {
  const lists: ListsModule = await import(path.join(root, 'src/db/repositories/lists.ts'));
  const files: CypherFilesModule = await import(path.join(root, 'src/db/cypher-files.ts'));
  return {
    name,
    statement: (label, filterName, ref, withTotal) => {
      const filter: EntityFilter = {
        ...noEntityFilter,
        party: filterName === 'party' ? ref : null,
        signatory: filterName === 'signatory' ? ref : null,
        participant: filterName === 'participant' ? ref : null,
        country: filterName === 'country' ? ref : null,
      };
      const request: EntityPageRequest = {
        label,
        filter,
        orderBy: 'NAME',
        ascending: true,
        limit: 21,
        after: null,
        before: null,
        backwards: false,
        view: null,
      };
      const parameters = lists.entityPageParameters(request, withTotal);
      return {
        text: files.filledCypher('queries/entity-page', parameters),
        parameters: files.parametersToSend('queries/entity-page', parameters),
      };
    },
  };
}

interface Reference {
  label: EntityLabel;
  filter: 'party' | 'signatory' | 'participant' | 'country';
  what: string;
  ref: string;
  degree: number;
}

/** For each filter: the entity with the most relationships of its type, one with three (or one) and one with none. */
async function references(driver: Driver): Promise<Reference[]> {
  const kinds = [
    { label: 'Memorandum', filter: 'party', from: 'Organization', type: 'PARTY_TO', few: 3 },
    { label: 'Memorandum', filter: 'signatory', from: 'Person', type: 'SIGNED', few: 1 },
    { label: 'Event', filter: 'participant', from: 'Organization', type: 'PARTICIPATED_IN', few: 1 },
  ] as const;
  const found: Reference[] = [];
  // One reference from a query that returns `ref` and `degree`, when the graph has one.
  const pick = async (reference: Pick<Reference, 'label' | 'filter' | 'what'>, query: string) => {
    const { records } = await driver.executeQuery(query, {}, { database: 'neo4j' });
    const record = records[0];
    if (record) found.push({ ...reference, ref: String(record.get('ref')), degree: neo4j.integer.toNumber(record.get('degree')) });
  };
  for (const kind of kinds) {
    const byDegree = `MATCH (e:${kind.from}) WITH e, COUNT { (e)-[:${kind.type}]->() } AS degree`;
    const of = (what: string) => ({ label: kind.label, filter: kind.filter, what });
    await pick(of('the most'), `${byDegree} RETURN e.id AS ref, degree ORDER BY degree DESC, e.id LIMIT 1`);
    await pick(of(`${kind.few}`), `${byDegree} WHERE degree = ${kind.few} RETURN e.id AS ref, degree ORDER BY e.id LIMIT 1`);
    await pick(of('none'), `${byDegree} WHERE degree = 0 RETURN e.id AS ref, degree ORDER BY e.id LIMIT 1`);
  }
  // Organizations by country: the code most of them have, the one fewest have (the generated graph
  // spreads them evenly over 40 codes), and a code none has.
  const country = (what: string) => ({ label: 'Organization', filter: 'country', what }) as const;
  const byCode = 'MATCH (o:Organization) WHERE o.country IS NOT NULL WITH o.country AS ref, count(*) AS degree';
  await pick(country('the most'), `${byCode} RETURN ref, degree ORDER BY degree DESC, ref LIMIT 1`);
  await pick(country('the fewest'), `${byCode} RETURN ref, degree ORDER BY degree, ref LIMIT 1`);
  // Codes of places with no organization of their own: the first that none of the graph's has.
  await pick(
    country('none'),
    "UNWIND ['AQ', 'BV', 'HM', 'TF', 'UM'] AS code WITH code WHERE NOT EXISTS { MATCH (o:Organization {country: code}) } " +
      'RETURN code AS ref, 0 AS degree LIMIT 1',
  );
  return found;
}

const checkouts = [await checkout('now', path.resolve(import.meta.dirname, '..'))];
if (against) checkouts.push(await checkout(gitState(path.resolve(against)).commit.slice(0, 7), path.resolve(against)));

const loadBefore = loadAverage();
const lines = await onSizeStore(options, async (driver, database) => {
  const header = checkouts.map((one) => `${one.name}: ms`).join(' | ');
  const lines = [
    `| list | filter | entity | relationships | totalCount | rows | ${header} |${against ? ' same answer |' : ''}`,
    `|---|---|---|---:|---|---:|${checkouts.map(() => '---:|').join('')}${against ? '---|' : ''}`,
  ];
  for (const reference of await references(driver)) {
    for (const withTotal of [false, true]) {
      const times = new Map<string, number[]>(checkouts.map((one) => [one.name, []]));
      const answers = new Set<string>();
      let rows = 0;
      for (let pass = 0; pass <= passes; pass++) {
        const order = pass % 2 === 0 ? checkouts : [...checkouts].reverse();
        for (const one of order) {
          const { text, parameters } = one.statement(reference.label, reference.filter, reference.ref, withTotal);
          const { records, summary } = await driver.executeQuery(text, parameters, { database });
          const found: unknown = records[0]?.get('rows');
          rows = Array.isArray(found) ? found.length : 0;
          answers.add(JSON.stringify([withTotal ? records[0]?.get('total') : null, found]));
          // The first pass warms the plans and the pages up and is not counted.
          if (pass > 0) times.get(one.name)?.push(neo4jMs(summary));
        }
      }
      const cells = checkouts.map((one) => withSpread(spread(times.get(one.name) ?? []), 0)).join(' | ');
      lines.push(
        `| ${reference.label} | ${reference.filter} | ${reference.what} (${reference.ref}) | ${reference.degree} | ${withTotal ? 'yes' : 'no'} | ${rows} | ${cells} |` +
          (against ? ` ${answers.size === 1 ? 'yes' : 'no'} |` : ''),
      );
      options.log(lines.at(-1) ?? '');
    }
  }
  return lines;
});
finishReport(
  `Root lists filtered by a related entity, ${options.entities} entities`,
  loadBefore,
  `a first page of 20 (limit 21), ordered by name; ms: Neo4j's own time, medians of ${passes} passes with their min–max${against ? ', the checkouts alternating' : ''}`,
  lines,
  options.out,
);
