/**
 * The view in the address: what was expanded, the path searched, what is hidden or pinned, the
 * filters, the selection and the mode. Entity ids are the API's global ids, so a link works
 * on any server holding the same graph. Opening a link replays the same requests.
 */
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
}

/** The item of `path=`, after the two ends, that lets paths run through a country. */
const throughCountriesItem = 'countries';

const list = (value: string | null) => (value ? value.split(',').filter((item) => item !== '') : []);

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

function readPin(item: string): { id: string; at: Point | null } {
  const [id = '', place] = item.split('@');
  const [x, y] = (place ?? '').split(':').map(Number);
  return { id, at: place !== undefined && Number.isFinite(x) && Number.isFinite(y) ? { x: x ?? 0, y: y ?? 0 } : null };
}

export function readPermalink(search: string): Permalink {
  const parameters = new URLSearchParams(search);
  const [from, to, ...more] = list(parameters.get('path'));
  const entity = parameters.get('entity');
  const relation = parameters.get('relation');
  const filters: Filters = {
    hiddenEntityTypes: new Set(list(parameters.get('notTypes'))),
    hiddenRelationTypes: new Set(list(parameters.get('notRelations'))),
    hiddenEvidence: new Set(list(parameters.get('notEvidence'))),
    includeUndated: parameters.get('undated') !== 'no',
  };
  const dateFrom = parameters.get('from');
  const dateTo = parameters.get('to');
  if (dateFrom) filters.from = dateFrom;
  if (dateTo) filters.to = dateTo;
  const permalink: Permalink = {
    expanded: list(parameters.get('expand')),
    hidden: list(parameters.get('hide')),
    pinned: list(parameters.get('pin')).map(readPin),
    filters,
    selection: entity ? { kind: 'entity', id: entity } : relation ? { kind: 'edge', key: relation } : null,
    mode: parameters.get('mode') === 'table' ? 'table' : 'graph',
    depth: Math.min(3, Math.max(1, Number(parameters.get('depth') ?? 1) || 1)),
  };
  if (from && to)
    permalink.path = {
      from,
      to,
      maxHops: more.includes(String(pathHops.farthest)) ? pathHops.farthest : pathHops.first,
      throughCountries: more.includes(throughCountriesItem),
    };
  return permalink;
}
