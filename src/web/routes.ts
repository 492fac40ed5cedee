/**
 * The browser's routes as one yoga plugin: the front page (/), GraphiQL (GET /graphql from a
 * browser), the explorer (/explore) and their bundled assets (/assets/…). The pages read the
 * graph through the public GraphQL API and /export only, like any other client.
 */
import type { Plugin } from 'graphql-yoga';
import type { Example } from '../examples/index.ts';
import type { Logger } from '../log.ts';
import { serverVersion } from '../version.ts';
import { type WebBundle, webBundle } from './server/bundle.ts';
import { CachedAnswer } from './server/cached-answer.ts';
import { contentSecurityPolicy, explorerPage, frontPage, graphiqlPage } from './server/pages.ts';

const html = 'text/html; charset=utf-8';
const pageHeaders = { 'content-security-policy': contentSecurityPolicy, 'referrer-policy': 'no-referrer' };

interface Answers {
  graphiql: CachedAnswer;
  explorer: CachedAnswer;
  assets: Map<string, CachedAnswer>;
}

const answersByBundle = new WeakMap<WebBundle, Map<readonly Example[], Answers>>();

function answersFor(bundle: WebBundle, examples: readonly Example[]): Answers {
  let byExamples = answersByBundle.get(bundle);
  if (!byExamples) {
    byExamples = new Map();
    answersByBundle.set(bundle, byExamples);
  }
  let answers = byExamples.get(examples);
  if (!answers) {
    const page = { cache: 'revalidate', headers: pageHeaders } as const;
    answers = {
      graphiql: new CachedAnswer(graphiqlPage(bundle, examples), html, page),
      explorer: new CachedAnswer(explorerPage(bundle), html, page),
      assets: new Map(
        [...bundle.files].map(([urlPath, file]) => [urlPath, new CachedAnswer(file.bytes, file.contentType, { cache: 'immutable' })]),
      ),
    };
    for (const answer of answers.assets.values()) answer.warm();
    byExamples.set(examples, answers);
  }
  return answers;
}

const front = new CachedAnswer(frontPage(serverVersion), html, { cache: 'revalidate', headers: pageHeaders });

/** Bundles the pages and compresses their assets now rather than on the first visit. */
export async function prepareWebPages(examples: readonly Example[]): Promise<void> {
  answersFor(await webBundle(), examples);
}

/**
 * An address under /explore that is no page (/explore/foo): a mistyped or truncated link. yoga
 * answered an empty 404, a blank page; this one says so and links back, with no script or style.
 */
const noSuchPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found · govgraph</title></head>
<body><h1>No such page</h1><p>Nothing is at this address. <a href="/explore">Open the explorer</a>, or go to the <a href="/">front page</a>.</p></body></html>
`;

const wantsHtml = (request: Request) => request.headers.get('accept')?.includes('text/html') ?? false;

export function useWebPages(options: { examples: readonly Example[]; logger: Logger }): Plugin {
  const answerWith = async (request: Request, pick: (answers: Answers) => CachedAnswer | undefined): Promise<Response> => {
    let bundle: WebBundle;
    try {
      bundle = await webBundle();
    } catch (error) {
      options.logger.error({ err: error }, 'bundling the browser pages failed');
      return new Response('The browser pages could not be built; the API at /graphql still answers.', { status: 500 });
    }
    const answer = pick(answersFor(bundle, options.examples));
    return answer ? answer.answer(request) : new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  };
  return {
    // Asynchronous on its own pages only, as the other routes' hooks (http/exchange/routes.ts).
    onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const path = url.pathname;
      if (path === '/') return front.answer(request).then(endResponse);
      if (path === '/explore' || path === '/explore/') return answerWith(request, (answers) => answers.explorer).then(endResponse);
      if (path.startsWith('/explore/'))
        return endResponse(
          new Response(request.method === 'HEAD' ? null : noSuchPage, { status: 404, headers: { 'content-type': html, ...pageHeaders } }),
        );
      if ((path === '/graphql' || path === '/graphql/') && wantsHtml(request))
        return answerWith(request, (answers) => answers.graphiql).then(endResponse);
      if (path.startsWith('/assets/')) return answerWith(request, (answers) => answers.assets.get(path)).then(endResponse);
    },
    onResponse({ request, response, setResponse }) {
      // yoga's liveness answer is an empty 200, which a browser shows as a blank page. The URL
      // is parsed last: only an answer without a content type can be that one.
      if (response.status === 200 && !response.headers.get('content-type') && new URL(request.url).pathname === '/health')
        setResponse(
          new Response(JSON.stringify({ status: 'alive' }), {
            status: 200,
            headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
    },
  };
}
