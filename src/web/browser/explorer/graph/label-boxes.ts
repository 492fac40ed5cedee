/**
 * Where labels lie, as rectangles in graph units, and whether two cover each other. Cytoscape
 * gives an entity's label box (boundingBox with includeLabels) but a relation's only squared to
 * the axes: a label along a slanted line would then seem to cover whatever lies in its corners.
 */

/** A rectangle turned by `angle` (radians) about its centre. */
export interface Box {
  x: number;
  y: number;
  halfWidth: number;
  halfHeight: number;
  angle: number;
}

/** A box from Cytoscape's bounds (x1, y1, x2, y2), not turned. */
export function boxOfBounds(bounds: { x1: number; y1: number; x2: number; y2: number }): Box {
  return {
    x: (bounds.x1 + bounds.x2) / 2,
    y: (bounds.y1 + bounds.y2) / 2,
    halfWidth: (bounds.x2 - bounds.x1) / 2,
    halfHeight: (bounds.y2 - bounds.y1) / 2,
    angle: 0,
  };
}

/**
 * The box of a relation's label as Cytoscape draws it with text-rotation autorotate: centred on
 * the edge's midpoint, along the line between its ends, turned to read left to right.
 */
export function edgeLabelBox(
  middle: { x: number; y: number },
  from: { x: number; y: number },
  to: { x: number; y: number },
  size: { width: number; height: number },
): Box {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  // Cytoscape's own rule: atan(dy/dx), so the text is never upside down.
  const angle = dx === 0 ? Math.PI / 2 : Math.atan(dy / dx);
  return { x: middle.x, y: middle.y, halfWidth: size.width / 2, halfHeight: size.height / 2, angle };
}

/** The box grown by `margin` on every side. */
export function grown(box: Box, margin: number): Box {
  return { ...box, halfWidth: box.halfWidth + margin, halfHeight: box.halfHeight + margin };
}

/** How far the box reaches along a unit direction from its centre. */
function reach(box: Box, ux: number, uy: number): number {
  const cos = Math.cos(box.angle);
  const sin = Math.sin(box.angle);
  return box.halfWidth * Math.abs(ux * cos + uy * sin) + box.halfHeight * Math.abs(-ux * sin + uy * cos);
}

/** Whether two boxes cover each other (separating axes: two rectangles are apart along one of their four sides' directions). */
export function overlap(a: Box, b: Box): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const angle of [a.angle, a.angle + Math.PI / 2, b.angle, b.angle + Math.PI / 2]) {
    const ux = Math.cos(angle);
    const uy = Math.sin(angle);
    if (Math.abs(dx * ux + dy * uy) >= reach(a, ux, uy) + reach(b, ux, uy)) return false;
  }
  return true;
}
