import type { Core } from 'cytoscape';
import { download } from '../export/download.ts';
import { viewCsvEntities, viewCsvRelations, viewGraphml, viewJson } from '../export/formats.ts';
import { graphPng, graphSvg } from '../export/pictures.ts';
import type { Visible } from '../model/view.ts';

/** Downloads of exactly what is in view: a picture of the graph, or its entities and relations as data. */
export function ExportMenu(props: { visible: Visible; cy: Core | null }) {
  const { visible, cy } = props;
  const empty = visible.entities.length === 0;
  const stamp = new Date().toISOString().slice(0, 10);
  const name = (extension: string) => `govgraph-view-${stamp}.${extension}`;
  return (
    <section className="panel export" aria-labelledby="export-title">
      <h2 id="export-title">Export the view</h2>
      <fieldset className="actions">
        <legend className="visually-hidden">As a picture</legend>
        <button type="button" disabled={empty || !cy} onClick={() => cy && download(name('png'), graphPng(cy), 'image/png')}>
          PNG
        </button>
        <button type="button" disabled={empty || !cy} onClick={() => cy && download(name('svg'), graphSvg(cy), 'image/svg+xml')}>
          SVG
        </button>
      </fieldset>
      <fieldset className="actions">
        <legend className="visually-hidden">As data</legend>
        <button type="button" disabled={empty} onClick={() => download(name('graphml'), viewGraphml(visible), 'application/graphml+xml')}>
          GraphML
        </button>
        <button type="button" disabled={empty} onClick={() => download(name('json'), viewJson(visible), 'application/json')}>
          JSON
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() => download(`govgraph-view-${stamp}-nodes.csv`, viewCsvEntities(visible), 'text/csv')}
        >
          CSV entities
        </button>
        <button
          type="button"
          disabled={empty}
          onClick={() => download(`govgraph-view-${stamp}-edges.csv`, viewCsvRelations(visible), 'text/csv')}
        >
          CSV relations
        </button>
      </fieldset>
    </section>
  );
}
