import type { Core } from 'cytoscape';
import { placeOf } from './graph/graph-canvas.tsx';

/**
 * Where a node or a relation is drawn, in page coordinates, for scripts that drive the page as
 * a person would (the browser tests double-click a node and click a relation on the canvas,
 * which has no DOM element per node to aim at).
 */
export interface ExplorerAutomation {
  pointOf(kind: 'entity' | 'edge', id: string): { x: number; y: number } | null;
  /** Where an entity is in the graph's own coordinates, which a permalink keeps for pinned ones. */
  placeOf(id: string): { x: number; y: number } | null;
}

export function exposeAutomation(cy: Core | null, container: () => HTMLElement | null): void {
  const automation: ExplorerAutomation = {
    pointOf(kind, id) {
      const element = cy?.getElementById(id);
      const box = container()?.getBoundingClientRect();
      if (!element || element.empty() || !box) return null;
      const point =
        kind === 'entity' && element.isNode() ? element.renderedPosition() : element.isEdge() ? element.renderedMidpoint() : null;
      return point ? { x: box.left + point.x, y: box.top + point.y } : null;
    },
    placeOf: (id) => placeOf(cy, id),
  };
  Object.assign(window, { govgraphExplorer: automation });
}
