import type { Core } from 'cytoscape';

const background = '#ffffff';

/** The whole drawing (not just the visible part of the canvas) as a PNG, at twice the screen's scale. */
export function graphPng(cy: Core): Blob {
  return cy.png({ full: true, scale: 2, bg: background, output: 'blob' });
}

/** The whole drawing as SVG, by the cytoscape-svg extension (registered in graph-canvas.tsx). */
export function graphSvg(cy: Core): string {
  // The extension adds cy.svg(), which Cytoscape's own types do not know.
  const exporter: unknown = Reflect.get(cy, 'svg');
  if (typeof exporter !== 'function') throw new Error('the SVG extension is not loaded');
  return String(exporter.call(cy, { full: true, bg: background, scale: 1 }));
}
