import { createContext, useContext, useId, useRef, type ReactNode } from "react";
import { RICH_TEXT_HINT } from "./richTextEdits";
import { handleRichKey, RichTextToolbar } from "./richTextField";

/** Server validation problems by field path ("basics.email", "sections.0.items.2.startDate"). */
export const FieldErrorsContext = createContext<Readonly<Record<string, string>>>({});

/** Paths the importer was unsure of, with where it read them: highlighted until the person confirms the import. */
export const UncertainFieldsContext = createContext<ReadonlyMap<string, string | null>>(new Map());

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  path?: string;
  multiline?: boolean;
  rows?: number;
  type?: "text" | "email" | "tel" | "url";
  placeholder?: string;
  hint?: ReactNode;
  autoComplete?: string;
  className?: string;
  maxLength?: number;
  /** For repeated rows: the label is read out but shown only on the first row. */
  labelHidden?: boolean;
  /** A multiline field of rich text (summary, description): a formatting toolbar, Ctrl/Cmd+B and +I, a hint. */
  rich?: boolean;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const errors = useContext(FieldErrorsContext);
  const uncertain = useContext(UncertainFieldsContext);
  const error = props.path ? errors[props.path] : undefined;
  const unsure = props.path ? uncertain.has(props.path) : false;
  const source = props.path ? uncertain.get(props.path) : null;
  const richBox = useRef<HTMLTextAreaElement>(null);
  const rich = Boolean(props.rich && props.multiline);
  const hint = props.hint ?? (rich ? RICH_TEXT_HINT : undefined);
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null, unsure ? `${id}-unsure` : null]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    value: props.value,
    placeholder: props.placeholder,
    maxLength: props.maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
    "data-path": props.path,
  };
  return (
    <div className={`field ${unsure ? "field--unsure" : ""} ${props.className ?? ""}`}>
      <label htmlFor={id} className={props.labelHidden ? "visually-hidden" : undefined}>
        {props.label}
      </label>
      {rich && <RichTextToolbar target={richBox} controls={id} onChange={props.onChange} />}
      {props.multiline ? (
        <textarea
          {...common}
          ref={rich ? richBox : undefined}
          rows={props.rows ?? 4}
          onChange={(e) => props.onChange(e.target.value)}
          onKeyDown={rich ? (e) => handleRichKey(e, props.onChange) : undefined}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          autoComplete={props.autoComplete ?? "off"}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {hint && (
        <small id={`${id}-hint`} className="muted">
          {hint}
        </small>
      )}
      {unsure && (
        <small id={`${id}-unsure`} className="field__unsure">
          Check this: the importer was not sure about it{source ? ` (read from ${source})` : ""}.
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="field__error">
          {props.label} {error}
        </small>
      )}
    </div>
  );
}

export function Checkbox(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}
