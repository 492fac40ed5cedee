import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeRow, RelationRow, SeedGraph } from '../../src/domain/graph.ts';
import { formSeparator } from '../../src/domain/text/search-forms.ts';
import { readSeedFolder, type SeedFile, type SeedProblem, SeedValidationError, validateSeedFiles } from '../../src/domain/validate.ts';

const fixtures = fileURLToPath(new URL('./fixtures/seed/', import.meta.url));

/** The valid fixture set: every bad case is added to it, so its ids can be referred to. */
let validFiles: SeedFile[];

beforeAll(async () => {
  validFiles = await readSeedFolder(`${fixtures}valid`);
});

/** A seed file whose line N is lines[N - 1], so the expected positions can be read off. */
function seedFile(name: string, ...lines: string[]): SeedFile {
  return { path: `seed/data/${name}`, text: lines.join('\n') };
}

async function fixtureFile(name: string): Promise<SeedFile> {
  return { path: `seed/data/${name}`, text: await readFile(`${fixtures}bad/${name}`, 'utf8') };
}

function rejection(files: SeedFile[]): SeedValidationError {
  try {
    validateSeedFiles(files);
  } catch (error) {
    if (error instanceof SeedValidationError) return error;
    throw error;
  }
  throw new Error('expected the seed to be rejected');
}

/** The text a problem's position points at, up to the end of that token or record opening. */
function textAt(file: SeedFile, problem: SeedProblem): string {
  const line = file.text.split('\n')[problem.line - 1] ?? '';
  const rest = line.slice(problem.column - 1);
  return rest.startsWith('{') ? rest.slice(0, rest.indexOf(',')) : (/^"[^"]*"/.exec(rest)?.[0] ?? rest);
}

function problemsWith(...extra: SeedFile[]): SeedProblem[] {
  return rejection([...validFiles, ...extra]).problems;
}

