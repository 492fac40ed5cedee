/**
 * The font of entity labels, shared by the stylesheet and the measure that wraps them: lines
 * measured in another font would be rewrapped by Cytoscape, and the shortening undone.
 */
export const labelFont = {
  family: '"Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif',
  size: 11,
  /** Cytoscape's text-max-width: wider than a wrapped line, so that Cytoscape never wraps one again. */
  maxWidth: 150,
  /** How wide a wrapped line may be, measured in bold (the centre's weight), which suits the others too. */
  lineWidth: 130,
  /** Cytoscape's line-height for entity labels. */
  lineHeight: 1.15,
  /** The gap between an entity's shape and its label (text-margin-y), in graph units. */
  margin: 4,
} as const;

/** The font size of a relation's label, at a zoom of 1 or more. */
export const edgeFontSize = 9;
/** The white around a relation's label (text-background-padding), in graph units. */
export const edgeLabelPadding = 2;

/** Below this size on screen Cytoscape leaves a label out (min-zoomed-font-size): at a few hundred nodes they would only overlap. */
export const leastDrawnPixels = 8;

/**
 * The least size on screen, in pixels, of the names the canvas keeps legible at any zoom
 * (emphasis.ts): a crowded view is fitted at a zoom where the other names are too small to draw.
 */
export const legiblePixels = {
  /** The entity under the mouse: the reader is asking what it is. */
  hovered: 14,
  /** The expanded entities, the selected one, the ends of a selected relation, a path's entities. */
  named: 12,
  /** The selected entity's neighbours (a lone source's records), where they cover no name written before and no entity. */
  neighbour: 10,
} as const;

let context: CanvasRenderingContext2D | null | undefined;

/**
 * How wide `text` is drawn in the label font at `size` (bold unless told), in graph units; a rough
 * guess where no canvas can measure.
 */
export function measureLabel(text: string, size: number = labelFont.size, weight: 'bold' | 'normal' = 'bold'): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * size * 0.62;
  context.font = `${weight} ${size}px ${labelFont.family}`;
  return context.measureText(text).width;
}
