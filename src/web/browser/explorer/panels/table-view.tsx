import type { EntitySummary } from '../api/shapes.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { edgeQualifier } from '../model/edge-facts.ts';
import { describeRelationDates, endsOf, relationDates } from '../model/relation-dates.ts';
import type { Visible } from '../model/view.ts';
import { EntityName } from './entity-name.tsx';

/** The entities and relations in view as two tables: the keyboard's and screen reader's way through the graph. */
export function TableView(props: {
  visible: Visible;
  entities: ReadonlyMap<string, EntitySummary>;
  pinned: ReadonlyMap<string, unknown>;
  evidenceKnown: boolean;
  onSelectEntity(id: string): void;
  onSelectEdge(key: string): void;
  onExpand(id: string): void;
}) {
  const { visible } = props;
  return (
    <div className="table-view" data-testid="table-view">
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
            <tr key={entity.id}>
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
              <tr key={edge.key}>
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
    </div>
  );
}
