import type { StylesheetJson } from 'cytoscape';
import { entityStyles, evidenceLineStyles } from './entity-styles.ts';
import { edgeFontSize, edgeLabelPadding, labelFont, leastDrawnPixels } from './label-font.ts';

const ink = '#1b1f24';
const edgeInk = '#5f6b76';
const highlight = '#c2410c';

/**
 * Cytoscape's stylesheet: one rule per entity kind; names wrapped as node-labels.ts wraps them;
 * relation types only on `labelled` relations, and larger names on `emphasised` entities (emphasis.ts).
 * Drawing order is by z-index alone (z-index-compare manual): relations under the entities, but
 * the one looked at, and its label, above the names it crosses.
 */
export function graphStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 26,
        height: 26,
        'background-color': '#455a64',
        label: 'data(label)',
        color: ink,
        'font-family': labelFont.family,
        'font-size': labelFont.size,
        'text-valign': 'bottom',
        'text-margin-y': labelFont.margin,
        // The lines are node-labels.ts's, each narrower than this: Cytoscape only breaks them.
        'text-wrap': 'wrap',
        'text-max-width': `${labelFont.maxWidth}px`,
        'line-height': labelFont.lineHeight,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': leastDrawnPixels,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'z-index-compare': 'manual',
        'z-index': 10,
      },
    },
    ...Object.entries(entityStyles).map(([type, style]) => ({
      selector: `node[type = "${type}"]`,
      style: { 'background-color': style.color, shape: style.shape },
    })),
    {
      selector: 'node.pinned',
      style: { 'border-width': 4, 'border-color': ink, 'border-style': 'double' },
    },
    {
      selector: 'node.centre',
      style: { width: 38, height: 38, 'font-weight': 'bold' },
    },
    {
      // Where a path turns down (layouts.ts), the name goes above the shape, clear of the relation below it.
      selector: 'node.label-above',
      style: { 'text-valign': 'top', 'text-margin-y': -labelFont.margin },
    },
    {
      selector: 'node.emphasised',
      style: { 'z-index': 20 },
    },
    {
      selector: 'node.hovered',
      style: { 'z-index': 40 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': edgeInk,
        'target-arrow-color': edgeInk,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        'z-index-compare': 'manual',
        'z-index': 0,
      },
    },
    {
      // Around what is looked at only; relations between the same two entities share one (emphasis.ts).
      selector: 'edge.labelled',
      style: {
        label: 'data(caption)',
        'font-family': labelFont.family,
        'font-size': edgeFontSize,
        'text-wrap': 'wrap',
        color: '#3b444d',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': `${edgeLabelPadding}px`,
        'text-background-shape': 'roundrectangle',
        'z-index': 6,
      },
    },
    ...Object.entries(evidenceLineStyles).map(([evidence, lineStyle]) => ({
      selector: `edge[evidence = "${evidence}"]`,
      style: { 'line-style': lineStyle },
    })),
    {
      selector: 'edge.on-path',
      style: { 'line-color': highlight, 'target-arrow-color': highlight, width: 4, 'z-index': 5 },
    },
    {
      selector: 'edge.looked',
      style: { 'z-index': 30 },
    },
    {
      selector: 'node.on-path',
      style: { 'border-color': highlight, 'border-width': 4 },
    },
    {
      selector: ':selected',
      style: {
        'overlay-color': '#0b57d0',
        'overlay-opacity': 0.2,
        'overlay-padding': 6,
        'line-color': '#0b57d0',
        'target-arrow-color': '#0b57d0',
      },
    },
  ];
}
