import type { Core, NodeCollection } from 'cytoscape';
import type { Point } from '../model/view.ts';

/**
 * Where nodes new to the drawing start, before the layout moves them: near a neighbour already
 * drawn (or the middle, for a first view), each on its own spot. Added without a position, every
 * node of a first view sat at (0, 0), and Cytoscape warned of "invalid endpoints" for each
 * relation between two of them whose shapes it could not separate (an event's diamond) when
 * the layout first measured the drawing.
 */

/** Nodes closer than this overlap: the largest shape is 38 units across. */
const spacing = 60;
/** The golden angle: successive spots of the spiral never line up. */
const turn = Math.PI * (3 - Math.sqrt(5));

export function placeNewNodes(cy: Core, added: NodeCollection, pins: ReadonlyMap<string, Point | null>): void {
  const taken: Point[] = cy
    .nodes()
    .difference(added)
    .nodes()
    .map((node) => ({ ...node.position() }));
  const free = (point: Point) => taken.every((other) => Math.hypot(other.x - point.x, other.y - point.y) >= spacing);
  // A pinned node goes back where it was pinned: the others keep clear of it.
  const unpinned = added.filter((node) => {
    const pin = pins.get(node.id());
    if (!pin) return true;
    node.position(pin);
    taken.push(pin);
    return false;
  });
  unpinned.forEach((node) => {
    const anchor = node
      .neighborhood()
      .nodes()
      .filter((neighbour) => !added.has(neighbour))
      .nodes();
    const centre = anchor.nonempty() ? anchor.first().position() : { x: 0, y: 0 };
    for (let step = 1; ; step++) {
      const radius = spacing * Math.sqrt(step);
      const spot = { x: centre.x + radius * Math.cos(step * turn), y: centre.y + radius * Math.sin(step * turn) };
      if (free(spot)) {
        node.position(spot);
        taken.push(spot);
        return;
      }
    }
  });
}
