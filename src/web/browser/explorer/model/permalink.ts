/**
 * The view in the address: what was expanded, the path searched, what is hidden or pinned, the
 * filters, the selection and the mode. Entity ids are the API's global ids, so a link works
 * on any server holding the same graph. Opening a link replays the same requests.
 */
import { entityStyles } from '../graph/entity-styles.ts';
import { type Filters, type Point, pathHops, type Selection, type View } from './view.ts';

export interface Permalink {
  expanded: string[];
  path?: { from: string; to: string; maxHops: number; throughCountries: boolean };
  hidden: string[];
  /** Pinned entities and where they were drawn. */
  pinned: { id: string; at: Point | null }[];
  filters: Filters;
  selection: Selection;
  mode: View['mode'];
  depth: number;
  /**
   * What the address held that the view does not apply, each as “<parameter>=<value>: <why>”:
   * said to the reader, so that nothing of a link written by hand is dropped without a word.
   */
  notApplied: string[];
}

/** The item of `path=`, after the two ends, that lets paths run through a country. */
const throughCountriesItem = 'countries';

const list = (value: string | null) => (value ? value.split(',').filter((item) => item !== '') : []);

/** The parameters the explorer writes: any other in a link is said not to be applied. */
const knownParameters = new Set([
  'expand',
  'path',
  'hide',
  'pin',
  'notTypes',
  'notRelations',
  'notEvidence',
  'from',
  'to',
  'undated',
  'entity',
  'relation',
  'mode',
  'depth',
]);
const evidenceKinds = ['STATED', 'INFERRED', 'EXTERNAL'];
const depthRange = { least: 1, most: 3 } as const;

export function writePermalink(view: View): string {
  const parameters = new URLSearchParams();
  const set = (name: string, items: Iterable<string>) => {
    const text = [...items].join(',');
    if (text) parameters.set(name, text);
  };
  set('expand', view.expanded);
  // More items only where the search differs from a first one: the hops when it looked farther,
  // `countries` when it let paths run through a country.
  if (view.path)
    parameters.set(
      'path',
      [
        view.path.from.id,
        view.path.to.id,
        ...(view.path.maxHops === pathHops.first ? [] : [String(view.path.maxHops)]),
        ...(view.path.throughCountries ? [throughCountriesItem] : []),
      ].join(','),
    );
  set('hide', view.hidden);
  // `id@x:y`: a pinned node's place in graph coordinates, rounded to whole units. Global IDs are
  // base64, which has no '@' or ':'.
  set(
    'pin',
    [...view.pinned].map(([id, at]) => (at ? `${id}@${Math.round(at.x)}:${Math.round(at.y)}` : id)),
  );
  set('notTypes', view.filters.hiddenEntityTypes);
  set('notRelations', view.filters.hiddenRelationTypes);
  set('notEvidence', view.filters.hiddenEvidence);
  if (view.filters.from) parameters.set('from', view.filters.from);
  if (view.filters.to) parameters.set('to', view.filters.to);
  if (!view.filters.includeUndated) parameters.set('undated', 'no');
  if (view.selection?.kind === 'entity') parameters.set('entity', view.selection.id);
  if (view.selection?.kind === 'edge') parameters.set('relation', view.selection.key);
  if (view.mode === 'table') parameters.set('mode', 'table');
  if (view.depth !== 1) parameters.set('depth', String(view.depth));
  const query = parameters.toString();
  return query ? `?${query}` : '';
}

/** A pin, `id` or `id@x:y`; a place that is not two numbers leaves it pinned where the layout puts it, and is said. */
function readPin(item: string, notApplied: string[]): { id: string; at: Point | null } {
  const [id = '', place] = item.split('@');
  if (place === undefined) return { id, at: null };
  const [x, y, ...rest] = place.split(':').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (x !== undefined && y !== undefined && rest.length === 0 && Number.isFinite(x) && Number.isFinite(y)) return { id, at: { x, y } };
  notApplied.push(`pin=${item}: its place is not two numbers (x:y), so it is pinned where the layout puts it`);
  return { id, at: null };
}

/** How far neighbourhoods reach: a whole number of hops from 1 to 3; anything else is brought into that range, and said. */
function readDepth(text: string | null, notApplied: string[]): number {
  if (text === null) return depthRange.least;
  const asked = Number(text);
  if (text.trim() === '' || !Number.isFinite(asked)) {
    notApplied.push(`depth=${text}: not a number of hops, so ${depthRange.least}`);
    return depthRange.least;
  }
  const depth = Math.min(depthRange.most, Math.max(depthRange.least, Math.trunc(asked)));
  if (depth !== asked) notApplied.push(`depth=${text}: neighbours reach ${depthRange.least} to ${depthRange.most} hops, so ${depth}`);
  return depth;
}

