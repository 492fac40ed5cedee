import type { EntityDetails } from '../api/shapes.ts';
import { describeEvidence } from '../model/evidence.ts';
import { describeDate } from '../model/partial-dates.ts';
import { fieldSupport, listSupport } from '../model/provenance.ts';
import { EvidenceMark } from './evidence-mark.tsx';

/** The fields a panel shows, each with its label and the name `provenance` gives it. */
const fieldLabels: [keyof EntityDetails, string, string][] = [
  // A memorandum's title is stored as its name.
  ['title', 'Title', 'name'],
  ['publisher', 'Publisher', 'publisher'],
  ['kind', 'Kind', 'kind'],
  ['tldType', 'Type', 'type'],
  ['unicode', 'Unicode form', 'unicode'],
  ['ascii', 'ASCII form', 'ascii'],
  ['idn', 'Internationalised', 'idn'],
  ['code', 'Code', 'code'],
  ['country', 'Country', 'country'],
  ['date', 'Date', 'date'],
  ['language', 'Language', 'language'],
  ['startDate', 'Starts', 'startDate'],
  ['endDate', 'Ends', 'endDate'],
  ['place', 'Place', 'place'],
  ['edition', 'Edition', 'edition'],
  ['number', 'Number', 'number'],
  ['url', 'Address', 'url'],
];
const dated = new Set<string>(['date', 'startDate', 'endDate']);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** "English (en)": a source's language by name, with the code the API gives; the code alone when it names none. */
function describeLanguage(code: string): string {
  try {
    const name = languageNames.of(code);
    return name ? `${name} (${code})` : code;
  } catch {
    // Not a BCP 47 tag at all: shown as it is stored.
    return code;
  }
}

/** A field's value as the panel writes it. */
function shown(field: keyof EntityDetails, text: string): string {
  if (dated.has(field)) return describeDate(text);
  return field === 'language' ? describeLanguage(text) : text;
}

/**
 * An entity's own facts, each marked with how it is known where its sources do not simply state
 * it (`provenance`: a value inferred, with its basis, or from outside the sources), and the whole
 * record's evidence when it is not STATED (a statement known only from a paraphrase).
 */
export function EntityFacts({ details }: { details: EntityDetails }) {
  const { provenance } = details;
  const aliasSupport = listSupport(provenance, 'aliases');
  // The heading is the name: a source's title (stored so), a memorandum's is its own Title row.
  const isSource = details.__typename === 'Source';
  const nameSupport = details.__typename === 'Memorandum' ? [] : fieldSupport(provenance, isSource ? 'title' : 'name');
  return (
    <>
      {details.summary && (
        <p className="statement-summary" data-testid="statement-summary">
          {details.summary}
          <EvidenceMark supports={fieldSupport(provenance, 'summary')} />
        </p>
      )}
      {details.description && (
        <p>
          {details.description}
          <EvidenceMark supports={fieldSupport(provenance, 'description')} />
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Id</dt>
          <dd>
            <code>{details.slug}</code>
          </dd>
        </div>
        {details.evidence && details.evidence !== 'STATED' && (
          <div>
            <dt>Evidence</dt>
            <dd data-testid="entity-evidence">{describeEvidence(details.evidence, details.basis)}</dd>
          </div>
        )}
        {nameSupport.length > 0 && (
          <div data-testid="field-name">
            <dt>{isSource ? 'Title' : 'Name'}</dt>
            <dd>
              {details.name}
              <EvidenceMark supports={nameSupport} />
            </dd>
          </div>
        )}
        {details.aliases.length > 0 && (
          <div>
            <dt>Also called</dt>
            <dd>
              <ul className="aliases">
                {details.aliases.map((alias) => {
                  const support = aliasSupport.get(alias);
                  return (
                    <li key={alias} data-testid="alias">
                      {alias}
                      <EvidenceMark supports={support ? [support] : []} />
                    </li>
                  );
                })}
              </ul>
            </dd>
          </div>
        )}
        {fieldLabels.map(([field, label, provenanceField]) => {
          const value = details[field];
          if (value === null || value === undefined || typeof value === 'object') return null;
          const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
          return (
            <div key={field} data-testid={`field-${field}`}>
              <dt>{label}</dt>
              <dd>
                {shown(field, text)}
                <EvidenceMark supports={fieldSupport(provenance, provenanceField)} />
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
