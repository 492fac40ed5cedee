import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { placeOf } from './graph/graph-canvas.tsx';
import { type Box, boxOfBounds, edgeLabelBox, overlap } from './graph/label-boxes.ts';
import { measureLabel } from './graph/label-font.ts';

/**
 * Where a node or a relation is drawn, in page coordinates, for scripts that drive the page as
 * a person would (the browser tests double-click a node and click a relation on the canvas,
 * which has no DOM element per node to aim at).
 */
export interface ExplorerAutomation {
  /**
   * For a relation, `rank` 0 is the point of its line farthest from everything else drawn, 1 the
   * next, and so on: a click that another relation still took can aim again elsewhere.
   */
  pointOf(kind: 'entity' | 'edge', id: string, rank?: number): { x: number; y: number } | null;
  /** Where an entity is in the graph's own coordinates, which a permalink keeps for pinned ones. */
  placeOf(id: string): { x: number; y: number } | null;
  /**
   * The pairs whose drawings overlap (ids and keys): two entities, labels included (drawn or not:
   * the layout is to leave room for them); and a relation's label drawn now with another's, or
   * with an entity's shape or drawn label.
   */
  overlaps(): [string, string][];
  /** The relations' labels drawn now: the relation's key, the text and its size on screen. */
  relationLabels(): { key: string; text: string; pixels: number }[];
  /**
   * What the canvas writes under an entity (its lines joined by "\n"), how tall on screen, and
   * whether it is drawn at that size (Cytoscape leaves out labels below min-zoomed-font-size);
   * null for an entity not drawn.
   */
  labelOf(id: string): { text: string; pixels: number; drawn: boolean } | null;
  /**
   * Every entity drawn, in page coordinates: its kind, the box of its shape, and its label's
   * text, size on screen, whether it is drawn, and its box (null when it has no text).
   */
  entities(): DrawnEntity[];
}

interface PageBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DrawnEntity {
  id: string;
  type: string;
  shape: PageBox;
  label: { text: string; pixels: number; drawn: boolean; box: PageBox | null };
}

interface Point {
  x: number;
  y: number;
}

/** The drawn curve of an edge: Cytoscape's bezier edges are quadratic through their midpoint. */
function curveOf(edge: EdgeSingular): (t: number) => Point {
  const start = edge.renderedSourceEndpoint();
  const end = edge.renderedTargetEndpoint();
  const middle = edge.renderedMidpoint();
  const control = { x: 2 * middle.x - (start.x + end.x) / 2, y: 2 * middle.y - (start.y + end.y) / 2 };
  return (t) => ({
    x: (1 - t) ** 2 * start.x + 2 * t * (1 - t) * control.x + t ** 2 * end.x,
    y: (1 - t) ** 2 * start.y + 2 * t * (1 - t) * control.y + t ** 2 * end.y,
  });
}

function distanceToSegment(point: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length));
  return Math.hypot(point.x - (a.x + t * dx), point.y - (a.y + t * dy));
}

const samples = [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8];

/**
 * The points of an edge, farthest from every other drawn element first: its midpoint can lie on
 * another relation or under a node once a layout puts them close, and a click there picks the
 * other one. `rank` picks among them.
 */
function clearestPointOf(cy: Core, edge: EdgeSingular, rank: number): Point {
  const others = cy
    .edges()
    .difference(edge)
    .edges()
    .map((other) => [0, 0.25, 0.5, 0.75, 1].map(curveOf(other)));
  const nodes = cy.nodes().map((node) => node.renderedBoundingBox({ includeLabels: false }));
  const curve = curveOf(edge);
  const ranked: { point: Point; clearance: number }[] = [];
  for (const t of samples) {
    const point = curve(t);
    let clearance = Number.POSITIVE_INFINITY;
    for (const polyline of others)
      for (let i = 1; i < polyline.length; i++) {
        const a = polyline[i - 1];
        const b = polyline[i];
        if (a && b) clearance = Math.min(clearance, distanceToSegment(point, a, b));
      }
    for (const box of nodes) {
      const dx = Math.max(box.x1 - point.x, 0, point.x - box.x2);
      const dy = Math.max(box.y1 - point.y, 0, point.y - box.y2);
      clearance = Math.min(clearance, Math.hypot(dx, dy));
    }
    ranked.push({ point, clearance });
  }
  ranked.sort((a, b) => b.clearance - a.clearance);
  return (ranked[Math.min(rank, ranked.length - 1)] ?? { point: curve(0.5) }).point;
}

