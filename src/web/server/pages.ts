/**
 * The HTML of the three browser pages: the front page, GraphiQL and the explorer. Each is a
 * small shell naming its bundled script and stylesheet; the data a page starts with travels
 * as JSON in a non-executed script element, which the page parses and checks.
 */
import { type Example, graphiqlTabs } from '../../examples/index.ts';
import type { PageAssets, WebBundle } from './bundle.ts';

/** Only this server: no script, style, font or request may come from or go to another host. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Monaco and Cytoscape set element styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** JSON that cannot end its script element early, whatever the strings inside hold. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');

/**
 * `heading` wraps the page in a main landmark under a (visually hidden) h1, for a page whose
 * own markup has neither (GraphiQL); the explorer's React tree brings its own.
 */
function shell(title: string, assets: PageAssets, data: unknown, bodyClass: string, heading?: string): string {
  const root = heading
    ? `<main><h1 class="visually-hidden">${escapeHtml(heading)}</h1><div id="root"></div></main>`
    : '<div id="root"></div>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
${assets.stylesheet ? `<link rel="stylesheet" href="${assets.stylesheet}">` : ''}
<script type="application/json" id="page-data">${scriptJson(data)}</script>
<script type="module" src="${assets.script}"></script>
</head>
<body class="${bodyClass}">
<noscript>This page needs JavaScript. The API itself answers at /graphql without it.</noscript>
${root}
</body>
</html>
`;
}

/** What GraphiQL starts with: the examples as questions, and where Monaco's workers are. */
export interface GraphiqlPageData {
  endpoint: string;
  examples: { name: string; question: string; query: string; variables: string | null }[];
  workers: WebBundle['workers'];
}

export function graphiqlPage(bundle: WebBundle, examples: readonly Example[]): string {
  const tabs = graphiqlTabs(examples);
  const data: GraphiqlPageData = {
    // Not /graphql itself: a browser drops its cached copy of a page when a POST goes to the
    // page's own URL (RFC 9111, 4.4), and GraphiQL POSTs every query; the page then could not
    // be revalidated (304) on a reload.
    endpoint: '/graphql?client=graphiql',
    examples: examples.map((example, index) => ({
      name: example.name,
      question: example.question,
      query: example.query,
      variables: tabs[index]?.variables ?? null,
    })),
    workers: bundle.workers,
  };
  return shell('govgraph · GraphiQL', bundle.graphiql, data, 'graphiql-page', 'govgraph GraphiQL');
}

export function explorerPage(bundle: WebBundle): string {
  return shell('govgraph · explorer', bundle.explorer, { endpoint: '/graphql' }, 'explorer-page');
}

/** The front page: where to go, for a person who opened the server's address. */
export function frontPage(version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>govgraph</title>
<link rel="icon" href="data:,">
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 3rem auto; padding: 0 1rem; color: #1b1f24; background: #fff; }
a { color: #0b57d0; }
li { margin: .4rem 0; }
code { background: #f1f3f5; padding: 0 .25rem; border-radius: 3px; }
small { color: #4a525c; }
</style>
</head>
<body>
<main>
<h1>govgraph</h1>
<p>A knowledge graph of internet-governance actors, where every relation is a dated, sourced claim.</p>
<ul>
<li><a href="/explore">Explore the graph</a>: search an actor, see its neighbours, the evidence of every link, and paths between two actors.</li>
<li><a href="/graphql">Query it with GraphQL</a>: GraphiQL, with example questions to run.</li>
<li><a href="/export?format=json">Download the whole graph</a> as JSON (also <code>format=graphml</code>, or <code>format=csv&amp;part=nodes</code> / <code>part=edges</code>).</li>
<li>Probes: <a href="/health">/health</a> (the process is up), <a href="/ready">/ready</a> (the database answers).</li>
</ul>
<p><small>govgraph ${escapeHtml(version)}</small></p>
</main>
</body>
</html>
`;
}
