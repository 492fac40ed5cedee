import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/domain/random.ts';

/**
 * A deterministic synthetic governance graph in the seed format, for load and query
 * benchmarks. The same --seed and --entities give the same file, byte for byte.
 * Degrees are skewed (Zipf-like): a few organizations sign thousands of memoranda and
 * employ thousands of people, as registries and agencies do.
 *
 *   node bench/generate.ts --entities 1000000 --out /tmp/graph-1m.json
 */

/** The benchmark's generator of numbers in [0, 1): mulberry32, so that a seed gives the same draws. */
export const prng = mulberry32;

/** An index in [0, n) drawn with probability falling as 1/(rank+1)^s, by inverse transform on a power law. */
export function zipfIndex(random: () => number, n: number, s = 1.1): number {
  const u = random();
  // Continuous approximation of a Zipf draw: cheap, skewed, deterministic.
  const x = (1 - u * (1 - (n + 1) ** (1 - s))) ** (1 / (1 - s)) - 1;
  return Math.min(n - 1, Math.max(0, Math.floor(x)));
}

/** Shares of each label in the generated graph (they sum to 1). */
export const labelShares = {
  sources: 0.05,
  organizations: 0.2,
  persons: 0.3,
  tlds: 0.02,
  memoranda: 0.2,
  events: 0.1,
  bodies: 0.02,
  documents: 0.08,
  topics: 0.015,
  countries: 0.015,
} as const;

type Collection = keyof typeof labelShares;

const orgKinds = ['registry', 'registrar', 'exchange-point', 'government-agency', 'company', 'association', 'academic', 'foundation'];
const eventKinds = ['conference', 'section', 'round-table', 'session', 'meeting'];
const bodyKinds = ['international-organization', 'supporting-organization', 'constituency', 'working-group', 'regional-association'];
const roles = ['organizer', 'host', 'supporter', 'moderator', 'speaker', 'participant'];
const titles = ['Director', 'Deputy Director', 'Head', 'CTO', 'President', 'Chair', 'Adviser'];
// Real ISO 3166-1 alpha-2 codes: the API types country codes and rejects made-up ones.
const isoCodes = [
  'RU',
  'BY',
  'KZ',
  'AM',
  'VN',
  'CN',
  'IN',
  'BR',
  'ZA',
  'US',
  'GB',
  'DE',
  'FR',
  'IT',
  'ES',
  'NL',
  'SE',
  'FI',
  'PL',
  'CZ',
  'TR',
  'IR',
  'EG',
  'NG',
  'KE',
  'JP',
  'KR',
  'ID',
  'MY',
  'TH',
  'AR',
  'MX',
  'CL',
  'CA',
  'AU',
  'NZ',
  'UZ',
  'KG',
  'TJ',
  'AZ',
];
const syllables = ['ro', 'ma', 'ne', 'ti', 'ka', 'lo', 'vi', 'sa', 'de', 'an', 'por', 'lin', 'tek', 'vor', 'bel', 'nor'];

function counts(entities: number): Record<Collection, number> {
  const result = {} as Record<Collection, number>;
  for (const [name, share] of Object.entries(labelShares) as [Collection, number][]) {
    result[name] = Math.max(2, Math.round(entities * share));
  }
  return result;
}

