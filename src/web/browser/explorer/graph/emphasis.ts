import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { type Box, boxOfBounds, edgeLabelBox, grown, overlap } from './label-boxes.ts';
import { edgeFontSize, edgeLabelPadding, labelFont, leastDrawnPixels, legiblePixels, measureLabel } from './label-font.ts';

/**
 * Which labels the canvas writes, and how large. A view fitted to the canvas at two or three
 * hops is too small for its names (they are left out below 8 px), and every relation's type at
 * once covered the names and each other. So the names that matter keep a legible size on screen
 * at any zoom: the entity under the mouse, the expanded and selected entities, the path's, and
 * the selected entity's neighbours where theirs cover none of those. A relation's type is
 * written only around what is looked at and along the path, parallel relations as one label,
 * and only where it covers no drawn name, no entity and no other relation's label: the one
 * selected or under the mouse is always written, on top.
 */

export interface Focus {
  /** The selected entity or relation (id or key). */
  selected: string | null;
  /** The entity or relation under the mouse. */
  hovered: string | null;
  /** The entities whose neighbourhoods were added. */
  roots: readonly string[];
  /** The relations of the path found (entity ids may be among them). */
  onPath: ReadonlySet<string>;
}

type Rank = keyof typeof legiblePixels;

/** Space left around a relation's label, in graph units, so that labels that merely touch do not read as one. */
const labelGap = 2;

/** The entities whose names are kept legible, by rank, the first to claim room first. */
function namedEntities(cy: Core, focus: Focus): Map<string, Rank> {
  const named = new Map<string, Rank>();
  const add = (node: NodeSingular, rank: Rank) => {
    if (node.nonempty() && !named.has(node.id())) named.set(node.id(), rank);
  };
  const ends = (id: string | null) => {
    const element = id === null ? undefined : cy.getElementById(id);
    if (element?.nonempty() && element.isEdge()) for (const node of element.connectedNodes().toArray()) add(node as NodeSingular, 'named');
  };
  const node = (id: string | null) => {
    const element = id === null ? undefined : cy.getElementById(id);
    return element?.nonempty() && element.isNode() ? element : undefined;
  };
  const hovered = node(focus.hovered);
  if (hovered) add(hovered, 'hovered');
  ends(focus.hovered);
  const selected = node(focus.selected);
  if (selected) add(selected, 'named');
  ends(focus.selected);
  for (const id of focus.roots) add(cy.getElementById(id) as NodeSingular, 'named');
  for (const id of focus.onPath) {
    const element = cy.getElementById(id);
    if (element.nonempty() && element.isNode()) add(element, 'named');
  }
  // A source has no relation of its own: in the view of its records alone (explorer-api.ts), they
  // are its neighbours. The best connected first: they say most of how the selected entity is placed.
  const loneSource =
    selected?.data('type') === 'Source' && selected.degree(false) === 0 && focus.roots.length === 1 && focus.roots[0] === selected.id();
  const neighbours = (loneSource ? cy.nodes().not(selected) : selected?.neighborhood().nodes())?.toArray() ?? [];
  neighbours.sort((a, b) => b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()));
  for (const neighbour of neighbours) add(neighbour as NodeSingular, 'neighbour');
  return named;
}

/**
 * An entity's label box drawn at `size`, from its box at the stylesheet's size: it hangs from the
 * shape (or stands on it, `above`), growing away from it and to both sides.
 */
function scaledLabelBox(base: Box, size: number, above: boolean): Box {
  const factor = size / labelFont.size;
  const halfHeight = base.halfHeight * factor;
  const y = above ? base.y + base.halfHeight - halfHeight : base.y - base.halfHeight + halfHeight;
  return { ...base, halfWidth: base.halfWidth * factor, halfHeight, y };
}

interface CaptionGroup {
  /** The edge that carries the label; the others between the same two entities show none. */
  carrier: EdgeSingular;
  members: EdgeSingular[];
  text: string;
  /** Written whatever it covers: it is the relation looked at. */
  always: boolean;
}

