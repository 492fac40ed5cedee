import type { GraphiqlPageData } from './page-data.ts';

/** The part of Monaco's Environment used here. */
interface MonacoWorkers {
  getWorker(workerId: string, label: string): Worker;
}

/**
 * Monaco starts its language workers through the MonacoEnvironment global. They come from
 * this server as bundled files, like every other script of the page.
 */
export function setUpMonacoWorkers(workers: GraphiqlPageData['workers']): void {
  const environment: MonacoWorkers = {
    getWorker(_workerId, label) {
      if (label === 'json') return new Worker(workers.json);
      if (label === 'graphql') return new Worker(workers.graphql);
      return new Worker(workers.editor);
    },
  };
  // Monaco declares the global with `let`, which TypeScript does not see as a property of globalThis.
  Object.assign(globalThis, { MonacoEnvironment: environment });
}
