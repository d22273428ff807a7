import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import type { DraftDesign, DraftSection, DraftSectionLayout } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { graphql } from "../../gql";
import type { SectionColumn } from "../../gql/graphql";
import "./SectionLayout.css";

/** Which templates put sections in two columns; shares the Templates query's cache entries. */
export const SectionLayoutTemplatesQuery = graphql(`
  query SectionLayoutTemplates {
    templates {
      name
      title
      twoColumns
    }
  }
`);

const COLUMNS: [SectionColumn | "", string][] = [
  ["", "Template's choice"],
  ["MAIN", "Main column"],
  ["SIDE", "Side column"],
];

/** `layouts` with `sectionId`'s layout changed; a layout that chooses nothing is left out, as the server does. */
export function withLayout(
  layouts: DraftSectionLayout[] | undefined,
  sectionId: string,
  change: Partial<DraftSectionLayout>,
): DraftSectionLayout[] {
  const current = layouts?.find((layout) => layout.sectionId === sectionId) ?? { sectionId };
  const next: DraftSectionLayout = { ...current, ...change, sectionId };
  const others = (layouts ?? []).filter((layout) => layout.sectionId !== sectionId);
  const chooses = Boolean(next.column) || Boolean(next.pageBreakBefore) || Boolean(next.keepTogether);
  return chooses ? [...others, next] : others;
}

/** "Sections on the page": per visible section, its column (two-column templates), a page break and keep-together. */
export function SectionLayout({
  design,
  sections,
  edit,
}: {
  design: DraftDesign;
  sections: DraftSection[];
  edit: (e: Edit) => void;
}) {
  const { data } = useQuery(SectionLayoutTemplatesQuery, { fetchPolicy: "cache-first" });
  const template = data?.templates.find((t) => t.name === design.template);
  // Until the templates are known, the column stays usable: the server ignores it in one-column templates.
  const oneColumn = template ? !template.twoColumns : false;
  const noteId = useId();
  const headingId = useId();
  const shown = sections.filter((section) => section.visible);
  const set = (sectionId: string, change: Partial<DraftSectionLayout>) =>
    edit((d) => ({ ...d, design: { ...d.design, sections: withLayout(d.design.sections, sectionId, change) } }));
  return (
    <section className="card section-layout" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        Sections on the page
      </h2>
      {oneColumn && template && (
        <p id={noteId} className="muted section-layout__note">
          {template.title} has one column, so it ignores the column choice. It applies in two-column templates.
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted">Add a section in the Content tab to lay it out here.</p>
      ) : (
        <ul className="section-layout__list">
          {shown.map((section) => (
            <SectionRow
              key={section.id}
              section={section}
              layout={design.sections?.find((layout) => layout.sectionId === section.id)}
              oneColumn={oneColumn}
              noteId={oneColumn ? noteId : undefined}
              onChange={(change) => set(section.id, change)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SectionRow({
  section,
  layout,
  oneColumn,
  noteId,
  onChange,
}: {
  section: DraftSection;
  layout: DraftSectionLayout | undefined;
  oneColumn: boolean;
  noteId: string | undefined;
  onChange: (change: Partial<DraftSectionLayout>) => void;
}) {
  const columnId = useId();
  const title = section.title || section.kind;
  return (
    <li>
      <fieldset className="section-layout__row">
        <legend>{title}</legend>
        <div className="section-layout__column">
          <label htmlFor={columnId}>Column</label>
          <select
            id={columnId}
            value={layout?.column ?? ""}
            disabled={oneColumn}
            aria-describedby={noteId}
            onChange={(e) => onChange({ column: (e.target.value || null) as SectionColumn | null })}
          >
            {COLUMNS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox section-layout__check">
          <input
            type="checkbox"
            checked={layout?.pageBreakBefore ?? false}
            onChange={(e) => onChange({ pageBreakBefore: e.target.checked })}
          />
          <span>Start on a new page</span>
        </label>
        <label className="checkbox section-layout__check">
          <input
            type="checkbox"
            checked={layout?.keepTogether ?? false}
            onChange={(e) => onChange({ keepTogether: e.target.checked })}
          />
          <span>Keep together</span>
        </label>
      </fieldset>
    </li>
  );
}