describe('a valid seed', () => {
  let graph: SeedGraph;
  const node = (id: string): NodeRow => {
    const found = graph.nodes.find((row) => row.id === id);
    if (!found) throw new Error(`no node ${id}`);
    return found;
  };
  const relation = (key: string): RelationRow => {
    const found = graph.relations.find((row) => row.key === key);
    if (!found) throw new Error(`no relation ${key}`);
    return found;
  };

  beforeAll(() => {
    graph = validateSeedFiles(validFiles);
  });

  it('reads the folder in name order', () => {
    expect(validFiles.map((file) => file.path.split('/').at(-1))).toEqual(['01-sources.json', '02-entities.json', '03-relations.json']);
  });

  it('turns every record into a row with its label', () => {
    expect(graph.nodes).toHaveLength(13);
    expect(graph.relations).toHaveLength(9);
    expect(node('example-registry').label).toBe('Organization');
    expect(node('src-forum-programme').label).toBe('Source');
    expect(node('mou-registries').label).toBe('Memorandum');
  });

  it('maps an entity to its stored properties', () => {
    expect(node('example-registry').props).toEqual({
      name: 'Example Registry',
      aliases: ['ER', 'Пример-Регистратура'],
      kind: 'registry',
      country: 'RU',
      sources: ['src-registry-report'],
      evidence: 'STATED',
      citationEvidence: ['STATED'],
      provenance: JSON.stringify([{ field: 'country', evidence: 'EXTERNAL' }]),
      // What the record's values stand on, citations and fields alike: the lists' evidence filter reads it.
      valueEvidence: ['STATED', 'EXTERNAL'],
      nameKey: 'example registry',
      searchText: ['example registry', 'er', 'пример-регистратура'].join(formSeparator),
      // Match keys: stemmed, transliterated, and short names also written as one word.
      searchVariants: ['eksampl registri', 'eksampleregistri', 'er', 'primer registratura', 'primeregistratura'].join(formSeparator),
      // Its kind as words, and its country's name.
      searchDetails: ['registri', 'rusa'].join(formSeparator),
    });
  });

  it('stores no empty list and folds names for search', () => {
    const person = node('pavel-vorobyov').props;
    expect(person.nameKey).toBe('павел воробьев');
    // An absent or empty list is no property: readers take a missing list as empty.
    expect(person).not.toHaveProperty('aliases');
    expect(person.citationEvidence).toEqual(['STATED']);
    expect(person).not.toHaveProperty('provenance');
    expect(person.searchText).toBe(['павел воробьев', 'pavel vorobyov'].join(formSeparator));
    expect(person).not.toHaveProperty('claims');
    expect(person).not.toHaveProperty('dateFrom');
  });

  it('makes a TLD findable by its Unicode and ASCII forms, with and without the dot', () => {
    const lines = String(node('tld-rf').props.searchText).split(formSeparator);
    expect(lines).toEqual(expect.arrayContaining(['.рф', 'рф', '.xn--p1ai', 'xn--p1ai', 'tld rf']));
    expect(node('tld-rf').props.idn).toBe(true);
  });

  it('uses a source title as its name and the source as its own evidence', () => {
    const source = node('src-registry-report').props;
    expect(source.name).toBe('Annual report of the .рф registry');
    expect(source.sources).toEqual(['src-registry-report']);
    expect(source.dateFrom).toBe('2021-02-01');
    expect(source.dateTo).toBe('2021-02-28');
    expect(node('src-forum-programme').props).toMatchObject({ dateFrom: '2020-01-01', dateTo: '2020-12-31' });
  });

  it('spans events from the first day of startDate to the last day of endDate', () => {
    expect(node('forum-2020').props).toMatchObject({ dateFrom: '2020-02-27', dateTo: '2020-03-02', edition: 3 });
    expect(node('forum-leap-session').props).toMatchObject({ dateFrom: '2020-02-01', dateTo: '2020-02-29' });
  });

  it('stores claims as a JSON string', () => {
    expect(JSON.parse(String(node('mou-registries').props.claims))).toEqual([
      { field: 'name', value: 'Registries agreement', sources: ['src-forum-programme'], evidence: 'STATED' },
    ]);
  });

  it('maps relations with their identity key and dates', () => {
    expect(relation('MANAGES|example-registry|tld-rf|registry|')).toEqual({
      key: 'MANAGES|example-registry|tld-rf|registry|',
      type: 'MANAGES',
      from: 'example-registry',
      to: 'tld-rf',
      props: { role: 'registry', sources: ['src-registry-report'], evidence: 'STATED', citationEvidence: ['STATED'] },
    });
    expect(relation('SIGNED|pavel-vorobyov|mou-registries||').props).toMatchObject({
      onBehalfOf: 'example-registry',
      dateFrom: '2021-02-01',
      dateTo: '2021-02-28',
    });
    // A position without an endDate is still held: it gets no dateTo.
    const position = relation('HOLDS_POSITION|pavel-vorobyov|example-registry||Director').props;
    expect(position.dateFrom).toBe('2019-05-01');
    expect(position).not.toHaveProperty('dateTo');
    expect(relation('SERVES_COUNTRY|tld-rf|russia||').props.citationEvidence).toEqual(['EXTERNAL']);
  });

  it('ignores a byte-order mark', () => {
    const graph = validateSeedFiles([
      ...validFiles,
      seedFile(
        'bom.json',
        '\uFEFF{',
        '  "topics": [{ "id": "bom", "name": "BOM", "sources": ["src-forum-programme"], "evidence": "STATED" }]',
        '}',
      ),
    ]);
    expect(graph.nodes.at(-1)?.id).toBe('bom');
  });
});

