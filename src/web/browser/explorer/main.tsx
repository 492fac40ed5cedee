import './explorer.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod/mini';
import { readPageData } from '../shared/page-data.ts';
import { App } from './app.tsx';
import { connectExplorerApi } from './explorer-api.ts';
import { IngestPage } from './ingest-page.tsx';
import { errorMessage } from './model/error-message.ts';
import { readPermalink } from './model/permalink.ts';

const page = readPageData(z.object({ endpoint: z.string() }));
const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');

// `?ingest` (or `?ingest=<source slug>`, to reopen a stored one) is the ingestion page.
const parameters = new URLSearchParams(window.location.search);

connectExplorerApi(page.endpoint).then(
  (api) =>
    createRoot(root).render(
      <StrictMode>
        {parameters.has('ingest') ? (
          <IngestPage endpoint={page.endpoint} explorer={api} source={parameters.get('ingest') || null} />
        ) : (
          <App api={api} link={readPermalink(window.location.search)} />
        )}
      </StrictMode>,
    ),
  (error: unknown) => {
    root.textContent = `The API at ${page.endpoint} did not answer: ${errorMessage(error)}. Reload to try again.`;
  },
);
