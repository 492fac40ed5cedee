import { entityStyle, entityTypeOrder } from '../graph/entity-styles.ts';
import { firstDay, isPartialDate, lastDay } from '../model/partial-dates.ts';
import type { Filters, View } from '../model/view.ts';
import { DateField } from './date-field.tsx';

function toggled(set: ReadonlySet<string>, item: string): Set<string> {
  const next = new Set(set);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return next;
}

/**
 * Whether From is after Until: no dated relation falls in such a range, and the view emptied of
 * them without a word.
 */
function reversed(from: string | undefined, to: string | undefined): boolean {
  if (!from || !to || !isPartialDate(from) || !isPartialDate(to)) return false;
  const [start, end] = [firstDay(from), lastDay(to)];
  return start !== undefined && end !== undefined && start > end;
}

/** Which kinds of entity and relation, which dates and which evidence stay in view; the legend too. */
export function FiltersPanel(props: { view: View; evidenceKnown: boolean; onChange(filters: Filters): void }) {
  const { filters } = props.view;
  const present = new Set([...props.view.entities.values()].map((entity) => entity.__typename));
  const entityTypes = [...entityTypeOrder, ...[...present].filter((type) => !entityTypeOrder.includes(type)).sort()];
  const relationTypes = [...new Set([...props.view.edges.values()].map((edge) => edge.type))].sort();
  const evidenceKinds = ['STATED', 'INFERRED', 'EXTERNAL'];
  const setDate = (name: 'from' | 'to', value: string | undefined) => {
    if (value === filters[name]) return;
    const next: Filters = { ...filters };
    if (value === undefined) delete next[name];
    else next[name] = value;
    props.onChange(next);
  };
  return (
    <section className="panel filters" aria-labelledby="filters-title">
      <h2 id="filters-title">Filters</h2>
      <fieldset>
        <legend>Kinds of entity</legend>
        {entityTypes.map((type) => {
          const style = entityStyle(type);
          return (
            <label key={type} className={present.has(type) ? 'check' : 'check absent'}>
              <input
                type="checkbox"
                checked={!filters.hiddenEntityTypes.has(type)}
                onChange={() => props.onChange({ ...filters, hiddenEntityTypes: toggled(filters.hiddenEntityTypes, type) })}
              />
              <span className={`legend-swatch shape-${style.shape}`} style={{ background: style.color }} aria-hidden="true" />
              {style.label}
            </label>
          );
        })}
      </fieldset>
      {relationTypes.length > 0 && (
        <fieldset>
          <legend>Kinds of relation</legend>
          {relationTypes.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={!filters.hiddenRelationTypes.has(type)}
                onChange={() => props.onChange({ ...filters, hiddenRelationTypes: toggled(filters.hiddenRelationTypes, type) })}
              />
              {type}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>Dates of relations</legend>
        <DateField
          label="From (a year, a month or a day)"
          placeholder="2019"
          initial={filters.from}
          onChange={(value) => setDate('from', value)}
        />
        <DateField label="Until" placeholder="2021-12" initial={filters.to} onChange={(value) => setDate('to', value)} />
        <p className="field-problem" aria-live="polite" data-testid="date-range-problem">
          {reversed(filters.from, filters.to) &&
            `From (${filters.from}) is after Until (${filters.to}): no dated relation falls in that range. Swap them, or clear one.`}
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.includeUndated}
            onChange={() => props.onChange({ ...filters, includeUndated: !filters.includeUndated })}
          />
          Keep undated relations
        </label>
      </fieldset>
      {props.evidenceKnown && (
        <fieldset>
          <legend>Evidence</legend>
          {evidenceKinds.map((kind) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                checked={!filters.hiddenEvidence.has(kind)}
                onChange={() => props.onChange({ ...filters, hiddenEvidence: toggled(filters.hiddenEvidence, kind) })}
              />
              {kind.toLowerCase()}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
