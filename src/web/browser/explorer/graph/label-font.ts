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
