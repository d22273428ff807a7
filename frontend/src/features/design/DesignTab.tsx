import { useQuery } from "@apollo/client/react";
import { useId } from "react";
import { graphql } from "../../gql";
import type { HeadingStyle, LineHeight, PageSize, SectionSpacing } from "../../gql/graphql";
import { describeError, ErrorState, LoadingState } from "../../ui/States";
import type { DraftDesign, DraftSection } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { SectionLayout } from "./SectionLayout";
import "./design.css";

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

/** The server's allow-lists (cvmaker/domain/cv/design.py), with the words the person sees. */
export const LINE_HEIGHTS: [LineHeight, string][] = [
  ["TIGHT", "Tight"],
  ["NORMAL", "Standard"],
  ["RELAXED", "Relaxed"],
];
export const SECTION_SPACINGS: [SectionSpacing, string][] = [
  ["COMPACT", "Compact"],
  ["NORMAL", "Standard"],
  ["SPACIOUS", "Spacious"],
];
export const HEADING_STYLES: [HeadingStyle, string][] = [
  ["TEMPLATE", "Template's own"],
  ["UNDERLINE", "Underlined"],
  ["BAND", "On a band"],
  ["SMALL_CAPS", "Small capitals"],
  ["PLAIN", "Plain"],
];

/** The finer options; absent in a design loaded before they existed, which then reads as the defaults. */
export interface DesignOptions {
  lineHeight?: LineHeight;
  sectionSpacing?: SectionSpacing;
  headingStyle?: HeadingStyle;
}
type Design = DraftDesign & DesignOptions;

export function DesignTab({
  design,
  sections,
  edit,
}: {
  design: Design;
  /** The CV's sections, for "Sections on the page" (left out: the group is not shown). */
  sections?: DraftSection[];
  edit: (e: Edit) => void;
}) {
  const set = (change: Partial<Design>) => edit((d) => ({ ...d, design: { ...d.design, ...change } }));
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
      <section className="card" aria-labelledby="spacing-heading">
        <h2 id="spacing-heading" className="card__title">
          Spacing and headings
        </h2>
        <Choice
          legend="Line height"
          name="line-height"
          options={LINE_HEIGHTS}
          value={design.lineHeight ?? "NORMAL"}
          onChange={(lineHeight) => set({ lineHeight })}
        />
        <Choice
          legend="Space between sections"
          name="section-spacing"
          options={SECTION_SPACINGS}
          value={design.sectionSpacing ?? "NORMAL"}
          onChange={(sectionSpacing) => set({ sectionSpacing })}
        />
        <Choice
          legend="Section headings"
          name="heading-style"
          options={HEADING_STYLES}
          value={design.headingStyle ?? "TEMPLATE"}
          onChange={(headingStyle) => set({ headingStyle })}
        />
      </section>
      {sections && <SectionLayout design={design} sections={sections} edit={edit} />}
    </div>
  );
}

/** One of a few named values, as radio buttons that wrap onto more lines on a narrow screen. */
function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: [T, string][];
  value: T;
  onChange: (value: T) => void;
}) {
  const group = `${name}-${useId()}`;
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="segmented segmented--wrap">
        {options.map(([option, label]) => (
          <label key={option} className={value === option ? "is-selected" : ""}>
            <input
              type="radio"
              name={group}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
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
