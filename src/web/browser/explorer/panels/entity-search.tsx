import { useCombobox } from 'downshift';
import { useEffect, useId, useState } from 'react';
import type { EntitySummary, SearchHit } from '../api/shapes.ts';
import type { ExplorerApi } from '../explorer-api.ts';
import { entityStyle } from '../graph/entity-styles.ts';
import { errorMessage } from '../model/error-message.ts';

export interface EntitySearchProps {
  api: ExplorerApi;
  label: string;
  placeholder?: string;
  /** Shown in the box once an entity is chosen (the path finder keeps its ends visible). */
  chosen?: EntitySummary | null;
  onChoose(entity: EntitySummary): void;
  testId: string;
}

// Hits come in tiers (the name exactly, every word, some words), each by score, so a score
// says nothing an analyst can compare down the list. What does: where the words were found,
// when not in a name, and that only some of them were.
const foundIn: Readonly<Record<string, string>> = {
  DESCRIPTION: 'in its description',
  SUMMARY: 'in what it says',
  KIND: 'by its kind',
  PLACE: 'by its place',
  PUBLISHER: 'by its publisher',
  COUNTRY: 'by its country',
  DATE: 'by its date',
  POSITION: 'by a position held',
  PARTY: 'by who took part',
  MEMBER: 'by its members',
  TOPIC: 'by its topics',
};

function hitNote(hit: SearchHit): string | null {
  const matched =
    hit.matched && hit.matched !== hit.node.name
      ? hit.matchedField === 'SLUG'
        ? `by its slug “${hit.matched}”`
        : `matched “${hit.matched}”`
      : null;
  const where = matched ?? (hit.matchedField ? (foundIn[hit.matchedField] ?? null) : null);
  if (hit.allWords) return where;
  return where ? `some of the words, ${where}` : 'some of the words';
}

/**
 * A search box over the API's `search`: Cyrillic, Latin, accents and partial words all as the
 * API handles them. An accessible combobox (downshift): the best hit is highlighted, arrow keys move,
 * Enter chooses, Escape closes.
 */
export function EntitySearch({ api, label, placeholder, chosen, onChoose, testId }: EntitySearchProps) {
  // The hits and the text they answer.
  const [found, setFound] = useState<{ text: string; hits: SearchHit[] } | null>(null);
  const hits = found?.hits ?? [];
  const [problem, setProblem] = useState<string | null>(null);
  // What the person typed; the box's own text is left to downshift, so fast typing loses no key.
  const [query, setQuery] = useState('');
  // The text Enter was pressed on before its hits came: its first hit is opened when they do,
  // rather than one of an earlier text's hits (or none).
  const [pending, setPending] = useState<string | null>(null);
  const hintId = useId();

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setFound(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .search(text, controller.signal)
        .then((answer) => {
          setFound({ text, hits: answer });
          setProblem(null);
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setProblem(errorMessage(error));
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query]);

  const combobox = useCombobox<SearchHit>({
    items: hits,
    // The best hit is highlighted as the hits arrive, so that typing a name and pressing Enter
    // opens it, as a search box does; the arrow keys still move to the others.
    defaultHighlightedIndex: 0,
    initialInputValue: chosen?.name ?? '',
    itemToString: (hit) => hit?.node.name ?? '',
    onInputValueChange: ({ inputValue, type }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) return;
      setQuery(inputValue ?? '');
      setPending(null);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) {
        onChoose(selectedItem.node);
        setFound(null);
        setQuery('');
      }
    },
  });

  const { setInputValue, selectItem } = combobox;
  useEffect(() => {
    if (chosen) setInputValue(chosen.name);
  }, [chosen, setInputValue]);

  useEffect(() => {
    if (pending === null || found?.text !== pending) return;
    setPending(null);
    const first = found.hits[0];
    if (first) selectItem(first);
  }, [pending, found, selectItem]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    // The box's own text: typed fast, its last letters may not have reached `query` yet.
    const text = event.currentTarget.value.trim();
    if (event.key !== 'Enter' || text.length < 2 || found?.text === text) return;
    setPending(text);
    // Not downshift's Enter, which would open a hit of an earlier text, or close the empty list.
    Reflect.set(event.nativeEvent, 'preventDownshiftDefault', true);
  };

  const open = combobox.isOpen && hits.length > 0;
  return (
    <div className="entity-search" data-testid={testId}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: getLabelProps gives it the input's htmlFor. */}
      <label {...combobox.getLabelProps()}>{label}</label>
      <input
        {...combobox.getInputProps({ 'aria-describedby': hintId, onKeyDown })}
        type="search"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
      />
      <span id={hintId} className="visually-hidden">
        Type at least two letters, in any script; Enter opens the first hit, the arrow keys move to the others.
      </span>
      <ul {...combobox.getMenuProps()} className={open ? 'search-hits open' : 'search-hits'}>
        {open &&
          hits.map((hit, index) => (
            <li
              key={hit.node.id}
              {...combobox.getItemProps({ item: hit, index })}
              className={combobox.highlightedIndex === index ? 'search-hit highlighted' : 'search-hit'}
            >
              <span className="type-dot" style={{ background: entityStyle(hit.node.__typename).color }} aria-hidden="true" />
              <span className="search-hit-name">{hit.node.name}</span>
              <span className="search-hit-type">{entityStyle(hit.node.__typename).label}</span>
              {hitNote(hit) && <span className="search-hit-matched">{hitNote(hit)}</span>}
            </li>
          ))}
      </ul>
      {/* A search that found nothing said nothing at all. */}
      {combobox.isOpen && found !== null && found.text === query.trim() && found.hits.length === 0 && (
        <p className="search-none" role="status">
          Nothing matches “{found.text}”.
        </p>
      )}
      {problem && (
        <p className="problem" role="alert">
          Search failed: {problem}
        </p>
      )}
    </div>
  );
}