describe('a bad seed', () => {
  it('reports a JSON syntax error with its line, and still checks the other files', async () => {
    const error = rejection([
      ...validFiles,
      await fixtureFile('syntax-error.json'),
      seedFile('z.json', '{', '  "topics": [{ "id": "t", "name": "T", "sources": [], "evidence": "STATED" }]', '}'),
    ]);
    expect(error.problems).toEqual([
      { file: 'seed/data/syntax-error.json', line: 4, column: 5, message: expect.stringMatching(/^invalid JSON: expected ","/) },
      {
        file: 'seed/data/z.json',
        line: 2,
        column: 40,
        record: 't',
        field: 'sources',
        message: 'must cite at least one source',
      },
    ]);
    expect(error.message).toContain('seed/data/syntax-error.json:4:5: invalid JSON');
  });

  it('reports a trailing comma and a comment as syntax errors', () => {
    const [comma] = problemsWith(seedFile('comma.json', '{', '  "topics": [', '  ],', '}'));
    expect(comma).toMatchObject({ file: 'seed/data/comma.json', line: 4, column: 1 });
    const [comment] = problemsWith(seedFile('comment.json', '{', '  // topics', '}'));
    expect(comment).toMatchObject({ line: 2, column: 3, message: 'invalid JSON: comments are not allowed in JSON' });
  });

  it('reports an unknown field by name, at its line', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "topics": [',
        '    {',
        '      "id": "t",',
        '      "name": "T",',
        '      "nmae": "T",',
        '      "sources": ["src-forum-programme"], "evidence": "STATED"',
        '    }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/x.json',
        line: 6,
        column: 7,
        record: 't',
        field: 'nmae',
        message: expect.stringMatching(/^unknown field; the fields are id, name, aliases/),
      },
    ]);
  });

  it('reports an unknown collection and a record that is not an object', () => {
    const problems = problemsWith(seedFile('x.json', '{', '  "topic": [],', '  "topics": ["idn"]', '}'));
    expect(problems).toEqual([
      {
        file: 'seed/data/x.json',
        line: 2,
        column: 3,
        message: expect.stringMatching(/^unknown collection "topic"; the collections are sources, organizations/),
      },
      { file: 'seed/data/x.json', line: 3, column: 14, record: 'topics[0]', message: 'expected an object, got "idn"' },
    ]);
  });

  it('reports a duplicate id across two files, naming both places', () => {
    const error = rejection([
      ...validFiles,
      seedFile(
        'a.json',
        '{',
        '  "topics": [{ "id": "shared", "name": "A", "sources": ["src-forum-programme"], "evidence": "STATED" }]',
        '}',
      ),
      seedFile(
        'b.json',
        '{',
        '  "bodies": [',
        '    { "id": "shared", "name": "B", "sources": ["src-forum-programme"], "evidence": "STATED" }',
        '  ]',
        '}',
      ),
    ]);
    expect(error.problems).toEqual([
      {
        file: 'seed/data/b.json',
        line: 3,
        column: 7,
        record: 'shared',
        field: 'id',
        message: 'duplicate id "shared": already used by topics[0] (id "shared") at seed/data/a.json:2:16',
      },
    ]);
    expect(error.message).toContain(
      'seed/data/b.json:3:7: bodies[0] (id "shared") field "id": duplicate id "shared": already used by topics[0] (id "shared") at seed/data/a.json:2:16',
    );
  });

  it("keeps former slugs as a list property; refuses one that is in use, repeated, or the record's own", () => {
    const renamed = seedFile(
      'renamed.json',
      '{',
      '  "topics": [',
      '    { "id": "new-name", "formerSlugs": ["old-name", "older-name"], "name": "A", "sources": ["src-forum-programme"], "evidence": "STATED" }',
      '  ]',
      '}',
    );
    const graph = validateSeedFiles([...validFiles, renamed]);
    expect(graph.nodes.find((node) => node.id === 'new-name')?.props.formerSlugs).toEqual(['old-name', 'older-name']);
    expect(graph.nodes.find((node) => node.id === 'example-registry')?.props).not.toHaveProperty('formerSlugs');

    const problems = problemsWith(
      renamed,
      seedFile(
        'clash.json',
        '{',
        '  "topics": [',
        '    { "id": "own", "formerSlugs": ["own", "example-registry", "old-name"], "name": "B", "sources": ["src-forum-programme"], "evidence": "STATED" }',
        '  ],',
        '  "relations": [',
        '    { "type": "MANAGES", "from": "example-registry", "to": "older-name", "sources": ["src-registry-report"], "evidence": "STATED" }',
        '  ]',
        '}',
      ),
    );
    expect(problems.map((problem) => [problem.record, problem.field, problem.message])).toEqual([
      ['own', 'formerSlugs[0]', '"own" is this record\'s own slug, not a former one'],
      [
        'own',
        'formerSlugs[1]',
        '"example-registry" is the slug of organizations[0] (id "example-registry"); a former slug must no longer be in use',
      ],
      ['own', 'formerSlugs[2]', expect.stringMatching(/^former slug "old-name" is already listed by topics\[0\] \(id "new-name"\) at /)],
      [
        'relations[0]',
        'to',
        expect.stringMatching(/^unknown id "older-name": it is a former slug of "new-name" \(topics\[0\] \(id "new-name"\)\); use that$/),
      ],
    ]);
  });

  it('reports an unknown id in relation.to', () => {
    const problems = problemsWith(
      seedFile(
        'r.json',
        '{',
        '  "relations": [',
        '    {',
        '      "type": "MANAGES",',
        '      "from": "example-registry",',
        '      "to": "tld-nowhere",',
        '      "sources": ["src-registry-report"], "evidence": "STATED"',
        '    }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/r.json',
        line: 6,
        column: 7,
        record: 'relations[0]',
        field: 'to',
        message: 'unknown id "tld-nowhere": no record has this id',
      },
    ]);
  });

  it('reports an unknown source id, and a source id that is not a Source', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "topics": [',
        '    { "id": "t", "name": "T", "sources": ["src-forum-programme", "src-nowhere"], "evidence": "STATED" },',
        '    { "id": "u", "name": "U", "sources": ["russia"], "evidence": "STATED" }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/x.json',
        line: 3,
        column: 66,
        record: 't',
        field: 'sources[1]',
        message: 'unknown source "src-nowhere": no record has this id',
      },
      {
        file: 'seed/data/x.json',
        line: 4,
        column: 43,
        record: 'u',
        field: 'sources[0]',
        message: '"russia" is a Country (countries[0] (id "russia")), not a Source',
      },
    ]);
  });

  it('refuses a record without evidence, and INFERRED without a basis, naming file, record and field', () => {
    const problems = problemsWith(
      seedFile(
        'evidence.json',
        '{',
        '  "topics": [{ "id": "no-evidence", "name": "T", "sources": ["src-forum-programme"] }],',
        '  "persons": [{ "id": "guessed", "name": "G", "sources": ["src-forum-programme"], "evidence": "INFERRED" }],',
        '  "relations": [',
        '    { "type": "COVERS", "from": "mou-registries", "to": "idn", "sources": ["src-forum-programme", "src-registry-report"],',
        '      "evidence": "STATED", "citations": [{ "source": "src-registry-report", "evidence": "INFERRED" }, { "source": "src-none", "evidence": "EXTERNAL" }] },',
        '    { "type": "DISCUSSED", "from": "forum-leap-session", "to": "idn", "sources": ["src-forum-programme"], "evidence": "SAID" }',
        '  ],',
        '  "memoranda": [{ "id": "read-date", "name": "M", "date": "2020", "sources": ["src-forum-programme"], "evidence": "STATED",',
        '    "provenance": [{ "field": "date", "evidence": "INFERRED" }, { "field": "title", "evidence": "EXTERNAL" }] }]',
        '}',
      ),
    );
    expect(problems.map(({ line, record, field, message }) => ({ line, record, field, message }))).toEqual([
      { line: 2, record: 'no-evidence', field: 'evidence', message: 'missing required field' },
      { line: 3, record: 'guessed', field: 'basis', message: expect.stringMatching(/^INFERRED evidence needs a basis/) },
      { line: 6, record: 'relations[0]', field: 'citations[0].basis', message: expect.stringMatching(/^INFERRED evidence needs a basis/) },
      { line: 6, record: 'relations[0]', field: 'citations[1].source', message: '"src-none" is not among this record\'s sources' },
      { line: 7, record: 'relations[1]', field: 'evidence', message: 'expected one of "STATED", "INFERRED", "EXTERNAL"; got "SAID"' },
      { line: 10, record: 'read-date', field: 'provenance[0].basis', message: expect.stringMatching(/^INFERRED evidence needs a basis/) },
      {
        line: 10,
        record: 'read-date',
        field: 'provenance[1].field',
        message: '"title" is not a field of this record; name one of its fields',
      },
    ]);
    expect(problems.every((problem) => problem.file === 'seed/data/evidence.json')).toBe(true);
  });

  it('takes the provenance of one value of a list, and refuses a value the list lacks or a field that is no list', () => {
    const problems = problemsWith(
      seedFile(
        'values.json',
        '{',
        '  "topics": [{ "id": "named", "name": "T", "aliases": ["Т", "Tee"], "sources": ["src-forum-programme"], "evidence": "STATED",',
        '    "provenance": [{ "field": "aliases", "value": "Т", "evidence": "EXTERNAL" }, { "field": "aliases", "value": "Tea", "evidence": "EXTERNAL" },',
        '      { "field": "name", "value": "T", "evidence": "EXTERNAL" }, { "field": "aliases", "value": "Т", "evidence": "INFERRED", "basis": "b" }] }]',
        '}',
      ),
    );
    expect(problems.map(({ line, record, field, message }) => ({ line, record, field, message }))).toEqual([
      { line: 3, record: 'named', field: 'provenance[1].value', message: '"Tea" is not one of the values of "aliases"' },
      {
        line: 4,
        record: 'named',
        field: 'provenance[2].value',
        message: '"name" is no list: its provenance is given for the whole field, without a value',
      },
      { line: 4, record: 'named', field: 'provenance[3].field', message: '"aliases" "Т" already has its provenance given above' },
    ]);
  });

  it('keeps evidence per citation: the stored kinds follow sources, the exceptions as written', () => {
    const graph = validateSeedFiles([
      ...validFiles,
      seedFile(
        'two-ways.json',
        '{ "relations": [{ "type": "COVERS", "from": "mou-registries", "to": "idn",',
        '  "sources": ["src-forum-programme", "src-registry-report"], "evidence": "INFERRED", "basis": "Read from the programme.",',
        '  "citations": [{ "source": "src-registry-report", "evidence": "STATED" }] }] }',
      ),
    ]);
    const row = graph.relations.find((relation) => relation.key === 'COVERS|mou-registries|idn||');
    expect(row?.props).toMatchObject({
      evidence: 'INFERRED',
      basis: 'Read from the programme.',
      citationEvidence: ['INFERRED', 'STATED'],
      citations: JSON.stringify([{ source: 'src-registry-report', evidence: 'STATED' }]),
    });
  });

  it('reports missing sources at the record and empty sources at the field', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "topics": [',
        '    { "id": "t", "name": "T", "evidence": "STATED" },',
        '    { "id": "u", "name": "U", "sources": [], "evidence": "STATED" }',
        '  ],',
        '  "relations": [{ "type": "COVERS", "from": "mou-registries", "to": "idn", "sources": [], "evidence": "STATED" }]',
        '}',
      ),
    );
    expect(problems).toEqual([
      { file: 'seed/data/x.json', line: 3, column: 5, record: 't', field: 'sources', message: 'missing required field' },
      {
        file: 'seed/data/x.json',
        line: 4,
        column: 31,
        record: 'u',
        field: 'sources',
        message: 'must cite at least one source',
      },
      {
        file: 'seed/data/x.json',
        line: 6,
        column: 76,
        record: 'relations[0]',
        field: 'sources',
        message: 'must cite at least one source',
      },
    ]);
  });

  it('reports an impossible date and a malformed one', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "memoranda": [',
        '    { "id": "m1", "name": "M1", "date": "2021-02-30", "sources": ["src-registry-report"], "evidence": "STATED" },',
        '    { "id": "m2", "name": "M2", "date": "21-02", "sources": ["src-registry-report"], "evidence": "STATED" },',
        '    { "id": "m3", "name": "M3", "date": "2019-02-29", "sources": ["src-registry-report"], "evidence": "STATED" },',
        '    { "id": "m4", "name": "M4", "date": "2020-02-29", "sources": ["src-registry-report"], "evidence": "STATED" }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/x.json',
        line: 3,
        column: 33,
        record: 'm1',
        field: 'date',
        message: '"2021-02-30" is not a real date: February 2021 has 28 days',
      },
      {
        file: 'seed/data/x.json',
        line: 4,
        column: 33,
        record: 'm2',
        field: 'date',
        message: 'expected a partial date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "21-02"',
      },
      {
        file: 'seed/data/x.json',
        line: 5,
        column: 33,
        record: 'm3',
        field: 'date',
        message: '"2019-02-29" is not a real date: February 2019 has 28 days',
      },
    ]);
  });

  it('reports an endDate before the startDate', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "events": [',
        '    {',
        '      "id": "backwards",',
        '      "name": "Backwards",',
        '      "startDate": "2021-03",',
        '      "endDate": "2021-02-28",',
        '      "sources": ["src-forum-programme"], "evidence": "STATED"',
        '    }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/x.json',
        line: 7,
        column: 7,
        record: 'backwards',
        field: 'endDate',
        message: 'endDate "2021-02-28" is before startDate "2021-03"',
      },
    ]);
  });

  it('reports an end whose label the relation type does not allow, saying which are', () => {
    const problems = problemsWith(
      seedFile(
        'r.json',
        '{',
        '  "relations": [',
        '    { "type": "MANAGES", "from": "pavel-vorobyov", "to": "tld-rf", "sources": ["src-registry-report"], "evidence": "STATED" },',
        '    { "type": "HOLDS_POSITION", "from": "pavel-vorobyov", "to": "tld-rf", "sources": ["src-registry-report"], "evidence": "STATED" }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/r.json',
        line: 3,
        column: 26,
        record: 'relations[0]',
        field: 'from',
        message: '"pavel-vorobyov" is a Person, but MANAGES goes from Organization',
      },
      {
        file: 'seed/data/r.json',
        line: 4,
        column: 59,
        record: 'relations[1]',
        field: 'to',
        message: '"tld-rf" is a Tld, but HOLDS_POSITION goes to Organization or Body',
      },
    ]);
  });

  it('reports SIGNED without onBehalfOf, and onBehalfOf of the wrong label', () => {
    const problems = problemsWith(
      seedFile(
        'r.json',
        '{',
        '  "persons": [{ "id": "anna-signer", "name": "Anna Signer", "sources": ["src-registry-report"], "evidence": "STATED" }],',
        '  "relations": [',
        '    { "type": "SIGNED", "from": "anna-signer", "to": "mou-registries", "sources": ["src-registry-report"], "evidence": "STATED" },',
        '    {',
        '      "type": "SIGNED",',
        '      "from": "anna-signer",',
        '      "to": "mou-registries",',
        '      "onBehalfOf": "russia",',
        '      "title": "Director",',
        '      "sources": ["src-registry-report"], "evidence": "STATED"',
        '    }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/r.json',
        line: 4,
        column: 5,
        record: 'relations[0]',
        field: 'onBehalfOf',
        message: 'missing: a SIGNED relation names the organization or body signed for',
      },
      {
        file: 'seed/data/r.json',
        line: 9,
        column: 7,
        record: 'relations[1]',
        field: 'onBehalfOf',
        message: '"russia" is a Country; expected Organization or Body',
      },
      {
        file: 'seed/data/r.json',
        line: 10,
        column: 7,
        record: 'relations[1]',
        field: 'title',
        message: 'a SIGNED relation has no "title" (its own fields are onBehalfOf)',
      },
    ]);
  });

  it('reports a duplicate relation, naming the first', () => {
    const problems = problemsWith(
      seedFile(
        'r.json',
        '{',
        '  "relations": [',
        '    { "type": "MANAGES", "from": "example-registry", "to": "tld-rf", "role": "registry", "sources": ["src-forum-programme"], "evidence": "STATED" },',
        '    { "type": "MANAGES", "from": "example-registry", "to": "tld-rf", "role": "operator", "sources": ["src-forum-programme"], "evidence": "STATED" }',
        '  ]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/r.json',
        line: 3,
        column: 5,
        record: 'relations[0]',
        message:
          'duplicate relation (same type, from, to, role and title): MANAGES|example-registry|tld-rf|registry|; ' +
          `the first is relations[0] at ${fixtures}valid/03-relations.json:3:5`,
      },
    ]);
  });

  it('reports a country code that is not upper-case alpha-2', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "countries": [{ "id": "ruritania", "name": "Ruritania", "code": "RUR", "sources": ["src-forum-programme"], "evidence": "STATED" }]',
        '}',
      ),
    );
    expect(problems).toEqual([
      {
        file: 'seed/data/x.json',
        line: 2,
        column: 59,
        record: 'ruritania',
        field: 'code',
        message: 'expected an ISO 3166-1 alpha-2 code in upper case, e.g. "RU"; got "RUR"',
      },
    ]);
  });

  it('accepts http(s) URLs with Unicode hosts and rejects others', () => {
    const event = (id: string, url: string) =>
      `    { "id": "${id}", "name": "E", "url": "${url}", "sources": ["src-forum-programme"], "evidence": "STATED" }`;
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "events": [',
        `${event('unicode-host', 'https://кц.рф/news?id=1')},`,
        `${event('no-scheme', 'example.org/page')},`,
        `${event('ftp', 'ftp://example.org/file')},`,
        `${event('no-dot', 'https://localhost/')}`,
        '  ]',
        '}',
      ),
    );
    expect(problems.map(({ line, record, field, message }) => ({ line, record, field, message }))).toEqual([
      { line: 4, record: 'no-scheme', field: 'url', message: 'expected an http(s) URL; got "example.org/page"' },
      { line: 5, record: 'ftp', field: 'url', message: 'expected an http(s) URL; got "ftp://example.org/file"' },
      { line: 6, record: 'no-dot', field: 'url', message: 'expected an http(s) URL; got "https://localhost/"' },
    ]);
  });

  it('checks the sound fields of a record that has a bad one, but reports the bad one only once', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "events": [',
        '    { "id": "e", "name": "E", "edition": 0, "startDate": "2021", "endDate": "2020", "sources": ["src-x"], "evidence": "STATED" }',
        '  ],',
        '  "relations": [{ "type": "MANAGES", "from": "e", "to": "Bad Id", "sources": ["src-forum-programme"], "evidence": "STATED" }]',
        '}',
      ),
    );
    expect(problems.map(({ line, field, message }) => ({ line, field, message }))).toEqual([
      { line: 3, field: 'edition', message: 'must be a positive integer' },
      { line: 3, field: 'endDate', message: 'endDate "2020" is before startDate "2021"' },
      { line: 3, field: 'sources[0]', message: 'unknown source "src-x": no record has this id' },
      { line: 5, field: 'from', message: '"e" is an Event, but MANAGES goes from Organization' },
      { line: 5, field: 'to', message: expect.stringMatching(/^expected a slug/) },
    ]);
  });

  it('reports a wrong type and a value outside the allowed kinds', () => {
    const problems = problemsWith(
      seedFile(
        'x.json',
        '{',
        '  "events": [{ "id": "e", "name": "E", "kind": "party", "edition": "3", "sources": ["src-forum-programme"], "evidence": "STATED" }],',
        '  "topics": [{ "id": "MSK IX", "name": 7, "sources": ["src-forum-programme"], "evidence": "STATED" }]',
        '}',
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'kind',
        message: expect.stringMatching(/^expected one of "conference", .*; got "party"$/),
      }),
      expect.objectContaining({ line: 2, field: 'edition', message: 'expected a number, got "3"' }),
      expect.objectContaining({
        line: 3,
        record: 'MSK IX',
        field: 'id',
        message: 'expected a slug: lower-case letters and digits joined by single hyphens; got "MSK IX"',
      }),
      expect.objectContaining({ line: 3, field: 'name', message: 'expected a string, got number 7' }),
    ]);
  });

  it('reports every problem of a file at once, in file order', async () => {
    const file = await fixtureFile('many-problems.json');
    const error = rejection([...validFiles, file]);
    expect(error.problems.map(({ line, column, record, field }) => ({ line, column, record, field }))).toEqual([
      { line: 7, column: 7, record: 'lower-case-country', field: 'country' },
      { line: 10, column: 5, record: 'no-kind', field: 'kind' },
      { line: 13, column: 26, record: 'tld-upper', field: 'name' },
      { line: 13, column: 43, record: 'tld-upper', field: 'ascii' },
      { line: 16, column: 47, record: 'ftp-event', field: 'url' },
      { line: 23, column: 24, record: 'flagged-person', field: 'provenance[0].field' },
      { line: 24, column: 72, record: 'flagged-person', field: 'claims[0].sources[0]' },
      { line: 29, column: 64, record: 'relations[1]', field: 'role' },
    ]);
    // Each position is the field's name, or the list element, or the record that lacks the field.
    expect(error.problems.map((problem) => textAt(file, problem))).toEqual([
      '"country"',
      '{ "id": "no-kind"',
      '"name"',
      '"ascii"',
      '"url"',
      '"field"',
      '"src-missing"',
      '"role"',
    ]);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('the seed files have 8 problems:');
    expect(lines.slice(1)).toEqual([
      'seed/data/many-problems.json:7:7: organizations[0] (id "lower-case-country") field "country": expected an ISO 3166-1 alpha-2 code in upper case, e.g. "RU"; got "ru"',
      'seed/data/many-problems.json:10:5: organizations[1] (id "no-kind") field "kind": missing required field',
      'seed/data/many-problems.json:13:26: tlds[0] (id "tld-upper") field "name": a TLD name is its Unicode form with the leading dot, e.g. ".рф"; got "upper"',
      'seed/data/many-problems.json:13:43: tlds[0] (id "tld-upper") field "ascii": expected the lower-case ASCII form with its dot, e.g. ".xn--p1ai" or ".ru"; got ".RU"',
      'seed/data/many-problems.json:16:47: events[0] (id "ftp-event") field "url": expected an http(s) URL; got "ftp://example.org/"',
      'seed/data/many-problems.json:23:24: persons[0] (id "flagged-person") field "provenance[0].field": "aliases" is not a field of this record; name one of its fields',
      'seed/data/many-problems.json:24:72: persons[0] (id "flagged-person") field "claims[0].sources[0]": unknown source "src-missing": no record has this id',
      'seed/data/many-problems.json:29:64: relations[1] field "role": a COVERS relation has no "role" (it has no own fields)',
    ]);
  });

  it('shows at most 50 problems in the message but keeps them all', () => {
    const records = Array.from({ length: 60 }, (_, i) => `    { "id": "t-${i}", "name": "T", "sources": [], "evidence": "STATED" }`);
    const error = rejection([seedFile('x.json', '{', '  "topics": [', records.join(',\n'), '  ]', '}')]);
    expect(error.problems).toHaveLength(60);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(52);
    expect(lines.at(-1)).toBe('…and 10 more');
  });
});

