import { type MouseEvent, type ReactNode, type Ref, type RefObject, useRef } from 'react';
import type { EntitySummary } from '../api/shapes.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { edgeQualifier } from '../model/edge-facts.ts';
import { describeRelationDates, endsOf, relationDates } from '../model/relation-dates.ts';
import type { Selection, Visible } from '../model/view.ts';
import { EntityName } from './entity-name.tsx';

/**
 * A link past a table, shown when focused. It moves the keyboard itself rather than letting the
 * browser follow `#…`: a fragment in the address is a history entry, which Back and Forward
 * would rebuild the view from (address-history.ts).
 */
function SkipLink(props: {
  to: RefObject<HTMLElement | null>;
  target: string;
  id?: string;
  ref?: Ref<HTMLAnchorElement>;
  children: ReactNode;
}) {
  const skip = (event: MouseEvent) => {
    event.preventDefault();
    props.to.current?.focus();
  };
  return (
    <a ref={props.ref} id={props.id} className="skip-link" href={`#${props.target}`} onClick={skip}>
      {props.children}
    </a>
  );
}

/**
 * The entities and relations in view as two tables: the keyboard's and screen reader's way
 * through the graph. Each table has a link past it before it: a row is one or two stops (a name
 * and Expand, a relation), so 170 entities are some 340 presses of Tab before the relations.
 * Skip links rather than a grid with one stop and arrow keys (WAI-ARIA's roving tabindex): the
 * tables stay plain data tables, which screen readers walk cell by cell with their own table
 * keys, and every control stays a button reached as any other. What is selected, open in the
 * details, is the current row (aria-current), drawn apart from the focus ring.
 */
export function TableView(props: {
  visible: Visible;
  entities: ReadonlyMap<string, EntitySummary>;
  pinned: ReadonlyMap<string, unknown>;
  evidenceKnown: boolean;
  selection: Selection;
  onSelectEntity(id: string): void;
  onSelectEdge(key: string): void;
  onExpand(id: string): void;
}) {
  const { visible, selection } = props;
  // The first link lands on the second, which says where it is and can skip on at once.
  const pastRelations = useRef<HTMLAnchorElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  const current = (selected: boolean) => (selected ? { 'aria-current': true, className: 'current' } : {});
  return (
    <div className="table-view" data-testid="table-view">
      <SkipLink to={pastRelations} target="past-relations">
        Skip the {counted(visible.entities.length, 'entity', 'entities')}, to the relations
      </SkipLink>
      <table>
        <caption>Entities in view ({visible.entities.length})</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Id</th>
            <th scope="col">Pinned</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.entities.map((entity) => (
            <tr key={entity.id} {...current(selection?.kind === 'entity' && selection.id === entity.id)}>
              <td>
                <EntityName entity={entity} onSelect={props.onSelectEntity} />
              </td>
              <td>{entityStyle(entity.__typename).label}</td>
              <td>
                <code>{entity.slug}</code>
              </td>
              <td>{props.pinned.has(entity.id) ? 'yes' : ''}</td>
              <td>
                <button type="button" onClick={() => props.onExpand(entity.id)}>
                  Expand<span className="visually-hidden"> the neighbours of {entity.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SkipLink ref={pastRelations} id="past-relations" to={end} target="end-of-tables">
        Skip the {counted(visible.edges.length, 'relation', 'relations')}, to the end of the tables
      </SkipLink>
      <table>
        <caption>Relations in view ({visible.edges.length})</caption>
        <thead>
          <tr>
            <th scope="col">Relation</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            {/* Two relations of one type between the same two entities differ by it: a moderator and a speaker. */}
            <th scope="col">Role or title</th>
            <th scope="col">Dates</th>
            {props.evidenceKnown && <th scope="col">Evidence</th>}
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody>
          {visible.edges.map((edge) => {
            const dates = relationDates(edge, endsOf(edge, props.entities));
            return (
              <tr key={edge.key} {...current(selection?.kind === 'edge' && selection.key === edge.key)}>
                <td>
                  <button type="button" className="link-button relation-type" onClick={() => props.onSelectEdge(edge.key)}>
                    {edge.type}
                  </button>
                </td>
                <td>{props.entities.get(edge.from.id)?.name}</td>
                <td>{props.entities.get(edge.to.id)?.name}</td>
                <td>{edgeQualifier(edge) ?? ''}</td>
                <td>{describeRelationDates(dates)}</td>
                {props.evidenceKnown && <td>{edge.evidence ?? ''}</td>}
                <td>{edge.sources.map((source) => source.title).join('; ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {/* Where the second link lands: the next Tab goes on to the details. */}
      <p ref={end} id="end-of-tables" className="tables-end muted" tabIndex={-1}>
        End of the tables.
      </p>
    </div>
  );
}

/** "1 entity", "170 entities". */
function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