/**
 * The items of `path=` after its two ends: the length when the search looked farther, and
 * `countries`. A length the explorer does not search for reads as the first one, and is said.
 */
function readPathItems(text: string, items: readonly string[], notApplied: string[]): { maxHops: number; throughCountries: boolean } {
  let maxHops: number = pathHops.first;
  let throughCountries = false;
  for (const item of items) {
    if (item === throughCountriesItem) throughCountries = true;
    else if (item === String(pathHops.farthest)) maxHops = pathHops.farthest;
    else if (item !== String(pathHops.first))
      notApplied.push(
        `path=${text}: “${item}” is not read (a path is looked for up to ${pathHops.first} relations, or ${pathHops.farthest}, and through countries with “${throughCountriesItem}”), so up to ${pathHops.first}`,
      );
  }
  return { maxHops, throughCountries };
}

export function readPermalink(search: string): Permalink {
  const parameters = new URLSearchParams(search);
  const notApplied: string[] = [];
  for (const name of new Set(parameters.keys()))
    if (!knownParameters.has(name)) notApplied.push(`${name}=${parameters.get(name) ?? ''}: not a parameter the explorer reads`);
  // A list given more than once (`expand=a&expand=b`, as a link put together by hand or by a
  // tool may be) is one list: reading the first alone would drop the rest.
  const merged = (name: string) => [...new Set(parameters.getAll(name).flatMap(list))];
  // A value of which only one is read: the others given are said.
  const single = (name: string, why: string) => {
    const [first = null, ...others] = parameters.getAll(name).filter((value) => value !== '');
    for (const other of others) notApplied.push(`${name}=${other}: ${why}, so ${name}=${first}`);
    return first;
  };
  const entity = single('entity', 'one entity is selected at a time');
  const relation = single('relation', 'one relation is selected at a time');
  if (entity && relation) notApplied.push(`relation=${relation}: an entity is selected (entity=${entity}), and one thing at a time is`);

  // Read in any case, as a hand-written link may have it: `notEvidence=inferred`.
  for (const kind of merged('notEvidence').filter((kind) => !evidenceKinds.includes(kind.toUpperCase())))
    notApplied.push(`notEvidence=${kind}: not a kind of evidence (${evidenceKinds.join(', ')})`);
  const hiddenEvidence = merged('notEvidence').map((kind) => kind.toUpperCase());
  const hiddenEntityTypes = merged('notTypes');
  for (const type of hiddenEntityTypes.filter((type) => !(type in entityStyles)))
    notApplied.push(`notTypes=${type}: no kind of entity is called that (${Object.keys(entityStyles).join(', ')})`);
  const undated = single('undated', 'given more than once');
  if (undated !== null && undated !== 'no' && undated !== 'yes')
    notApplied.push(`undated=${undated}: only “no” (leave out relations without dates) or “yes” is read, so they are kept`);
  const filters: Filters = {
    hiddenEntityTypes: new Set(hiddenEntityTypes.filter((type) => type in entityStyles)),
    hiddenRelationTypes: new Set(merged('notRelations')),
    hiddenEvidence: new Set(hiddenEvidence.filter((kind) => evidenceKinds.includes(kind))),
    includeUndated: undated !== 'no',
  };
  // A bound that is not a date is kept and flagged by its field (panels/date-field.tsx), where it can be corrected.
  const dateFrom = single('from', 'a date range has one start');
  const dateTo = single('to', 'a date range has one end');
  if (dateFrom) filters.from = dateFrom;
  if (dateTo) filters.to = dateTo;

  const mode = single('mode', 'a view is shown one way');
  if (mode !== null && mode !== 'table' && mode !== 'graph')
    notApplied.push(`mode=${mode}: a view is shown as a graph, or as tables with mode=table, so as a graph`);

  const permalink: Permalink = {
    expanded: merged('expand'),
    hidden: merged('hide'),
    pinned: merged('pin').map((item) => readPin(item, notApplied)),
    filters,
    selection: entity ? { kind: 'entity', id: entity } : relation ? { kind: 'edge', key: relation } : null,
    mode: mode === 'table' ? 'table' : 'graph',
    depth: readDepth(single('depth', 'neighbourhoods reach one distance'), notApplied),
    notApplied,
  };
  const pathText = single('path', 'one path search is shown at a time');
  const [from, to, ...more] = list(pathText);
  if (pathText !== null && from && to) permalink.path = { from, to, ...readPathItems(pathText, more, notApplied) };
  else if (pathText !== null) notApplied.push(`path=${pathText}: a path needs two ends (path=<from>,<to>), so none is looked for`);
  return permalink;
}
