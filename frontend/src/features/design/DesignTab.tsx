import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { graphql } from "../../gql";
import type { PageSize } from "../../gql/graphql";
import { describeError, ErrorState, LoadingState } from "../../ui/States";
import type { DraftDesign } from "../../cv/draft";
import type { Edit } from "../../cv/edits";

export const TemplatesQuery = graphql(`
  query Templates {
    templates {
      name
      title
      description
      thumbnailUrl
    }
  }
`);

/** The fonts the server installs and allows (cvmaker/domain/design.py); nothing is fetched at render time. */
export const FONTS = [
  "Inter",
  "Lato",
  "Open Sans",
  "Noto Sans",
  "DejaVu Sans",
  "Liberation Sans",
  "EB Garamond",
  "Noto Serif",
  "DejaVu Serif",
  "Liberation Serif",
];
const ACCENTS = ["#24477a", "#1f6f6b", "#7a2e52", "#8a4b0f", "#3d3d8f", "#2f2f2f", "#b42318", "#2e7d32"];
const MARGINS = ["10mm", "12mm", "15mm", "18mm", "20mm", "25mm", "30mm"];

export function DesignTab({ design, edit }: { design: DraftDesign; edit: (e: Edit) => void }) {
  const set = (change: Partial<DraftDesign>) => edit((d) => ({ ...d, design: { ...d.design, ...change } }));
  const ids = { accent: useId(), font: useId(), size: useId(), margins: useId() };
  return (
    <div className="design-tab">
      <section className="card" aria-labelledby="templates-heading">
        <h2 id="templates-heading" className="card__title">
          Template
        </h2>
        <TemplateGallery selected={design.template} onSelect={(template) => set({ template })} />
      </section>
      <section className="card" aria-labelledby="style-heading">
        <h2 id="style-heading" className="card__title">
          Style
        </h2>
        <div className="field">
          <label htmlFor={ids.accent}>Accent colour</label>
          <div className="swatches">
            {ACCENTS.map((colour) => (
              <button
                key={colour}
                type="button"
                className="swatch"
                style={{ background: colour }}
                aria-label={`Accent colour ${colour}`}
                aria-pressed={design.accentColor.toLowerCase() === colour}
                onClick={() => set({ accentColor: colour })}
              />
            ))}
            <input
              id={ids.accent}
              type="color"
              className="swatch-input"
              value={design.accentColor}
              onChange={(e) => set({ accentColor: e.target.value })}
            />
          </div>
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={ids.font}>Font</label>
            <select id={ids.font} value={design.fontFamily} onChange={(e) => set({ fontFamily: e.target.value })}>
              {[...new Set([design.fontFamily, ...FONTS])].map((font) => (
                <option key={font} value={font}>
                  {font}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.size}>Text size: {design.fontSize} pt</label>
            <input
              id={ids.size}
              type="range"
              min={8}
              max={14}
              step={0.5}
              value={design.fontSize}
              onChange={(e) => set({ fontSize: Number(e.target.value) })}
            />
          </div>
          <fieldset className="field">
            <legend>Page size</legend>
            <div className="segmented">
              {(["A4", "LETTER"] as PageSize[]).map((size) => (
                <label key={size} className={design.pageSize === size ? "is-selected" : ""}>
                  <input
                    type="radio"
                    name="page-size"
                    value={size}
                    checked={design.pageSize === size}
                    onChange={() => set({ pageSize: size })}
                  />
                  {size === "A4" ? "A4" : "US Letter"}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={ids.margins}>Margins</label>
            <select id={ids.margins} value={design.margins} onChange={(e) => set({ margins: e.target.value })}>
              {[...new Set([design.margins, ...MARGINS])].map((margin) => (
                <option key={margin} value={margin}>
                  {margin.replace("mm", " mm")}
                </option>
              ))}
            </select>
          </div>
        </div>
      </section>
    </div>
  );
}

function TemplateGallery({ selected, onSelect }: { selected: string; onSelect: (name: string) => void }) {
  const { data, loading, error, refetch } = useQuery(TemplatesQuery, { fetchPolicy: "cache-first" });
  if (loading && !data) return <LoadingState>Loading templates…</LoadingState>;
  if (error && !data)
    return (
      <ErrorState title="The templates could not be loaded." onRetry={() => void refetch()}>
        {describeError(error)}
      </ErrorState>
    );
  return (
    // biome-ignore lint/a11y/useSemanticElements: a grid of cards, not a form section: a fieldset would bring its own border and legend
    <div className="templates" role="group" aria-label="Templates">
      {(data?.templates ?? []).map((template) => (
        <div key={template.name} className={`template ${template.name === selected ? "is-selected" : ""}`}>
          <button
            type="button"
            className="template__button"
            aria-pressed={template.name === selected}
            aria-describedby={`template-${template.name}-description`}
            onClick={() => onSelect(template.name)}
          >
            <span className="template__thumb">
              {template.thumbnailUrl ? (
                <img src={template.thumbnailUrl} alt="" loading="lazy" />
              ) : (
                <span className="template__blank" />
              )}
            </span>
            <span className="template__title">{template.title}</span>
          </button>
          <p className="template__description muted" id={`template-${template.name}-description`}>
            {template.description}
          </p>
        </div>
      ))}
    </div>
  );
}
