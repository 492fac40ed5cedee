/**
 * The browser pages' scripts and styles, bundled by esbuild from src/web/browser and the npm
 * packages they import, in memory, once per process. Bundling at server start (rather than at
 * install or in a build step) means there is no generated file to keep in git or to forget to
 * rebuild: the server always serves the source it runs, and every asset comes from an npm
 * package on this machine, never from a CDN.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type OutputFile } from 'esbuild';

export interface BundledFile {
  /** The URL path it is served at, e.g. "/assets/explorer-3F2A….js". */
  urlPath: string;
  contentType: string;
  bytes: Uint8Array;
}

/** One page's entry: its script and, when it imports any styles, its stylesheet. */
export interface PageAssets {
  script: string;
  stylesheet?: string;
}

export interface WebBundle {
  files: ReadonlyMap<string, BundledFile>;
  graphiql: PageAssets;
  explorer: PageAssets;
  /** Monaco's web workers for GraphiQL's editors, by the label Monaco asks for. */
  workers: { editor: string; json: string; graphql: string };
  /** Changes whenever any file changes: pages that embed the asset names use it in their ETag. */
  version: string;
}

const browserDir = fileURLToPath(new URL('../browser/', import.meta.url));
/** Nothing is written here: esbuild needs an output folder to name the files it returns. */
const outdir = path.join(browserDir, '.bundle');
const urlPrefix = '/assets/';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

// The last two major versions of the browsers an analyst uses; Chromium in CI is one of them.
const target = ['chrome120', 'firefox120', 'safari16'];

function filesOf(outputFiles: readonly OutputFile[]): Map<string, BundledFile> {
  const files = new Map<string, BundledFile>();
  for (const file of outputFiles) {
    const name = path.relative(outdir, file.path);
    const urlPath = `${urlPrefix}${name}`;
    files.set(urlPath, { urlPath, contentType: contentTypes[path.extname(name)] ?? 'application/octet-stream', bytes: file.contents });
  }
  return files;
}

function entryAssets(metafile: Metafile, entry: string): PageAssets {
  const wanted = path.join(browserDir, entry);
  for (const [output, info] of Object.entries(metafile.outputs)) {
    // The metafile's paths are relative to absWorkingDir.
    if (info.entryPoint && path.resolve(browserDir, info.entryPoint) === wanted) {
      const script = `${urlPrefix}${path.relative(outdir, path.resolve(browserDir, output))}`;
      const stylesheet = info.cssBundle ? `${urlPrefix}${path.relative(outdir, path.resolve(browserDir, info.cssBundle))}` : undefined;
      return stylesheet ? { script, stylesheet } : { script };
    }
  }
  throw new Error(`the web bundle has no output for ${entry}`);
}

async function bundle(): Promise<WebBundle> {
  const shared = {
    absWorkingDir: browserDir,
    bundle: true,
    minify: true,
    write: false,
    outdir,
    metafile: true,
    target,
    logLevel: 'silent',
    legalComments: 'none',
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  const [pages, workers] = await Promise.all([
    // One script and one stylesheet per page, without code splitting: Monaco's styles are
    // imported by modules GraphiQL loads lazily, and a split chunk's CSS would never be loaded.
    build({
      ...shared,
      entryPoints: { graphiql: 'graphiql/main.tsx', explorer: 'explorer/main.tsx' },
      format: 'esm',
      jsx: 'automatic',
      loader: { '.ttf': 'file', '.graphql': 'text' },
    }),
    // Workers load as classic scripts, so they are self-contained IIFEs.
    build({
      ...shared,
      entryPoints: {
        'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
        'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
        'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
      },
      format: 'iife',
    }),
  ]);
  const files = new Map([...filesOf(pages.outputFiles), ...filesOf(workers.outputFiles)]);
  const workerPath = (name: string) => {
    const found = [...files.keys()].find((urlPath) => path.basename(urlPath).startsWith(`${name}-`) && urlPath.endsWith('.js'));
    if (!found) throw new Error(`the web bundle has no ${name}`);
    return found;
  };
  const version = createHash('sha256')
    .update([...files.keys()].sort().join('\n'))
    .digest('base64url')
    .slice(0, 16);
  return {
    files,
    graphiql: entryAssets(pages.metafile, 'graphiql/main.tsx'),
    explorer: entryAssets(pages.metafile, 'explorer/main.tsx'),
    workers: { editor: workerPath('editor.worker'), json: workerPath('json.worker'), graphql: workerPath('graphql.worker') },
    version,
  };
}

let pending: Promise<WebBundle> | undefined;

/**
 * The bundle, built on first use and shared by every server in the process (tests create many,
 * and most never serve a page). A failed build is not remembered, so a fix is picked up.
 */
export function webBundle(): Promise<WebBundle> {
  if (!pending) {
    pending = bundle();
    pending.catch(() => {
      pending = undefined;
    });
  }
  return pending;
}
