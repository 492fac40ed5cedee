/**
 * A neighbourhood the API gave only part of: a source's first 100 records of all it is cited
 * for, or an entity's nearest entities when more lie within the hops asked (`Subgraph.truncated`).
 * The status line says so, or the graph reads as the whole of it.
 */
import type { Subgraph } from '../api/shapes.ts';

export interface Cut {
  /** The name of the entity whose neighbourhood it is. */
  centre: string;
  /** How many records (a source's) or entities (an entity's) are drawn. */
  drawn: number;
  /** How many there are in all, when the API says (a source's records); null when it says only that there are more. */
  total: number | null;
  unit: 'records' | 'entities';
}

/** A neighbourhood as the explorer's API gives it: the subgraph, and how it is cut when it is. */
export type Neighbourhood = Subgraph & { cut?: Cut };

/** "Source X: 100 of 222 records drawn." */
export function describeCut(cut: Cut): string {
  if (cut.total !== null) return `${cut.centre}: ${cut.drawn} of ${cut.total} ${cut.unit} drawn.`;
  return `${cut.centre}: only the nearest ${cut.drawn} ${cut.unit} drawn; more lie within the hops asked (fewer hops show all).`;
}