/**
 * The labels that relations between the same two entities share (a speaker and a moderator of
 * one event), a line each, in the order they claim room: `ranked` lists the edges so.
 */
function captionGroups(ranked: readonly EdgeSingular[], always: ReadonlySet<string>): CaptionGroup[] {
  const byPair = new Map<string, EdgeSingular[]>();
  for (const edge of ranked) {
    const pair = [edge.source().id(), edge.target().id()].sort().join('\u0000');
    const group = byPair.get(pair) ?? [];
    if (!group.some((member) => member.same(edge))) group.push(edge);
    byPair.set(pair, group);
  }
  return [...byPair.values()].flatMap((members) => {
    const sorted = [...members].sort((a, b) => a.id().localeCompare(b.id()));
    // The relation looked at carries the label, so that it is drawn on its line, above the rest.
    const carrier = sorted.find((edge) => always.has(edge.id())) ?? sorted[0];
    if (!carrier) return [];
    const lines = new Map<string, number>();
    for (const edge of sorted) {
      const qualifier = String(edge.data('qualifier') ?? '');
      const line = qualifier ? `${String(edge.data('type'))} (${qualifier})` : String(edge.data('type'));
      lines.set(line, (lines.get(line) ?? 0) + 1);
    }
    const text = [...lines].map(([line, count]) => (count > 1 ? `${line} ×${count}` : line)).join('\n');
    return [{ carrier, members: sorted, text, always: members.some((edge) => always.has(edge.id())) }];
  });
}

/**
 * Where a caption may go on its edge, at `scale` times its size: at the middle, else slid along
 * the line towards either end (by text-margin, which moves a label before Cytoscape turns it),
 * as far as the line between the two shapes holds it. A long label whose middle place covers
 * the name under one end then finds room nearer the other.
 */
function captionPlaces(group: CaptionGroup, scale: number): { box: Box; slide: { x: number; y: number } }[] {
  const lines = group.text.split('\n');
  const width = Math.max(...lines.map((line) => measureLabel(line, edgeFontSize, 'normal'))) * scale + 2 * edgeLabelPadding;
  const height = lines.length * edgeFontSize * scale + 2 * edgeLabelPadding;
  const { carrier } = group;
  const from = carrier.sourceEndpoint();
  const to = carrier.targetEndpoint();
  const middle = edgeLabelBox(carrier.midpoint(), from, to, { width, height });
  const room = (Math.hypot(to.x - from.x, to.y - from.y) - width) / 2 - labelGap;
  const slides = room > 0 ? [0, room / 2, -room / 2, room, -room] : [0];
  return slides.map((along) => {
    const slide = { x: along * Math.cos(middle.angle), y: along * Math.sin(middle.angle) };
    return { box: { ...middle, x: middle.x + slide.x, y: middle.y + slide.y }, slide };
  });
}

/**
 * Marks what is emphasised (`emphasised` and `hovered` nodes, `labelled` and `looked` edges),
 * writes the relations' labels and sizes the names for the zoom. Run again when the focus, the
 * zoom or the places change.
 */