/** Whether Cytoscape draws an element's label at the zoom, and how tall on screen. */
function labelSize(cy: Core, element: NodeSingular | EdgeSingular): { pixels: number; drawn: boolean } {
  const pixels = Number(element.numericStyle('font-size')) * cy.zoom();
  const text = String(element.style('label') ?? '');
  return { pixels, drawn: text !== '' && pixels >= Number(element.numericStyle('min-zoomed-font-size')) };
}

/**
 * A relation's label as Cytoscape draws it, read from its style: the text measured in its font,
 * with its background, centred on the edge's midpoint moved by its text margins, turned along the edge.
 */
function relationLabelBox(edge: EdgeSingular): Box {
  const lines = String(edge.style('label')).split('\n');
  const size = Number(edge.numericStyle('font-size'));
  const padding = Number(edge.numericStyle('text-background-padding'));
  const weight = String(edge.style('font-weight')) === 'bold' ? 'bold' : 'normal';
  const width = Math.max(...lines.map((line) => measureLabel(line, size, weight))) + 2 * padding;
  const height = lines.length * size * Number(edge.numericStyle('line-height')) + 2 * padding;
  const middle = edge.midpoint();
  const at = { x: middle.x + Number(edge.numericStyle('text-margin-x')), y: middle.y + Number(edge.numericStyle('text-margin-y')) };
  return edgeLabelBox(at, edge.sourceEndpoint(), edge.targetEndpoint(), { width, height });
}

/** The relations whose labels are drawn now. */
const labelledEdges = (cy: Core): EdgeSingular[] =>
  cy
    .edges()
    .filter((edge) => labelSize(cy, edge).drawn)
    .toArray() as EdgeSingular[];

export function exposeAutomation(cy: Core | null, container: () => HTMLElement | null): void {
  const automation: ExplorerAutomation = {
    pointOf(kind, id, rank = 0) {
      const element = cy?.getElementById(id);
      const box = container()?.getBoundingClientRect();
      if (!cy || !element || element.empty() || !box) return null;
      const point =
        kind === 'entity' && element.isNode()
          ? element.renderedPosition()
          : kind === 'edge' && element.isEdge()
            ? clearestPointOf(cy, element, rank)
            : null;
      return point ? { x: box.left + point.x, y: box.top + point.y } : null;
    },
    placeOf: (id) => placeOf(cy, id),
    labelOf(id) {
      const node = cy?.getElementById(id);
      if (!cy || !node?.nonempty() || !node.isNode()) return null;
      return { text: String(node.data('label')), ...labelSize(cy, node) };
    },
    overlaps() {
      if (!cy) return [];
      const boxes = cy.nodes().map((node) => ({ id: node.id(), box: node.boundingBox({ includeLabels: true }) }));
      const pairs: [string, string][] = [];
      for (const [index, a] of boxes.entries())
        for (const b of boxes.slice(index + 1))
          if (a.box.x1 < b.box.x2 && b.box.x1 < a.box.x2 && a.box.y1 < b.box.y2 && b.box.y1 < a.box.y2) pairs.push([a.id, b.id]);
      // What a relation's label may cover: an entity's shape, and its name where that is drawn.
      const entities = cy.nodes().map((node) => ({
        id: node.id(),
        boxes: [
          boxOfBounds(node.boundingBox({ includeLabels: false, includeOverlays: false })),
          ...(labelSize(cy, node).drawn
            ? [boxOfBounds(node.boundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false }))]
            : []),
        ],
      }));
      const relations = labelledEdges(cy).map((edge) => ({ id: edge.id(), box: relationLabelBox(edge) }));
      for (const [index, relation] of relations.entries()) {
        for (const other of relations.slice(index + 1)) if (overlap(relation.box, other.box)) pairs.push([relation.id, other.id]);
        for (const entity of entities) if (entity.boxes.some((box) => overlap(relation.box, box))) pairs.push([relation.id, entity.id]);
      }
      return pairs;
    },
    entities() {
      const holder = container()?.getBoundingClientRect();
      if (!cy || !holder) return [];
      const onPage = (box: PageBox): PageBox => ({
        x1: holder.left + box.x1,
        y1: holder.top + box.y1,
        x2: holder.left + box.x2,
        y2: holder.top + box.y2,
      });
      return cy.nodes().map((node) => {
        const label = node.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false });
        return {
          id: node.id(),
          type: String(node.data('type')),
          shape: onPage(node.renderedBoundingBox({ includeLabels: false, includeOverlays: false })),
          label: { text: String(node.data('label')), ...labelSize(cy, node), box: label.w > 0 ? onPage(label) : null },
        };
      });
    },
    relationLabels() {
      if (!cy) return [];
      return labelledEdges(cy).map((edge) => ({ key: edge.id(), text: String(edge.style('label')), pixels: labelSize(cy, edge).pixels }));
    },
  };
  Object.assign(window, { govgraphExplorer: automation });
}
