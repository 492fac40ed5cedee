/**
 * How each kind of entity looks: a colour and a shape, so the kinds stay apart for a reader
 * who cannot tell the colours apart. The colours are dark enough for white text and for the
 * 3:1 contrast of graphics against the white canvas.
 */
export interface EntityStyle {
  label: string;
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'hexagon' | 'rhomboid' | 'diamond' | 'octagon' | 'tag' | 'vee' | 'triangle' | 'barrel' | 'star';
}

export const entityStyles: Readonly<Record<string, EntityStyle>> = {
  Organization: { label: 'Organization', color: '#1f5fa8', shape: 'round-rectangle' },
  Person: { label: 'Person', color: '#b3261e', shape: 'ellipse' },
  Tld: { label: 'Top-level domain', color: '#2e7d32', shape: 'hexagon' },
  Memorandum: { label: 'Memorandum', color: '#6a3d9a', shape: 'rhomboid' },
  Event: { label: 'Event', color: '#b35900', shape: 'diamond' },
  Body: { label: 'Governance body', color: '#6d4c41', shape: 'octagon' },
  Document: { label: 'Document', color: '#4a5560', shape: 'tag' },
  Topic: { label: 'Topic', color: '#00796b', shape: 'vee' },
  Country: { label: 'Country', color: '#827717', shape: 'triangle' },
  Statement: { label: 'Statement', color: '#ad1457', shape: 'barrel' },
  Source: { label: 'Source', color: '#37474f', shape: 'star' },
};

const unknownStyle: EntityStyle = { label: 'Other', color: '#455a64', shape: 'ellipse' };

export function entityStyle(type: string): EntityStyle {
  return entityStyles[type] ?? { ...unknownStyle, label: type };
}

/** The kinds the API has today, in the order the legend and the filters list them. */
export const entityTypeOrder = [
  'Organization',
  'Person',
  'Tld',
  'Memorandum',
  'Event',
  'Body',
  'Document',
  'Topic',
  'Country',
  'Statement',
];

/** How a relation's line is drawn by its evidence kind, once the API gives one. */
export const evidenceLineStyles: Readonly<Record<string, 'solid' | 'dashed' | 'dotted'>> = {
  STATED: 'solid',
  INFERRED: 'dashed',
  EXTERNAL: 'dotted',
};