export function emphasise(cy: Core, focus: Focus): void {
  const zoom = cy.zoom();
  // Sizes are read from the stylesheet's, so what grew or slid last time is put back first.
  cy.batch(() => {
    cy.elements('.scaled').forEach((element) => {
      element.removeStyle('font-size text-max-width text-margin-x text-margin-y').removeClass('scaled');
    });
  });
  const baseDrawn = labelFont.size * zoom >= leastDrawnPixels;
  const labelBoxes = new Map<string, Box>();
  const shapes = new Map<string, Box>();
  cy.nodes().forEach((node) => {
    shapes.set(node.id(), boxOfBounds(node.boundingBox({ includeLabels: false, includeOverlays: false })));
    const bounds = node.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false });
    if (bounds.w > 0 && bounds.h > 0) labelBoxes.set(node.id(), boxOfBounds(bounds));
  });

  // Names: each at its rank's size on screen; a neighbour's only where it covers no name placed
  // before it and no other entity's shape (grown past the room the layout left it, it could).
  const sizes = new Map<string, number>();
  const placed: Box[] = [];
  for (const [id, rank] of namedEntities(cy, focus)) {
    const base = labelBoxes.get(id);
    const size = Math.max(labelFont.size, legiblePixels[rank] / zoom);
    if (!base) continue;
    const box = scaledLabelBox(base, size, cy.getElementById(id).hasClass('label-above'));
    const covers = (other: Box) => overlap(box, other);
    const coversShape = [...shapes].some(([other, shape]) => other !== id && covers(shape));
    if (rank === 'neighbour' && (placed.some(covers) || coversShape)) continue;
    placed.push(box);
    sizes.set(id, size);
  }
  // What a relation's label must not cover: the entities' shapes, the names placed, and the
  // other names drawn at this zoom.
  const obstacles = [...shapes.values(), ...placed];
  if (baseDrawn) for (const [id, box] of labelBoxes) if (!sizes.has(id)) obstacles.push(box);

  // Relations' labels: the looked-at first, then the path's, then those around the entity
  // under the mouse and the selected one, each where it covers nothing written before it.
  const looked = new Set([focus.selected, focus.hovered].filter((id): id is string => id !== null));
  const ranked: EdgeSingular[] = [];
  const rank = (edges: EdgeSingular[]) => ranked.push(...[...edges].sort((a, b) => a.id().localeCompare(b.id())));
  const elementOf = (id: string | null) => (id === null ? undefined : cy.getElementById(id));
  for (const id of looked) {
    const element = elementOf(id);
    if (element?.nonempty() && element.isEdge()) ranked.push(element);
  }
  rank(
    cy
      .edges()
      .filter((edge) => focus.onPath.has(edge.id()))
      .toArray() as EdgeSingular[],
  );
  for (const id of [focus.hovered, focus.selected]) {
    const element = elementOf(id);
    if (element?.nonempty() && element.isNode()) rank(element.connectedEdges().toArray() as EdgeSingular[]);
  }
  const scale = Math.max(1, 1 / zoom);
  const captions = new Map<string, string>();
  const slides = new Map<string, { x: number; y: number }>();
  for (const group of captionGroups(ranked, looked)) {
    const places = captionPlaces(group, scale);
    const clear = places.find(({ box }) => !obstacles.some((other) => overlap(grown(box, labelGap), other)));
    // The relation looked at is written wherever it covers least.
    const covered = (box: Box) => obstacles.filter((other) => overlap(box, other)).length;
    const least = () => places.reduce((best, place) => (covered(place.box) < covered(best.box) ? place : best));
    const place = clear ?? (group.always ? least() : undefined);
    if (!place) continue;
    obstacles.push(place.box);
    slides.set(group.carrier.id(), place.slide);
    for (const edge of group.members) captions.set(edge.id(), edge.same(group.carrier) ? group.text : '');
  }

  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const size = sizes.get(node.id());
      node.toggleClass('emphasised', size !== undefined);
      node.toggleClass('hovered', node.id() === focus.hovered);
      if (size !== undefined && size > labelFont.size)
        node.style({ 'font-size': size, 'text-max-width': `${(labelFont.maxWidth * size) / labelFont.size}px` }).addClass('scaled');
    });
    cy.edges().forEach((edge) => {
      const caption = captions.get(edge.id());
      edge.toggleClass('labelled', caption !== undefined && caption !== '');
      edge.toggleClass('looked', looked.has(edge.id()));
      if (edge.data('caption') !== (caption ?? '')) edge.data('caption', caption ?? '');
      if (!caption) return;
      const slide = slides.get(edge.id());
      if (scale > 1) edge.style({ 'font-size': edgeFontSize * scale }).addClass('scaled');
      if (slide && (slide.x !== 0 || slide.y !== 0)) edge.style({ 'text-margin-x': slide.x, 'text-margin-y': slide.y }).addClass('scaled');
    });
  });
}
