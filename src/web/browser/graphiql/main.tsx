import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorPreferences } from './editor-preferences.tsx';
import { examplesPlugin } from './examples-plugin.tsx';
import { createFetcher } from './fetcher.ts';
import { readGraphiqlPageData } from './page-data.ts';
import { readRequestFromUrl, writeRequestToUrl } from './url-state.ts';
import { setUpMonacoWorkers } from './workers.ts';

const page = readGraphiqlPageData();
setUpMonacoWorkers(page.workers);

const examples = examplesPlugin(page.examples);
const fromUrl = readRequestFromUrl();
const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={createFetcher(page.endpoint)}
      plugins={[examples, HISTORY_PLUGIN]}
      visiblePlugin={examples}
      // A link's request opens in a tab (GraphiQL finds the stored tab that holds it, or adds
      // one); without one, the stored tabs come back as they were left.
      initialQuery={fromUrl.query}
      initialVariables={fromUrl.variables}
      defaultQuery={page.examples[0]?.query}
      onTabChange={({ tabs, activeTabIndex }) => {
        const tab = tabs[activeTabIndex];
        if (tab) writeRequestToUrl(tab);
      }}
      defaultEditorToolsVisibility
    >
      <GraphiQL.Logo>
        <a className="govgraph-logo" href="/">
          govgraph
        </a>{' '}
        <a className="govgraph-logo-link" href="/explore">
          explorer
        </a>
      </GraphiQL.Logo>
      <EditorPreferences />
    </GraphiQL>
  </StrictMode>,
);
