import type { ImportRead } from "./report";

function entries(count: number): string {
  return count === 1 ? "1 entry" : `${count} entries`;
}

/** What an import read, to check at a glance: the person, their contact details, each section and its size. */
export function ReadSummary({ read }: { read: ImportRead }) {
  return (
    <div className="import-review__part import-read">
      <h3 className="import-review__subtitle" id="import-read-heading">
        What we read from {read.fileName}
        <span className="import-read__kind"> ({read.fileKind})</span>
      </h3>
      <dl className="import-read__facts">
        <div>
          <dt>Name</dt>
          <dd data-testid="import-read-name">{read.name || <span className="import-read__missing">Not found</span>}</dd>
        </div>
        <div>
          <dt>Headline</dt>
          <dd>{read.headline ?? <span className="import-read__missing">Not found</span>}</dd>
        </div>
        {read.contact.map((item, index) => (
          <div key={index}>
            <dt>{item.label}</dt>
            <dd className="import-read__value">{item.value}</dd>
          </div>
        ))}
        {read.contact.length === 0 && (
          <div>
            <dt>Contact</dt>
            <dd>
              <span className="import-read__missing">None found</span>
            </dd>
          </div>
        )}
        <div>
          <dt>Summary</dt>
          <dd>{read.summary ? "Read" : <span className="import-read__missing">Not found</span>}</dd>
        </div>
      </dl>
      <h4 className="import-review__group-title">
        {read.sections.length === 1 ? "1 section" : `${read.sections.length} sections`}
      </h4>
      {read.sections.length === 0 ? (
        <p className="import-read__missing">No sections were found.</p>
      ) : (
        <ul className="import-read__sections" data-testid="import-read-sections">
          {read.sections.map((section, index) => (
            <li key={index}>
              <span className="import-read__section-title">{section.title}</span>{" "}
              <span className="import-read__count">{entries(section.entries)}</span>
              {section.firstEntries.length > 0 && (
                <span className="import-read__firsts">
                  <span className="visually-hidden">: </span>
                  {section.firstEntries.join(", ")}
                  {section.entries > section.firstEntries.length && ", …"}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
