import type { ImportWarning } from "./ImportDialog";

const PATH = /\b(?:basics\.\w+|summary|title|sections\.\d+(?:\.items\.\d+(?:\.\w+)?|\.title)?)\b/g;

/** Field paths a warning names ("Left out sections.0.items.1.endDate: ..."), to highlight in the form. */
export function pathsInWarnings(warnings: ImportWarning[]): Set<string> {
  const paths = new Set<string>();
  for (const warning of warnings) for (const match of warning.message.matchAll(PATH)) paths.add(match[0]);
  return paths;
}

/** After an import: what the importer was unsure of or could not place, for the person to check. */
export function ImportReview({
  warnings,
  highlighted,
  onDone,
  onDiscard,
}: {
  warnings: ImportWarning[];
  /** How many fields of the form are highlighted as unsure. */
  highlighted: number;
  onDone: () => void;
  onDiscard: () => void;
}) {
  const notes = [...new Set(warnings.filter((w) => !w.text).map((w) => w.message))];
  const unplaced = new Map<string, string[]>();
  for (const warning of warnings) {
    if (!warning.text) continue;
    const texts = unplaced.get(warning.message) ?? [];
    if (!texts.includes(warning.text)) texts.push(warning.text);
    unplaced.set(warning.message, texts);
  }
  const clean = notes.length === 0 && unplaced.size === 0 && highlighted === 0;
  return (
    <section className="card import-review" aria-labelledby="import-review-heading">
      <h2 id="import-review-heading" className="card__title">
        Check your imported CV
      </h2>
      <p>
        {clean
          ? "Everything in the file found a place. Have a look through, then carry on editing."
          : "We read your file into the form below."}
        {highlighted > 0 &&
          ` ${highlighted === 1 ? "One field" : `${highlighted} fields`} we were unsure of ${highlighted === 1 ? "is" : "are"} highlighted in yellow.`}
        {unplaced.size > 0 && " Some text found no place; it is listed here so you can copy it where it belongs."}
      </p>
      {notes.length > 0 && (
        <ul className="import-review__notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {unplaced.size > 0 && (
        <>
          <h3 className="import-review__subtitle">Text we could not place</h3>
          {[...unplaced].map(([message, texts]) => (
            <div key={message} className="import-review__group">
              <p className="muted">{message}:</p>
              <ul className="import-review__unplaced">
                {texts.map((text) => (
                  <li key={text}>
                    <span className="import-review__text">{text}</span>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={`Copy “${text}”`}
                      onClick={() => void navigator.clipboard?.writeText(text)}
                    >
                      Copy
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      <div className="import-review__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          Looks good
        </button>
        <button type="button" className="button button--danger-ghost" onClick={onDiscard}>
          Discard this import
        </button>
      </div>
    </section>
  );
}
