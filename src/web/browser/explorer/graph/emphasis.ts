import type { Collection, Core, EdgeSingular } from 'cytoscape';
import { labelFont, measureLabel } from './label-font.ts';

/**
 * Which labels the canvas writes, and how large. Every relation's type at once overlapped each
 * other and the entities' names (four types through "Qrator Labs on its plan…"), and at three
 * hops no name was drawn at all. So a relation's type is written only around what is looked at
 * (selected or under the mouse, and the path found), where its line is long enough to hold it,
 * parallel relations as one label; and the names of the expanded entities and of what is looked
 * at stay legible at any zoom.
 */

export interface Focus {
  /** The selected entity or relation, and the one under the mouse (ids). */
  looked: readonly string[];
  /** The entities whose neighbourhoods were added. */
  roots: readonly string[];
  /** The relations of the path found (entity ids may be among them). */
  onPath: ReadonlySet<string>;
}

/** The font size of a relation's label, at a zoom of 1 or more. */
export const edgeFontSize = 9;

/** How much larger emphasised labels are drawn than their size, so that they keep it on screen when zoomed out. */
const growth = (cy: Core) => Math.max(1, 1 / cy.zoom());

/**
 * Marks what is emphasised (`emphasised` nodes, `labelled` edges), writes the relations' labels
 * and sizes them for the zoom. Run again when the focus, the zoom or the places change.
 */
export function emphasise(cy: Core, focus: Focus): void {
  let nodes: Collection = cy.collection();
  // A relation looked at is always labelled; one around what is looked at only where its label fits.
  let looked: Collection = cy.collection();
  let around: Collection = cy.edges().filter((edge) => focus.onPath.has(edge.id()));
  for (const id of focus.roots) nodes = nodes.union(cy.getElementById(id));
  for (const id of focus.looked) {
    const element = cy.getElementById(id);
    if (element.isNode()) {
      nodes = nodes.union(element);
      around = around.union(element.connectedEdges());
    }
    if (element.isEdge()) {
      looked = looked.union(element);
      nodes = nodes.union(element.connectedNodes());
    }
  }
  const scale = growth(cy);
  const captions = combinedCaptions(
    looked.union(around).edges().toArray(),
    (edge, caption) => looked.has(edge) || fits(edge, caption, scale),
  );
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      node.toggleClass('emphasised', nodes.has(node));
    });
    cy.edges().forEach((edge) => {
      const caption = captions.get(edge.id());
      edge.toggleClass('labelled', caption !== undefined);
      if (edge.data('caption') !== (caption ?? '')) edge.data('caption', caption ?? '');
    });
    // Only what grew shrinks back: a style set on every element at every zoom step is slow at hundreds.
    cy.elements('.scaled').forEach((element) => {
      element.removeStyle('font-size text-max-width').removeClass('scaled');
    });
    if (scale === 1) return;
    cy.nodes('.emphasised').forEach((node) => {
      node.style({ 'font-size': labelFont.size * scale, 'text-max-width': `${labelFont.maxWidth * scale}px` }).addClass('scaled');
    });
    cy.edges('.labelled').forEach((edge) => {
      edge.style({ 'font-size': edgeFontSize * scale }).addClass('scaled');
    });
  });
}

/** Whether a caption's longest line, drawn `scale` times its size, fits along the edge between its two shapes. */
function fits(edge: EdgeSingular, caption: string, scale: number): boolean {
  const source = edge.source();
  const target = edge.target();
  const between =
    Math.hypot(target.position('x') - source.position('x'), target.position('y') - source.position('y')) -
    (source.width() + target.width()) / 2;
  const widest = Math.max(...caption.split('\n').map((line) => measureLabel(line, edgeFontSize, 'normal')));
  return (widest + 8) * scale <= between;
}

/**
 * The label each labelled relation shows: relations between the same two entities (a speaker
 * and a moderator of one event) share one, on the first of them, a line each, and the rest show
 * none; a group whose label `keep` refuses shows none at all.
 */
function combinedCaptions(edges: readonly EdgeSingular[], keep: (edge: EdgeSingular, caption: string) => boolean): Map<string, string> {
  const byPair = new Map<string, EdgeSingular[]>();
  for (const edge of [...edges].sort((a, b) => a.id().localeCompare(b.id()))) {
    const pair = [edge.source().id(), edge.target().id()].sort().join('\u0000');
    byPair.set(pair, [...(byPair.get(pair) ?? []), edge]);
  }
  const captions = new Map<string, string>();
  for (const group of byPair.values()) {
    const lines = new Map<string, number>();
    for (const edge of group) {
      const qualifier = String(edge.data('qualifier') ?? '');
      const line = qualifier ? `${String(edge.data('type'))} (${qualifier})` : String(edge.data('type'));
      lines.set(line, (lines.get(line) ?? 0) + 1);
    }
    const text = [...lines].map(([line, count]) => (count > 1 ? `${line} ×${count}` : line)).join('\n');
    const [first] = group;
    if (!first || !group.some((edge) => keep(edge, text))) continue;
    for (const edge of group) captions.set(edge.id(), edge === first ? text : '');
  }
  return captions;
}
