import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

/**
 * One example query: a `.graphql` file in this folder holding one named operation (and any
 * fragments it uses), led by `#` comment lines whose first paragraph states the question.
 * Variables, when the operation takes any, sit beside it in `<same name>.variables.json`.
 */
export interface Example {
  /** The operation's name, e.g. "WhoManagesSu". */
  name: string;
  /** The file's name in src/examples, e.g. "02-who-manages-su.graphql". */
  file: string;
  /** The question it answers: the first paragraph of the leading comment, on one line. */
  question: string;
  /** The whole document as GraphiQL shows it, comments included. */
  query: string;
  /** The variables to run it with, if it takes any. */
  variables?: Record<string, unknown>;
}

/** The folder holding the examples (this module's own). */
export const examplesDir = path.dirname(fileURLToPath(import.meta.url));

/** The question: leading `#` lines up to the first empty one (`#` alone), joined with spaces. */
function questionOf(file: string, source: string): string {
  const words: string[] = [];
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('#')) break;
    const text = trimmed.replace(/^#+\s?/, '').trim();
    if (text === '') break;
    words.push(text);
  }
  if (words.length === 0) throw new Error(`example ${file}: it must start with a "#" comment stating its question`);
  return words.join(' ');
}

function operationNameOf(file: string, source: string): string {
  const operations = parse(source).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const name = operations.length === 1 ? operations[0]?.name?.value : undefined;
  if (!name) throw new Error(`example ${file}: it must hold exactly one operation, with a name`);
  return name;
}

function readVariables(file: string): Record<string, unknown> {
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}: variables must be a JSON object`);
  return value as Record<string, unknown>;
}

/** Reads every example in `dir`, in file-name order. Throws on a malformed one, naming its file. */
export function loadExamples(dir: string = examplesDir): Example[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort();
  const names = new Set<string>();
  return files.map((file) => {
    const query = readFileSync(path.join(dir, file), 'utf8');
    const name = operationNameOf(file, query);
    if (names.has(name)) throw new Error(`example ${file}: another example is also named ${name}`);
    names.add(name);
    const example: Example = { name, file, question: questionOf(file, query), query };
    const variablesFile = path.join(dir, file.replace(/\.graphql$/, '.variables.json'));
    if (existsSync(variablesFile)) example.variables = readVariables(variablesFile);
    return example;
  });
}

/** The examples, read once when this module is first imported. */
export const examples: readonly Example[] = loadExamples();

/** The examples as GraphiQL tabs: the query, and the variables as pretty JSON. */
export function graphiqlTabs(list: readonly Example[] = examples): { query: string; variables: string | null }[] {
  return list.map((example) => ({
    query: example.query,
    variables: example.variables ? JSON.stringify(example.variables, null, 2) : null,
  }));
}
