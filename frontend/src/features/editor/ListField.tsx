import { type ClipboardEvent, type KeyboardEvent, useId, useState } from "react";
import { flushSync } from "react-dom";
import { bulletsAfterBackspace, bulletsAfterEnter, bulletsAfterPaste } from "./bulletEdits";
import { RICH_LINE_HINT } from "./richTextEdits";
import { handleRichKey } from "./richTextField";

/**
 * Bullet points: one text box each. Enter splits the bullet at the caret, Backspace at the start joins it to the
 * one before, and pasting several lines makes one bullet per line.
 *
 * The new list is rendered synchronously (`flushSync`) and focus moves in the same event: a person who types the
 * next word right after Enter must never have its first letters land in the bullet they left, however fast the
 * keys come (a timer before moving focus let them through).
 */
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
  const apply = (next: { values: string[]; focus: number; caret: number }) => {
    flushSync(() => onChange(next.values));
    const input = document.getElementById(`${groupId}-${next.focus}`) as HTMLInputElement | null;
    input?.focus();
    input?.setSelectionRange(next.caret, next.caret);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (handleRichKey(event, (text) => onChange(values.map((v, i) => (i === index ? text : v))))) return;
    const { selectionStart, selectionEnd } = event.currentTarget;
    const start = selectionStart ?? values[index].length;
    const end = selectionEnd ?? start;
    if (event.key === "Enter" && !event.nativeEvent.isComposing) {
      event.preventDefault();
      apply(bulletsAfterEnter(values, index, start, end));
    } else if (event.key === "Backspace" && index > 0 && start === 0 && end === 0) {
      event.preventDefault();
      apply(bulletsAfterBackspace(values, index));
    } else if (event.key === "Backspace" && index === 0 && values.length > 1 && values[0] === "") {
      event.preventDefault();
      apply(bulletsAfterBackspace(values, index));
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>, index: number) => {
    const text = event.clipboardData.getData("text/plain");
    if (!/[\r\n]/.test(text)) return; // one line: the browser pastes it as usual
    event.preventDefault();
    const { selectionStart, selectionEnd } = event.currentTarget;
    const start = selectionStart ?? values[index].length;
    apply(bulletsAfterPaste(values, index, start, selectionEnd ?? start, text));
  };
  const addBullet = () => apply({ values: [...values, ""], focus: values.length, caret: 0 });
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
              aria-describedby={`${groupId}-hint`}
              value={value}
              data-path={`${path}.${index}`}
              onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
              onKeyDown={(e) => onKeyDown(e, index)}
              onPaste={(e) => onPaste(e, index)}
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
      <button type="button" className="button button--small" onClick={addBullet}>
        Add bullet
      </button>
      <small id={`${groupId}-hint`} className="muted bullets__hint">
        {RICH_LINE_HINT}
      </small>
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
