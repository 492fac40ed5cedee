import type { EntitySummary } from '../api/shapes.ts';
import { entityStyle } from '../graph/entity-styles.ts';

/** An entity's name with its kind's colour: a button that selects it when `onSelect` is given. */
export function EntityName({ entity, onSelect }: { entity: EntitySummary | undefined; onSelect?: (id: string) => void }) {
  if (!entity) return <span className="muted">an entity not in view</span>;
  const style = entityStyle(entity.__typename);
  const content = (
    <>
      <span className="type-dot" style={{ background: style.color }} aria-hidden="true" />
      {entity.name}
      <span className="visually-hidden"> ({style.label})</span>
    </>
  );
  return onSelect ? (
    <button type="button" className="link-button entity-name" onClick={() => onSelect(entity.id)}>
      {content}
    </button>
  ) : (
    <span className="entity-name">{content}</span>
  );
}
