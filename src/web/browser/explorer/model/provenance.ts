/**
 * An entity's `provenance` read for its panel: which of the values it shows are not simply
 * stated by the record's sources. A list field (aliases) has an entry per value given apart
 * (the value itself) and one for the rest of the list (the rest as JSON).
 */
import { z } from 'zod/mini';
import type { FieldProvenance } from '../api/shapes.ts';
import type { ValueSupport } from './evidence.ts';

const listValue = z.array(z.string());

/** The values of a list field an entry is about: a single value, or the rest of the list given as JSON. */
function listItems(value: string): string[] {
  if (!value.startsWith('[')) return [value];
  try {
    const items = listValue.safeParse(JSON.parse(value));
    return items.success ? items.data : [value];
  } catch {
    return [value];
  }
}

const unstated = (entry: FieldProvenance) => entry.evidence !== 'STATED';

/** Each kind of support once: two values of one field (a disagreement) may share it. */
function distinct(supports: ValueSupport[]): ValueSupport[] {
  const seen = new Map(supports.map((support) => [`${support.evidence}|${support.basis ?? ''}`, support]));
  return [...seen.values()];
}

/** How `field`'s value is supported, where it is not simply stated: empty when it is. */
export function fieldSupport(provenance: readonly FieldProvenance[], field: string): ValueSupport[] {
  return distinct(provenance.filter((entry) => entry.field === field && unstated(entry)));
}

/** How each value of a list field is supported, for the values that are not simply stated. */
export function listSupport(provenance: readonly FieldProvenance[], field: string): Map<string, ValueSupport> {
  const supports = new Map<string, ValueSupport>();
  for (const entry of provenance) {
    if (entry.field !== field || !unstated(entry)) continue;
    for (const item of listItems(entry.value)) supports.set(item, { evidence: entry.evidence, basis: entry.basis });
  }
  return supports;
}
