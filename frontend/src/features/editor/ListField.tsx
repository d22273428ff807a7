import { useId, useState, type KeyboardEvent } from "react";

/** Bullet points: one text box each, Enter adds the next one. */
export function BulletsField({
  label,
  values,
  onChange,
  path,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  path: string;
}) {
  const groupId = useId();
  const focusBullet = (index: number) =>
    window.setTimeout(() => document.getElementById(`${groupId}-${index}`)?.focus(), 0);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key === "Enter") {
      event.preventDefault();
      const next = [...values];
      next.splice(index + 1, 0, "");
      onChange(next);
      focusBullet(index + 1);
    } else if (event.key === "Backspace" && values[index] === "" && values.length > 0) {
      event.preventDefault();
      onChange(values.filter((_, i) => i !== index));
      focusBullet(Math.max(0, index - 1));
    }
  };
  return (
    <fieldset className="bullets" data-path={path}>
      <legend>{label}</legend>
      <ul>
        {values.map((value, index) => (
          <li key={index} className="bullets__row">
            <span aria-hidden="true" className="bullets__dot">
              •
            </span>
            <input
              id={`${groupId}-${index}`}
              aria-label={`${label} ${index + 1}`}
              value={value}
              data-path={`${path}.${index}`}
              onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
              onKeyDown={(e) => onKeyDown(e, index)}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${label.toLowerCase()} ${index + 1}`}
              onClick={() => onChange(values.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onChange([...values, ""]);
          focusBullet(values.length);
        }}
      >
        Add bullet
      </button>
    </fieldset>
  );
}

/** Keywords as removable tags; typing a comma or Enter adds one. */
export function KeywordsField({
  label,
  values,
  onChange,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
}) {
  const id = useId();
  const [text, setText] = useState("");
  const commit = (raw: string) => {
    const added = raw
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s && !values.includes(s));
    if (added.length) onChange([...values, ...added]);
    setText("");
  };
  return (
    <div className="field keywords">
      <label htmlFor={id}>{label}</label>
      <div className="keywords__box">
        <ul className="keywords__list" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="tag">
              {value}
              <button
                type="button"
                className="tag__remove"
                aria-label={`Remove ${value}`}
                onClick={() => onChange(values.filter((v) => v !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          value={text}
          placeholder={values.length ? "Add more…" : "Type and press Enter"}
          onChange={(e) => (e.target.value.includes(",") ? commit(e.target.value) : setText(e.target.value))}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit(text);
            } else if (e.key === "Backspace" && text === "" && values.length) {
              onChange(values.slice(0, -1));
            }
          }}
          onBlur={() => text.trim() && commit(text)}
        />
      </div>
    </div>
  );
}