export async function generate(entities: number, seed: number, out: string): Promise<{ entities: number; relations: number }> {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  const day = () => {
    const year = 2000 + Math.floor(random() * 25);
    const month = 1 + Math.floor(random() * 12);
    const dayOfMonth = 1 + Math.floor(random() * 28);
    const precision = random();
    if (precision < 0.2) return String(year);
    if (precision < 0.5) return `${year}-${String(month).padStart(2, '0')}`;
    return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  };
  const n = counts(entities);
  const id = (prefix: string, i: number) => `${prefix}-${i}`;
  const src = () => [id('src', zipfIndex(random, n.sources, 0.6))];

  const stream = createWriteStream(out);
  const write = (text: string) =>
    stream.write(text) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve()));

  let relations = 0;
  let first = true;
  const openCollection = async (name: string) => {
    await write(`${first ? '{\n' : ',\n'}"${name}": [\n`);
    first = false;
  };
  const records = async (name: string, count: number, make: (i: number) => object) => {
    await openCollection(name);
    for (let i = 0; i < count; i++) await write(`${i === 0 ? '' : ',\n'}${JSON.stringify(make(i))}`);
    await write('\n]');
  };

  await records('sources', n.sources, (i) => ({
    id: id('src', i),
    title: `Synthetic report ${i}`,
    publisher: 'govgraph bench',
    date: day(),
    language: 'en',
  }));
  await records('countries', n.countries, (i) => ({
    id: id('country', i),
    name: `${capital(word())}land ${i}`,
    code: isoCodes[i % isoCodes.length],
    sources: src(),
    evidence: 'STATED',
  }));
  await records('topics', n.topics, (i) => ({ id: id('topic', i), name: `${word()} ${word()} ${i}`, sources: src(), evidence: 'STATED' }));
  await records('organizations', n.organizations, (i) => ({
    id: id('org', i),
    name: `${capital(word())} ${capital(word())} ${i}`,
    aliases: [`${word().toUpperCase()}-${i}`],
    kind: pick(orgKinds),
    country: isoCodes[(i * 7) % isoCodes.length],
    sources: src(),
    evidence: 'STATED',
  }));
  await records('persons', n.persons, (i) => ({
    id: id('person', i),
    name: `${capital(word())} ${capital(word())}ov ${i}`,
    sources: src(),
    evidence: 'STATED',
  }));
  await records('tlds', n.tlds, (i) => ({
    id: id('tld', i),
    name: `.${word()}${i}`,
    ascii: `.${word()}${i}`,
    type: 'generic',
    idn: false,
    sources: src(),
    evidence: 'STATED',
  }));
  await records('memoranda', n.memoranda, (i) => ({
    id: id('memo', i),
    name: `Memorandum of cooperation ${i}`,
    date: day(),
    sources: src(),
    evidence: 'STATED',
  }));
  await records('events', n.events, (i) => {
    const start = day();
    return {
      id: id('event', i),
      name: `${capital(word())} forum ${i}`,
      kind: pick(eventKinds),
      startDate: start,
      sources: src(),
      evidence: 'STATED',
    };
  });
  await records('bodies', n.bodies, (i) => ({
    id: id('body', i),
    name: `${capital(word())} council ${i}`,
    kind: pick(bodyKinds),
    sources: src(),
    evidence: 'STATED',
  }));
  await records('documents', n.documents, (i) => ({
    id: id('doc', i),
    name: `Resolution ${i}`,
    kind: 'resolution',
    number: `${i}`,
    date: day(),
    sources: src(),
    evidence: 'STATED',
  }));

  await openCollection('relations');
  let firstRelation = true;
  const relation = async (record: object) => {
    await write(`${firstRelation ? '' : ',\n'}${JSON.stringify(record)}`);
    firstRelation = false;
    relations += 1;
  };
  const org = () => id('org', zipfIndex(random, n.organizations));
  const seen = new Set<string>();
  const unique = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };

  for (let i = 0; i < n.persons; i++) {
    const to = org();
    await relation({
      type: 'HOLDS_POSITION',
      from: id('person', i),
      to,
      title: pick(titles),
      startDate: day(),
      sources: src(),
      evidence: 'STATED',
    });
  }
  for (let i = 0; i < n.memoranda; i++) {
    const memo = id('memo', i);
    const parties = new Set([org(), org()]);
    for (const party of parties) {
      await relation({ type: 'PARTY_TO', from: party, to: memo, sources: src(), evidence: 'STATED' });
      const signer = id('person', zipfIndex(random, n.persons, 0.9));
      if (unique(`SIGNED|${signer}|${memo}`)) {
        await relation({ type: 'SIGNED', from: signer, to: memo, onBehalfOf: party, sources: src(), evidence: 'STATED' });
      }
    }
    await relation({ type: 'COVERS', from: memo, to: id('topic', zipfIndex(random, n.topics)), sources: src(), evidence: 'STATED' });
  }
  for (let i = 0; i < n.events; i++) {
    const event = id('event', i);
    const role = pick(roles);
    const participant = org();
    await relation({ type: 'PARTICIPATED_IN', from: participant, to: event, role, sources: src(), evidence: 'STATED' });
  }
  for (let i = 0; i < n.organizations; i++) {
    const from = id('org', i);
    await relation({ type: 'LOCATED_IN', from, to: id('country', i % n.countries), sources: src(), evidence: 'STATED' });
    if (i % 4 === 0)
      await relation({ type: 'MEMBER_OF', from, to: id('body', zipfIndex(random, n.bodies)), sources: src(), evidence: 'STATED' });
  }
  for (let i = 1; i < n.bodies; i++) {
    await relation({ type: 'PART_OF', from: id('body', i), to: id('body', Math.floor(random() * i)), sources: src(), evidence: 'STATED' });
  }
  for (let i = 0; i < n.tlds; i++) {
    await relation({ type: 'MANAGES', from: org(), to: id('tld', i), role: 'registry', sources: src(), evidence: 'STATED' });
  }
  await write('\n]\n}\n');
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const total = Object.values(n).reduce((sum, count) => sum + count, 0);
  return { entities: total, relations };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { entities: { type: 'string', default: '10000' }, seed: { type: 'string', default: '42' }, out: { type: 'string' } },
  });
  if (!values.out) {
    console.error('usage: node bench/generate.ts --entities 1000000 [--seed 42] --out graph.json');
    process.exit(2);
  }
  const result = await generate(Number(values.entities), Number(values.seed), values.out);
  console.log(`wrote ${values.out}: ${result.entities} entities, ${result.relations} relations`);
}
