import { useEffect, useRef, useState } from "react";
import { useLocation } from "react-router";
import { type ImportRead, type ImportWarning, readFromState, reviewWarnings } from "./report";
import { ReadSummary } from "./ReadSummary";
import "./import.css";

const PATH = /\b(?:basics\.\w+|summary|title|sections\.\d+(?:\.items\.\d+(?:\.\w+)?|\.title)?)\b/g;

/** Field paths a warning names ("Left out sections.0.items.1.endDate: ..."), to highlight in the form. */
export function pathsInWarnings(warnings: ImportWarning[]): Set<string> {
  const paths = new Set<string>();
  for (const warning of warnings) for (const match of warning.message.matchAll(PATH)) paths.add(match[0]);
  return paths;
}

/** Where the focus goes when the review closes: the first field of the form, else the page's content. */
function focusAfterReview() {
  const target =
    document.querySelector<HTMLElement>('[data-path="basics.name"]') ?? document.getElementById("main") ?? null;
  target?.focus();
}

/** After an import: what was read (name, contact, sections with their entries), then what the importer was
 * unsure of or could not place, for the person to check. */
export function ImportReview({
  warnings,
  highlighted,
  onDone,
  onDiscard,
  read: given,
}: {
  warnings: ImportWarning[];
  /** How many fields of the form are highlighted as unsure. */
  highlighted: number;
  onDone: () => void;
  onDiscard: () => void;
  /** What was read; by default the summary the import dialog handed over with the navigation. */
  read?: ImportRead;
}) {
  const handed = readFromState(useLocation().state);
  const read = given ?? handed;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // After the page's own move of the focus to its content (a parent's effect runs after this one).
    const timer = window.setTimeout(() => heading.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  const { groups, unplaced, count } = reviewWarnings(warnings, read);
  const toCheck = groups.reduce((sum, group) => sum + group.warnings.length, 0);
  const clean = count === 0 && highlighted === 0;
  const done = () => {
    onDone();
    window.setTimeout(focusAfterReview, 0);
  };
  return (
    <section className="card import-review" aria-labelledby="import-review-heading">
      <h2 id="import-review-heading" ref={heading} tabIndex={-1} className="card__title">
        Check your imported CV
      </h2>
      <p>
        {clean
          ? "Everything in the file found a place. Have a look through, then carry on editing."
          : "We read your file into the form below."}
        {highlighted > 0 &&
          ` ${highlighted === 1 ? "One field" : `${highlighted} fields`} we were unsure of ${highlighted === 1 ? "is" : "are"} highlighted in yellow.`}
        {unplaced.length > 0 && " Some text found no place; it is listed here so you can copy it where it belongs."}
      </p>
      {read && <ReadSummary read={read} />}
      {groups.length > 0 && (
        <div className="import-review__part">
          <h3 className="import-review__subtitle" id="import-review-warnings">
            {toCheck === 1 ? "1 thing to check" : `${toCheck} things to check`}
          </h3>
          {groups.map((group) => (
            <div key={group.title} className="import-review__group">
              <h4 className="import-review__group-title">{group.title}</h4>
              <ul className="import-review__warnings">
                {group.warnings.map((warning, index) => (
                  <li key={index} className="import-review__warning">
                    <p>
                      {warning.field && <strong>{warning.field}: </strong>}
                      {warning.message}
                    </p>
                    {warning.path && <code className="import-review__path">{warning.path}</code>}
                    {warning.text && <UnplacedText text={warning.text} />}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {unplaced.length > 0 && (
        <div className="import-review__part">
          <h3 className="import-review__subtitle">Text we could not place</h3>
          {unplaced.map(({ message, texts }) => (
            <div key={message} className="import-review__group">
              <p className="muted">{message}:</p>
              <ul className="import-review__unplaced">
                {texts.map((text) => (
                  <li key={text}>
                    <UnplacedText text={text} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      <div className="import-review__actions">
        <button type="button" className="button button--primary" onClick={done}>
          Looks good
        </button>
        <button type="button" className="button button--danger-ghost" onClick={onDiscard}>
          Discard this import
        </button>
      </div>
    </section>
  );
}

function UnplacedText({ text }: { text: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  useEffect(() => {
    if (!copied) return;
    const clear = window.setTimeout(() => setCopied(null), 2500);
    return () => window.clearTimeout(clear);
  }, [copied]);
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      setCopied("no"); // a browser without clipboard access: say so, the text stays on screen to select
    }
  };
  return (
    <span className="import-review__copyable">
      <span className="import-review__text">{text}</span>
      <button type="button" className="button button--small" aria-label={`Copy “${text}”`} onClick={() => void copy()}>
        {copied === "yes" ? "Copied" : "Copy"}
      </button>
      <span role="status" className={copied ? "import-review__copied" : "visually-hidden"}>
        {copied === "yes"
          ? "Copied to the clipboard"
          : copied === "no"
            ? "Could not copy: select the text instead"
            : ""}
      </span>
    </span>
  );
}
