import type { Collection, Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';
import { entityTypeOrder } from './entity-styles.ts';

/**
 * Which layout draws a view. Most views are a web of relations, which fcose spreads out; two
 * are not, and fcose drew them badly:
 * - one source's records: a source has no relation of its own, so fcose packed the records
 *   it is cited for as a grid of unconnected shapes, the source off to one side. Cytoscape's
 *   concentric layout puts the source in the middle and its records in rings around it.
 * - one long path: fcose drew a thin line across the canvas, its names a few pixels high. A
 *   grid laid out in a snake (left to right, then right to left below) fills the canvas instead.
 */

export interface LayoutRequest {
  cy: Core;
  /** The entities whose neighbourhoods were added, the centre first. */
  roots: readonly string[];
  /** The path found, its entities in the order the API gave them (the first is where it starts). */
  onPath: ReadonlySet<string>;
  /** The view's first layout: fcose starts from random places, and nothing is animated. */
  first: boolean;
  /** Pinned entities and where they stay: only fcose keeps them there. */
  fixed: readonly { nodeId: string; position: Position }[];
}

export interface PlannedLayout {
  /** The elements to lay out, in the order the layout places them. */
  elements: Collection;
  options: LayoutOptions;
}

/** What every layout shares: a 400 ms move to the new places after the first, fitted to the canvas. */
const common = (first: boolean) => ({ animate: !first, animationDuration: 400, fit: true, padding: 40 });

/** The fewest entities a chain has for the snake: shorter ones read well on one line. */
const shortestSnake = 4;
/** Room left between labels by the rings and the snake, in graph units. */
const labelGap = 14;

/** Chooses the layout for the view in `cy`, and marks the names it places above their entities (`label-above`). */
export function planLayout(request: LayoutRequest): PlannedLayout {
  const { cy } = request;
  const chain = request.fixed.length === 0 ? chainOf(cy, [...request.onPath][0]) : null;
  cy.batch(() => {
    cy.nodes().removeClass('label-above');
  });
  if (chain) return snake(cy, chain, request.first);
  const [centreId] = request.roots;
  const centre = centreId === undefined ? undefined : cy.getElementById(centreId);
  const lone =
    request.roots.length === 1 && request.onPath.size === 0 && request.fixed.length === 0 && centre?.nonempty() && centre.isNode();
  if (lone && centre.data('type') === 'Source' && centre.degree(false) === 0) return rings(cy, centre, request.first);
  return fcose(request);
}

/**
 * The entities of a view that is one chain (each linked to one or two others, none left over),
 * from one end to the other, from `start` when it is an end; null for any other view.
 */
export function chainOf(cy: Core, start?: string): NodeSingular[] | null {
  const nodes = cy.nodes();
  if (nodes.length < shortestSnake) return null;
  const next = new Map<string, string[]>();
  for (const node of nodes.toArray()) {
    const others = [
      ...new Set(
        node
          .neighborhood()
          .nodes()
          .not(node)
          .map((other) => other.id()),
      ),
    ];
    if (others.length === 0 || others.length > 2) return null;
    next.set(node.id(), others);
  }
  const ends = [...next]
    .filter(([, others]) => others.length === 1)
    .map(([id]) => id)
    .sort();
  if (ends.length !== 2) return null;
  const order: string[] = [];
  let previous: string | undefined;
  let current: string | undefined = start !== undefined && ends.includes(start) ? start : ends[0];
  while (current !== undefined && order.length <= nodes.length) {
    order.push(current);
    const here: string = current;
    const ahead: string | undefined = next.get(here)?.find((id) => id !== previous);
    previous = here;
    current = ahead;
  }
  // A chain with a ring beside it (each linked to two) has the same ends but is not all of the view.
  if (order.length !== nodes.length) return null;
  return order.map((id) => cy.getElementById(id) as NodeSingular);
}

/**
 * A chain in rows as wide as the canvas allows, each row read the other way from the one above:
 * neighbours stay side by side, and the relation where a row turns runs straight down, past the
 * name of the entity it leaves, which goes above its shape.
 */
function snake(cy: Core, chain: readonly NodeSingular[], first: boolean): PlannedLayout {
  const width = Math.max(cy.width(), 1);
  const height = Math.max(cy.height(), 1);
  // As Cytoscape's grid chooses its rows: cells as near square as the canvas lets them be.
  const rows = Math.max(1, Math.round(Math.sqrt((chain.length * height) / width)));
  const cols = Math.ceil(chain.length / rows);
  const cells = new Map<string, { row: number; col: number }>();
  cy.batch(() => {
    chain.forEach((node, index) => {
      const row = Math.floor(index / cols);
      const step = index % cols;
      cells.set(node.id(), { row, col: row % 2 === 0 ? step : cols - 1 - step });
      if (step === cols - 1 && index < chain.length - 1) node.addClass('label-above');
    });
  });
  return {
    elements: cy.elements(),
    options: {
      name: 'grid',
      rows: Math.ceil(chain.length / cols),
      cols,
      position: (node: NodeSingular) => cells.get(node.id()) ?? { row: 0, col: 0 },
      avoidOverlap: true,
      avoidOverlapPadding: labelGap,
      nodeDimensionsIncludeLabels: true,
      condense: false,
      ...common(first),
    },
  };
}

/** How many entities ring `ring` (1 the innermost) holds: as many as its length has room for, as the first holds six. */
const ringSize = (ring: number) => Math.round(2 * Math.PI * ring);

/**
 * A source in the middle and what it is cited for in rings around it, the inner rings first:
 * records linked to each other side by side (the largest groups innermost), then the lone
 * entities by kind. Labels are wider than tall, so the rings are drawn as ellipses, as much
 * wider as the labels are.
 */
function rings(cy: Core, centre: NodeSingular, first: boolean): PlannedLayout {
  const others = cy.nodes().not(centre);
  const order: NodeSingular[] = [];
  const lone: NodeSingular[] = [];
  const groups = others
    .union(others.edgesWith(others))
    .components()
    .sort((a, b) => b.nodes().length - a.nodes().length || smallestId(a).localeCompare(smallestId(b)));
  for (const group of groups) {
    const members = group.nodes().toArray() as NodeSingular[];
    const [hub] = members.sort((a, b) => b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()));
    if (!hub || members.length === 1) {
      lone.push(...members);
      continue;
    }
    group.bfs({
      roots: hub,
      visit: (node) => {
        order.push(node as NodeSingular);
      },
    });
  }
  const kind = (node: NodeSingular) => {
    const index = entityTypeOrder.indexOf(String(node.data('type')));
    return index < 0 ? entityTypeOrder.length : index;
  };
  lone.sort((a, b) => kind(a) - kind(b) || String(a.data('label')).localeCompare(String(b.data('label'))));
  order.push(...lone);

  const ringOf = new Map<string, number>();
  let ring = 1;
  let room = ringSize(ring);
  for (const node of order) {
    if (room === 0) room = ringSize(++ring);
    ringOf.set(node.id(), ring);
    room--;
  }
  // The room an entity takes with its name, across and down: the rings are as far apart as a
  // name is tall, and stretched sideways until neighbours on a ring are a name's width apart.
  let across = 0;
  let down = 0;
  let shape = 0;
  cy.nodes().forEach((node) => {
    const box = node.boundingBox({ includeLabels: true, includeOverlays: false });
    across = Math.max(across, box.w);
    down = Math.max(down, box.h);
    shape = Math.max(shape, node.outerWidth(), node.outerHeight());
  });
  const stretch = Math.max(1, (across + labelGap) / (down + labelGap));
  // Concentric centres its rings on the canvas's middle.
  const middle = cy.width() / 2;
  // The order the rings are filled in: a collection keeps the order its elements were added in.
  let elements = cy.collection().union(centre);
  for (const node of order) elements = elements.union(node);
  return {
    elements,
    options: {
      name: 'concentric',
      concentric: (node: NodeSingular) => -(ringOf.get(node.id()) ?? 0),
      levelWidth: () => 1,
      minNodeSpacing: Math.max(0, down + labelGap - shape),
      avoidOverlap: true,
      nodeDimensionsIncludeLabels: false,
      startAngle: (3 / 2) * Math.PI,
      clockwise: true,
      transform: (_node: NodeSingular, position: Position) => ({ x: middle + (position.x - middle) * stretch, y: position.y }),
      ...common(first),
    },
  };
}

const smallestId = (group: Collection) =>
  group
    .nodes()
    .map((node) => node.id())
    .sort()
    .at(0) ?? '';

/** fcose, with room for labels, pinned entities where they are. */
function fcose(request: LayoutRequest): PlannedLayout {
  const { cy, first, fixed } = request;
  const crowded = cy.nodes().length > 60;
  return {
    elements: cy.elements(),
    options: {
      name: 'fcose',
      quality: 'default',
      randomize: first,
      // A crowded view needs more room per node, or the labels in its centre overlap.
      nodeRepulsion: () => (crowded ? 45000 : 9000),
      idealEdgeLength: () => (crowded ? 140 : 90),
      nodeSeparation: crowded ? 120 : 90,
      gravity: crowded ? 0.15 : 0.25,
      // Room for each node's label, not only its shape: names run to 130 px under nodes of 26,
      // and laid out as shapes alone they overlapped (Vorobyev's eleven neighbours).
      nodeDimensionsIncludeLabels: true,
      fixedNodeConstraint: fixed.length > 0 ? fixed : undefined,
      ...common(first),
      // fcose's options are its own: Cytoscape's types list only the built-in layouts.
    } as LayoutOptions,
  };
}