describe('conflicts and completeness in the seed', () => {
  const side = (extra: string) => `{ ${extra}"sources": ["src-registry-report"], "evidence": "STATED" }`;
  const relationSide = (role: string) =>
    side(`"relation": { "type": "MANAGES", "from": "example-registry", "to": "tld-rf", "role": "${role}" }, `);

  it('loads a conflict with its sides in field order, its sources derived, and no search forms', () => {
    const graph = validateSeedFiles([
      ...validFiles,
      seedFile(
        'conflicts.json',
        '{ "conflicts": [',
        `  { "id": "conflict-rf", "name": "Who runs .рф", "description": "Two readings.", "subjects": ["tld-rf"], "sides": [${relationSide('registry')}, ${side('"value": "nobody", ')}] }`,
        '] }',
      ),
    ]);
    const row = graph.nodes.find((node) => node.id === 'conflict-rf');
    expect(row?.label).toBe('Conflict');
    expect(row?.props.sources).toEqual(['src-registry-report']);
    expect(row?.props.searchText).toBeUndefined();
    expect(JSON.parse(String(row?.props.sides))[0]).toEqual({
      relation: { type: 'MANAGES', from: 'example-registry', to: 'tld-rf', role: 'registry' },
      sources: ['src-registry-report'],
      evidence: 'STATED',
    });
  });

  it('refuses a side with both or neither of value and relation, an INFERRED side without basis, an unknown relation or subject', () => {
    const problems = problemsWith(
      seedFile(
        'conflicts.json',
        '{ "conflicts": [',
        `  { "id": "conflict-bad", "name": "Bad", "description": "Bad.", "subjects": ["nobody-here"], "sides": [${side('"value": "x", "relation": { "type": "MANAGES", "from": "example-registry", "to": "tld-rf", "role": "registry" }, ')}, ${side('')}, ${relationSide('registrar')}, { "value": "y", "sources": ["src-registry-report"], "evidence": "INFERRED" }] }`,
        '] }',
      ),
    ).filter((problem) => problem.record === 'conflict-bad');
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['subjects[0]', expect.stringContaining('unknown id "nobody-here": no record has')],
      ['sides[0]', expect.stringContaining('give either "value" (the competing value')],
      ['sides[1]', expect.stringContaining('give either "value" (the competing value')],
      ['sides[2].relation', expect.stringContaining('no relation MANAGES|example-registry|tld-')],
      ['sides[3].basis', expect.stringContaining('INFERRED evidence needs a basis: one sent')],
    ]);
  });

  it('refuses a conflict with one side', () => {
    const problems = problemsWith(
      seedFile(
        'conflicts.json',
        `{ "conflicts": [{ "id": "conflict-one", "name": "One", "description": "One.", "subjects": ["tld-rf"], "sides": [${side('"value": "x", ')}] }] }`,
      ),
    );
    expect(problems.map((problem) => [problem.record, problem.field, problem.message])).toEqual([
      ['conflict-one', 'sides', 'a conflict has at least two sides'],
    ]);
  });

  it('takes completeness for a list the record can have, once per relation and direction', () => {
    const entry = (relation: string, direction: string) =>
      `{ "relation": "${relation}", "direction": "${direction}", "complete": false, "sources": ["src-registry-report"], "evidence": "STATED" }`;
    const problems = problemsWith(
      seedFile(
        'more.json',
        `{ "bodies": [{ "id": "partial-council", "name": "Partial", "sources": ["src-registry-report"], "evidence": "STATED", "completeness": [${entry('MEMBER_OF', 'in')}, ${entry('MEMBER_OF', 'in')}, ${entry('MANAGES', 'out')}] }] }`,
      ),
    ).filter((problem) => problem.record === 'partial-council');
    expect(problems.map((problem) => [problem.field, problem.message])).toEqual([
      ['completeness[1].relation', expect.stringContaining('MEMBER_OF "in" already has its completeness gi')],
      ['completeness[2].relation', expect.stringContaining('a Body has no MANAGES list in direction "out"')],
    ]);
  });
});
