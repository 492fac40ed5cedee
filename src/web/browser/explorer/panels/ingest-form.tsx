import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import type { IngestRequest } from '../ingest-api.ts';

export interface IngestFormProps {
  busy: boolean;
  onIngest(request: IngestRequest): void;
}

type FormatChoice = 'detect' | 'TEXT' | 'HTML';

const looksLikeHtmlFile = (file: File) => file.type === 'text/html' || /\.x?html?$/i.test(file.name);

/** Paste or upload an article, say what is known of it, and ingest it: as a dry run, or stored for review. */
export function IngestForm({ busy, onIngest }: IngestFormProps) {
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<FormatChoice>('detect');
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [published, setPublished] = useState('');
  const [publisher, setPublisher] = useState('');
  const [lang, setLang] = useState('');
  const [dryRun, setDryRun] = useState(true);
  const id = useId();

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setContent(await file.text());
    setFormat(looksLikeHtmlFile(file) ? 'HTML' : 'TEXT');
    setFileNote(`Read ${file.name} (${looksLikeHtmlFile(file) ? 'HTML' : 'plain text'}); edit it below if needed.`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!content.trim()) return;
    onIngest({ content, format: format === 'detect' ? null : format, title, url, published, publisher, lang, dryRun });
  };

  return (
    <section className="panel ingest-form" aria-labelledby={`${id}-title`} data-testid="ingest-form">
      <h2 id={`${id}-title`}>Ingest an article</h2>
      <form method="post" onSubmit={submit}>
        <label htmlFor={`${id}-content`}>Article: plain text or HTML</label>
        <textarea
          id={`${id}-content`}
          rows={10}
          value={content}
          onChange={(event) => setContent(event.target.value)}
          data-testid="ingest-content"
        />
        <label htmlFor={`${id}-file`}>Or upload a file (.txt, .html)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,.text,.html,.htm,text/plain,text/html"
          onChange={(event) => void readFile(event)}
        />
        {fileNote && <p className="muted">{fileNote}</p>}
        <label htmlFor={`${id}-format`}>Read it as</label>
        <select id={`${id}-format`} value={format} onChange={(event) => setFormat(formatChoice(event.target.value))}>
          <option value="detect">Detect (HTML when it starts like HTML)</option>
          <option value="TEXT">Plain text</option>
          <option value="HTML">HTML</option>
        </select>
        <fieldset>
          <legend>About it (optional)</legend>
          <label htmlFor={`${id}-title-field`}>Title</label>
          <input id={`${id}-title-field`} type="text" value={title} onChange={(event) => setTitle(event.target.value)} />
          <label htmlFor={`${id}-url`}>Address (URL)</label>
          <input id={`${id}-url`} type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
          <label htmlFor={`${id}-published`}>Published (2021, 2021-05 or 2021-05-17)</label>
          <input id={`${id}-published`} type="text" value={published} onChange={(event) => setPublished(event.target.value)} />
          <label htmlFor={`${id}-publisher`}>Publisher</label>
          <input id={`${id}-publisher`} type="text" value={publisher} onChange={(event) => setPublisher(event.target.value)} />
          <label htmlFor={`${id}-lang`}>Language</label>
          <select id={`${id}-lang`} value={lang} onChange={(event) => setLang(event.target.value)}>
            <option value="">Detect from the script</option>
            <option value="en">English</option>
            <option value="ru">Russian</option>
          </select>
        </fieldset>
        <fieldset>
          <legend>What to do</legend>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={dryRun} onChange={() => setDryRun(true)} data-testid="ingest-dry-run" />
            Dry run: show what it finds, store nothing
          </label>
          <label className="check">
            <input type="radio" name={`${id}-mode`} checked={!dryRun} onChange={() => setDryRun(false)} data-testid="ingest-store" />
            Store it for review
          </label>
        </fieldset>
        <button type="submit" disabled={busy || !content.trim()} data-testid="ingest-submit">
          Ingest
        </button>
      </form>
    </section>
  );
}

function formatChoice(value: string): FormatChoice {
  return value === 'TEXT' || value === 'HTML' ? value : 'detect';
}
