import type { StylesheetJson } from 'cytoscape';
import { edgeFontSize } from './emphasis.ts';
import { entityStyles, evidenceLineStyles } from './entity-styles.ts';
import { labelFont } from './label-font.ts';

const ink = '#1b1f24';
const edgeInk = '#5f6b76';
const highlight = '#c2410c';

/**
 * Cytoscape's stylesheet: one rule per entity kind; names wrapped as node-labels.ts wraps them;
 * relation types only on `labelled` relations, and larger names on `emphasised` entities (emphasis.ts).
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
        'text-margin-y': 4,
        // The lines are node-labels.ts's, each narrower than this: Cytoscape only breaks them.
        'text-wrap': 'wrap',
        'text-max-width': `${labelFont.maxWidth}px`,
        'line-height': 1.15,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Below this on-screen size labels are left out: at a few hundred nodes they would only overlap.
        'min-zoomed-font-size': 8,
        'border-width': 1.5,
        'border-color': '#ffffff',
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
      selector: 'node.emphasised',
      style: { 'z-index': 20 },
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
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
        'z-index': 15,
      },
    },
    ...Object.entries(evidenceLineStyles).map(([evidence, lineStyle]) => ({
      selector: `edge[evidence = "${evidence}"]`,
      style: { 'line-style': lineStyle },
    })),
    {
      selector: 'edge.on-path',
      style: { 'line-color': highlight, 'target-arrow-color': highlight, width: 4, 'z-index': 10 },
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
