import { memo } from "react";
import type { Draft } from "../../cv/draft";
import type { Edit } from "../../cv/edits";
import { TextField } from "./fields";

type Basics = Draft["basics"];

export const BasicsForm = memo(function BasicsForm({ basics, edit }: { basics: Basics; edit: (e: Edit) => void }) {
  const set = (change: Partial<Basics>) => edit((d) => ({ ...d, basics: { ...d.basics, ...change } }));
  const setLink = (index: number, change: Partial<Basics["links"][number]>) =>
    set({ links: basics.links.map((link, i) => (i === index ? { ...link, ...change } : link)) });
  return (
    <section className="card" aria-labelledby="basics-heading">
      <h2 id="basics-heading" className="card__title">
        Personal details
      </h2>
      <div className="grid-2">
        <TextField
          label="Full name"
          path="basics.name"
          value={basics.name}
          onChange={(name) => set({ name })}
          autoComplete="name"
        />
        <TextField
          label="Headline"
          path="basics.headline"
          value={basics.headline}
          onChange={(headline) => set({ headline })}
          placeholder="e.g. Senior Data Engineer"
        />
        <TextField
          label="Email"
          type="email"
          path="basics.email"
          value={basics.email}
          onChange={(email) => set({ email })}
          autoComplete="email"
        />
        <TextField
          label="Phone"
          type="tel"
          path="basics.phone"
          value={basics.phone}
          onChange={(phone) => set({ phone })}
          autoComplete="tel"
        />
        <TextField
          label="Location"
          path="basics.location"
          value={basics.location}
          onChange={(location) => set({ location })}
          placeholder="City, Country"
        />
      </div>
      <fieldset className="links">
        <legend>Links</legend>
        {basics.links.map((link, index) => (
          <div className="links__row" key={index}>
            <TextField
              label="Label"
              labelHidden={index > 0}
              path={`basics.links.${index}.label`}
              value={link.label}
              onChange={(label) => setLink(index, { label })}
              placeholder="LinkedIn"
            />
            <TextField
              label="Address"
              labelHidden={index > 0}
              type="url"
              path={`basics.links.${index}.url`}
              value={link.url}
              onChange={(url) => setLink(index, { url })}
              placeholder="https://"
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove link ${link.label || link.url || index + 1}`}
              onClick={() => set({ links: basics.links.filter((_, i) => i !== index) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => set({ links: [...basics.links, { label: "", url: "" }] })}
        >
          Add link
        </button>
      </fieldset>
    </section>
  );
});

export const SummaryForm = memo(function SummaryForm({ summary, edit }: { summary: string; edit: (e: Edit) => void }) {
  return (
    <section className="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="card__title">
        Summary
      </h2>
      <TextField
        label="A few sentences about you"
        path="summary"
        multiline
        rich
        rows={4}
        value={summary}
        onChange={(value) => edit((d) => ({ ...d, summary: value }))}
      />
    </section>
  );
});
