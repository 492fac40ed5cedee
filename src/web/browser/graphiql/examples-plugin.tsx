import { type GraphiQLPlugin, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import type { Example } from './page-data.ts';

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .9-1 1.6V14" strokeLinecap="round" />
      <circle cx="12" cy="17.5" r=".6" fill="currentColor" />
      <rect x="3" y="3" width="18" height="18" rx="3" />
    </svg>
  );
}

/**
 * The examples as plain-language questions, one button each. Opening one puts it in a tab of
 * its own (or goes back to the tab already holding it), ready to run.
 */
function examplesList(examples: readonly Example[]) {
  return function ExamplesList() {
    const { addTab, changeTab } = useGraphiQLActions();
    const tabs = useGraphiQL((state) => state.tabs);
    const activeTabIndex = useGraphiQL((state) => state.activeTabIndex);
    const queryEditor = useGraphiQL((state) => state.queryEditor);
    const variableEditor = useGraphiQL((state) => state.variableEditor);

    const open = (example: Example) => {
      const existing = tabs.findIndex((tab) => tab.query === example.query);
      if (existing >= 0) {
        changeTab(existing);
        return;
      }
      addTab();
      queryEditor?.setValue(example.query);
      variableEditor?.setValue(example.variables ?? '');
    };

    const openQuery = tabs[activeTabIndex]?.query;
    return (
      <section className="govgraph-examples" aria-labelledby="govgraph-examples-title">
        <h2 id="govgraph-examples-title" className="graphiql-doc-explorer-title">
          Example questions
        </h2>
        <p className="govgraph-examples-hint">Pick a question, then press the run button (or Ctrl-Enter).</p>
        <ol>
          {examples.map((example) => (
            <li key={example.name}>
              <button
                type="button"
                className="govgraph-example"
                data-example={example.name}
                aria-current={openQuery === example.query ? 'true' : undefined}
                onClick={() => open(example)}
              >
                <span className="govgraph-example-question">{example.question}</span>
                <span className="govgraph-example-name">{example.name}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
    );
  };
}

export function examplesPlugin(examples: readonly Example[]): GraphiQLPlugin {
  return { title: 'Examples', icon: ExamplesIcon, content: examplesList(examples) };
}
